import { WasiHost, type StdinWaitState } from '../wasi/host';
import type { MountedProject } from '../wasi/mount';
import { Budget, buildTree, readTree } from '../wasi/memfs';
import { noWaiter, PortWaiter, RingWaiter, StdinStream, type Waiter } from '../wasi/stdin';
import type { ModuleEntry, OutputChunk, RunResult, StdioSetup } from '../protocol/run';
import { hasJspi, jspi } from './jspi';
import { OutputBatcher } from './outputBatcher';
import { describeTrap } from './trap';
import { runStart, runStartSuspending } from './command';
import { ModuleCache } from './moduleCache';

/** Inputs of one WASI command run. */
export interface WasiRunInput {
  runId: number;
  wasm: Uint8Array;
  stdin: string;
  args: string[];
  env: string[];
  /** argv[0] as the program sees it. */
  programName?: string;
  /** The files mounted at `/` (path → bytes, folders end in `/`); none when absent. */
  files?: Record<string, Uint8Array>;
  /**
   * Or the project the runner worker keeps: mounted without copies, and the result carries
   * only what the run changed (and every file with `returnFiles`).
   */
  mount?: MountedProject;
  returnFiles?: boolean;
  /** false: no directory is preopened (see RunRequest.preopen). */
  preopen?: boolean;
  stdio?: StdioSetup;
  /** A debug run: `wasm` is instrumented, and these are its hooks (src/debug/runner.ts). */
  debugHooks?: DebugHooks;
}

/** What a debug run adds: the "dbg" imports, the memory they read, the pause at a trap. */
export interface DebugHooks {
  imports: Record<string, (...args: number[]) => void>;
  bind(instance: WebAssembly.Instance): void;
  trapped(thrown: unknown, message: string): void;
}

/** A run's result before anything happened: no exit yet, no time spent, no imports seen. */
export function newResult(runId: number): RunResult {
  return {
    runId,
    exitCode: null,
    compileModuleMs: 0,
    instantiateMs: 0,
    runMs: 0,
    imports: [],
    exports: [],
  };
}

/** Modules this worker compiled, by content: an unchanged program is not compiled again. */
const modules = new ModuleCache();

/** The waiter for a run's stdio setup; a mechanism this engine lacks falls back to none. */
export function waiterFor(stdio: StdioSetup | undefined): Waiter {
  if (stdio?.wait === 'jspi' && hasJspi()) return new PortWaiter(stdio.port ?? null);
  if (stdio?.wait === 'atomics' && stdio.ring) return new RingWaiter(stdio.ring);
  return noWaiter;
}

/** Lists a module's imports and exports, as the engine reports them. */
export function moduleEntries(mod: WebAssembly.Module): {
  imports: ModuleEntry[];
  exports: ModuleEntry[];
} {
  return {
    imports: WebAssembly.Module.imports(mod).map((i) => ({
      module: i.module,
      name: i.name,
      kind: i.kind,
    })),
    exports: WebAssembly.Module.exports(mod).map((e) => ({ name: e.name, kind: e.kind })),
  };
}

const MAGIC = [0x00, 0x61, 0x73, 0x6d];

/** Says why bytes are not a wasm module before the engine does, in plainer words. */
export function checkMagic(bytes: Uint8Array): string | null {
  if (bytes.length < 8) return `not a WebAssembly module: only ${bytes.length} bytes`;
  for (let i = 0; i < 4; i++) {
    if (bytes[i] !== MAGIC[i]) return 'not a WebAssembly module: bad magic number';
  }
  return null;
}

/**
 * Compiles, instantiates and runs a WASI preview1 command, streaming its output through `onOutput`.
 * Never throws: engine errors and traps come back in the result.
 */
