// Worker only: the formatters' code (clang-format's 2.5 MB wasm, ruff's 1.2 MB, Prettier) loads
// on first use.
import type { FormatRequest, FormatResult } from '../protocol/format';
import { formatWat } from './watFormat';
import { withRuff } from './ruff';

const ext = (path: string) => /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';

let clang: Promise<typeof import('@wasm-fmt/clang-format/vite')> | undefined;
/** clang-format built for wasm (@wasm-fmt/clang-format); its .wasm is a Vite asset of the app. */
function clangFormat() {
  clang ??= import('@wasm-fmt/clang-format/vite').then(async (m) => {
    await m.default();
    return m;
  });
  return clang;
}

const CLANG_VERSION = '23.1.0';

async function withClang(
  req: FormatRequest,
  filename: string,
  base: string,
): Promise<FormatResult> {
  const m = await clangFormat();
  if (req.clangFormatStyle?.trim()) {
    try {
      return {
        text: m.format(req.text, filename, req.clangFormatStyle),
        tool: `clang-format ${CLANG_VERSION} (the project's .clang-format)`,
      };
    } catch (e) {
      const fallback = m.format(req.text, filename, styleOf(base, req.tabSize));
      return {
        text: fallback,
        tool: `clang-format ${CLANG_VERSION} (${base} style)`,
        note: `.clang-format was not used: ${firstLine(e)}`,
      };
    }
  }
  return {
    text: m.format(req.text, filename, styleOf(base, req.tabSize)),
    tool: `clang-format ${CLANG_VERSION} (${base} style, indent ${req.tabSize})`,
  };
}

const styleOf = (base: string, indent: number) =>
  `{BasedOnStyle: ${base}, IndentWidth: ${indent}, ColumnLimit: 100}`;

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/**
 * Prettier's standalone build with its TypeScript parser, for AssemblyScript. AssemblyScript puts
 * decorators where TypeScript has none (`@inline function`, `@external(…) declare function`), which
 * Prettier's parser rejects: a decorator at the start of a line is hidden in a comment while
 * Prettier works and put back after.
 */
async function prettierAs(text: string, tabSize: number): Promise<string> {
  const masked = text.replace(/^([ \t]*)@([A-Za-z_]\w*(?:\([^()\n]*\))?)/gm, '$1/*@@$2*/');
  const out = await prettierTs(masked, tabSize);
  return out.replace(/\/\*@@([^*]*)\*\//g, '@$1');
}

async function prettierTs(text: string, tabSize: number): Promise<string> {
  const [prettier, ts, estree] = await Promise.all([
    import('prettier/standalone'),
    import('prettier/plugins/typescript'),
    import('prettier/plugins/estree'),
  ]);
  return prettier.format(text, {
    parser: 'typescript',
    plugins: [ts, estree],
    tabWidth: tabSize,
    printWidth: 100,
    singleQuote: false,
  });
}

export async function formatFile(req: FormatRequest): Promise<FormatResult> {
  const e = ext(req.path);
  if (req.formatter === 'clang-format')
    return withClang(req, req.dialect === 'cpp' ? 'main.cpp' : 'main.c', 'LLVM');
  if (req.formatter === 'ruff') return withRuff(req);
  if (req.formatter === 'none')
    throw new Error('no formatter for this language runs in the browser (none is bundled)');
  if (req.formatter === 'wat-indent')
    return { text: formatWat(req.text, req.tabSize), tool: 'the playground’s WAT indenter' };
  if (req.formatter === 'prettier-typescript') {
    try {
      return { text: await prettierAs(req.text, req.tabSize), tool: 'Prettier (TypeScript)' };
    } catch (err) {
      throw new Error(firstLine(err), { cause: err });
    }
  }
  if (e === 'json') {
    try {
      return {
        text: JSON.stringify(JSON.parse(req.text), null, req.tabSize) + '\n',
        tool: 'JSON',
      };
    } catch (err) {
      throw new Error(`not valid JSON: ${firstLine(err)}`, { cause: err });
    }
  }
  throw new Error(`there is no formatter for ${e ? `.${e}` : 'this kind of'} files`);
}
