// Helpers for unit tests (Node): compile a language's source and run it as a WASI command.
import { compilers } from './languages/compilers';
import { WasiHost } from './wasi/host';
import { runStart } from './wasm/command';
import { Budget, buildTree } from './wasi/memfs';
import { StdinStream, type Waiter } from './wasi/stdin';
import { runWasi } from './wasm/runWasi';
import type { CompileResult } from './protocol/compile';
import type { OutputChunk, RunResult } from './protocol/run';
import type { LanguageId } from './languages/registry';

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
  flags?: string,
): Promise<CompileResult> {
  const fn = await compilers[language].load();
  return fn({ language, source: files[entry], files, entry, options: { optLevel, flags } });
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
    /** false: no directory preopened (fd 3 absent). */
    preopen?: boolean;
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
      preopen: opts.preopen,
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

/**
 * Runs a WASI command whose stdin is typed: each time it waits for input, `[wait]` goes into the
 * transcript, then the next of `inputs` is given (null = Ctrl+D). The transcript shows whether
 * a prompt was out before the program waited. Synchronous, like the Atomics path.
 */
export function runTyped(
  wasm: Uint8Array,
  inputs: (string | null)[],
): { transcript: string; exitCode: number; waits: number } {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  let transcript = '';
  let waits = 0;
  const queue = [...inputs];
  const budget = new Budget();
  const waiter: Waiter = {
    mode: 'atomics',
    pull() {},
    waitSync() {},
  };
  const stream = new StdinStream(new Uint8Array(0), true);
  waiter.waitSync = () => {
    if (queue.length === 0) throw new Error(`the program waited for input a ${waits + 1}th time`);
    const next = queue.shift()!;
    if (next === null) stream.close();
    else {
      transcript += next;
      stream.push(enc.encode(next));
    }
  };
  const host = new WasiHost({
    args: ['main.wasm'],
    env: [],
    stdin: stream,
    stdout: (b) => (transcript += dec.decode(b)),
    stderr: (b) => (transcript += dec.decode(b)),
    root: buildTree({}, budget),
    budget,
    waiter,
    tty: { stdin: true, stdout: true },
    onStdinWait: (state) => {
      if (state === 'waiting') {
        waits++;
        transcript += '[wait]';
      }
    },
  });
  const exitCode = runOnHost(wasm, host);
  return { transcript, exitCode, waits };
}

/**
 * Runs a WASI command synchronously on `host` (no JSPI: a host that waits must block); returns
 * the exit code. Traps are thrown.
 */
export function runOnHost(wasm: Uint8Array, host: WasiHost): number {
  const inst = new WebAssembly.Instance(new WebAssembly.Module(wasm as BufferSource), {
    wasi_snapshot_preview1: host.imports as WebAssembly.ModuleImports,
  });
  const end = runStart(inst, host);
  if (end.error) throw new Error(end.error);
  if (end.trap) throw end.thrown;
  return end.exitCode!;
}