export async function runWasi(
  input: WasiRunInput,
  onOutput: (chunks: OutputChunk[]) => void,
  onStdinWait?: (state: StdinWaitState) => void,
): Promise<RunResult> {
  const result = newResult(input.runId);
  const bad = checkMagic(input.wasm);
  if (bad) return { ...result, error: bad };

  const batcher = new OutputBatcher(onOutput);
  const budget = new Budget();
  // The project is the preopened directory `/` (fd 3), and wasi-libc's working directory is `/`,
  // so fopen("data.txt") and fopen("/data.txt") name the same file.
  const root = input.mount ? input.mount.tree(budget) : buildTree(input.files ?? {}, budget);
  const waiter = waiterFor(input.stdio);
  const wasi = new WasiHost({
    args: [input.programName ?? 'main.wasm', ...input.args],
    env: input.env,
    stdin: new StdinStream(
      new TextEncoder().encode(input.stdin),
      input.stdio?.interactive ?? false,
    ),
    stdout: (b) => batcher.write('stdout', b),
    stderr: (b) => batcher.write('stderr', b),
    root,
    preopen: input.preopen !== false,
    budget,
    waiter,
    tty: input.stdio?.tty,
    // The prompt before a read, the line before a sleep: on screen before the program waits.
    beforeWait: () => batcher.flush(),
    onStdinWait,
  });
  // Under JSPI the two calls that wait are Suspending imports, and _start runs through
  // promising(): a call that answers with a promise suspends the program until it settles; one
  // that answers with a number returns at once, so a program that never waits runs as before.
  const imports: Record<string, unknown> = { ...wasi.imports };
  if (waiter.mode === 'jspi') {
    imports.fd_read = new jspi.Suspending!(wasi.imports.fd_read);
    imports.poll_oneoff = new jspi.Suspending!(wasi.imports.poll_oneoff);
  }

  let mod: WebAssembly.Module;
  try {
    const got = await modules.compile(input.wasm);
    mod = got.module;
    result.compileModuleMs = got.ms;
    if (got.cached) result.moduleCached = true;
  } catch (e) {
    return { ...result, error: `invalid module: ${(e as Error).message}` };
  }
  Object.assign(result, moduleEntries(mod));

  const hasStart = result.exports.some((e) => e.name === '_start' && e.kind === 'function');
  const hasMemory = result.exports.some((e) => e.name === 'memory' && e.kind === 'memory');
  if (!hasStart)
    return { ...result, error: 'not a WASI command: the module exports no _start function' };

  let instance: WebAssembly.Instance;
  const t0 = performance.now();
  try {
    instance = await WebAssembly.instantiate(mod, {
      wasi_snapshot_preview1: imports as WebAssembly.ModuleImports,
      ...(input.debugHooks ? { dbg: input.debugHooks.imports } : {}),
    });
  } catch (e) {
    batcher.flush(undefined, true);
    const trap = describeTrap(e);
    if (e instanceof WebAssembly.LinkError)
      return { ...result, error: `link error: ${(e as Error).message}` };
    return { ...result, trap };
  }
  result.instantiateMs = performance.now() - t0;
  if (!hasMemory && result.imports.length > 0) {
    // The host reads memory through exports.memory; without it any WASI call would fail oddly.
    return { ...result, error: 'not a WASI command: the module exports no memory' };
  }

  input.debugHooks?.bind(instance);
  const end =
    waiter.mode === 'jspi'
      ? await runStartSuspending(instance, wasi, jspi.promising!)
      : runStart(instance, wasi);
  if (end.trap && input.debugHooks) {
    // The output so far is on screen while the program is paused at its trap.
    batcher.flush();
    input.debugHooks.trapped(end.thrown, end.trap.message);
  }
  result.exitCode = end.exitCode;
  if (end.trap) result.trap = end.trap;
  result.runMs = end.ms;
  batcher.flush(undefined, true);
  if (input.mount) {
    result.changes = input.mount.changes(root);
    if (input.returnFiles) result.files = readTree(root);
  } else result.files = readTree(root);
  if (budget.full) result.sandboxFull = true;
  return result;
}
