// Worker only: Python formatting with ruff's formatter built for wasm (@wasm-fmt/ruff_fmt,
// 1.2 MB; the wasm-fmt family our clang-format comes from), loaded on first use.
import type { FormatRequest, FormatResult } from '../protocol/format';

let ruff: Promise<typeof import('@wasm-fmt/ruff_fmt/vite')> | undefined;

function load() {
  ruff ??= import('@wasm-fmt/ruff_fmt/vite').then(async (m) => {
    await m.default();
    return m;
  });
  ruff.catch(() => (ruff = undefined));
  return ruff;
}

/** Formats Python as `ruff format` does (line width 88), with the editor's indent width. */
export async function withRuff(req: FormatRequest): Promise<FormatResult> {
  const m = await load();
  try {
    return {
      text: m.format(req.text, req.path, { indent_width: req.tabSize, line_width: 88 }),
      tool: 'ruff format (0.15)',
    };
  } catch (e) {
    // ruff refuses code it cannot parse: say where, as its CLI does.
    throw new Error(`ruff cannot parse it: ${String(e).split('\n')[0]}`, { cause: e });
  }
}
