// Helpers for unit tests (Node): compile a language's source and run it as a WASI command.
import { compilers } from './languages/compilers';
import { runWasi } from './wasm/runWasi';
import type { CompileResult, LanguageId, OutputChunk, RunResult } from './workers/protocol';

export async function compile(
  language: LanguageId,
  source: string,
  optLevel?: string,
  flags?: string,
): Promise<CompileResult> {
  const fn = await compilers[language].load();
  return fn({ language, source, options: { optLevel, flags } });
}

/** Compiles a project: every file, with `entry` as the entry. */
export async function compileProject(
  language: LanguageId,
  files: Record<string, string>,
  entry: string,
  optLevel?: string,
): Promise<CompileResult> {
  const fn = await compilers[language].load();
  return fn({ language, source: files[entry], files, entry, options: { optLevel } });
}

export interface RunOutput extends RunResult {
  stdout: string;
  stderr: string;
  chunks: OutputChunk[];
}

export async function run(
  wasm: Uint8Array,
  opts: {
    stdin?: string;
    args?: string[];
    env?: string[];
    files?: Record<string, Uint8Array>;
  } = {},
): Promise<RunOutput> {
  const chunks: OutputChunk[] = [];
  const r = await runWasi(
    {
      runId: 1,
      wasm,
      stdin: opts.stdin ?? '',
      args: opts.args ?? [],
      env: opts.env ?? [],
      files: opts.files,
    },
    (c) => chunks.push(...c),
  );
  const text = (s: string) =>
    chunks
      .filter((c) => c.stream === s)
      .map((c) => c.text)
      .join('');
  return { ...r, chunks, stdout: text('stdout'), stderr: text('stderr') };
}

export async function compileAndRun(
  language: LanguageId,
  source: string,
  opts: Parameters<typeof run>[1] = {},
) {
  const c = await compile(language, source);
  if (!c.ok || !c.wasm) throw new Error(`compile failed: ${c.log}`);
  return run(c.wasm, opts);
}
