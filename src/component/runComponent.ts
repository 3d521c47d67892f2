/**
 * Runs a transpiled `wasi:cli/run` component in the runner worker on preview2-shim's browser
 * implementation: stdout/stderr into the output batcher, argv/env/preset stdin from Run settings,
 * the project's files as the preopened directory `/` (in memory, read back after the run).
 */
import { filesystem } from '@bytecodealliance/preview2-shim';
import { WASIShim } from '@bytecodealliance/preview2-shim/instantiation';
import type { ModuleEntry, OutputChunk, RunResult } from '../protocol/run';
import type { TranspiledComponent } from '../protocol/compile';
import { OutputBatcher } from '../wasm/outputBatcher';
import { describeTrap } from '../wasm/trap';
import { newResult, type WasiRunInput } from '../wasm/runWasi';
import { fromFileData, toFileData } from './fileData';
import { RingWaiter, StdinStream } from '../wasi/stdin';
import type { StdinWaitState } from '../wasi/host';

type CoreInstantiate = (
  m: WebAssembly.Module,
  imports?: WebAssembly.Imports,
) => Promise<WebAssembly.Instance>;

/** What jco's ES module (async instantiation) exports. */
interface ComponentModule {
  instantiate(
    getCoreModule: (name: string) => WebAssembly.Module,
    imports: object,
    instantiateCore?: CoreInstantiate,
  ): Promise<Record<string, unknown>>;
}

/** preview2-shim's ComponentExit: thrown by wasi:cli/exit. */
const isExit = (e: unknown): e is { exitError: true; code: number } =>
  typeof e === 'object' && e !== null && (e as { exitError?: unknown }).exitError === true;

/** `KEY=value` lines as the shim's environment object. */
function envObject(env: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of env) {
    const i = e.indexOf('=');
    if (i > 0) out[e.slice(0, i)] = e.slice(i + 1);
  }
  return out;
}

/**
 * What the program asks of its host: the preview 1 imports of its own core module (the adapter
 * turns them into WASI 0.2 calls); for a component with no such module, its WASI 0.2 imports.
 */
function programImports(modules: WebAssembly.Module[]): ModuleEntry[] {
  const all = modules.flatMap((m) => WebAssembly.Module.imports(m));
  const p1 = all.filter((i) => i.module === 'wasi_snapshot_preview1');
  const chosen = p1.length ? p1 : all.filter((i) => i.module.startsWith('wasi:'));
  const seen = new Set<string>();
  return chosen
    .filter((i) => !seen.has(`${i.module} ${i.name}`) && seen.add(`${i.module} ${i.name}`))
    .map((i) => ({ module: i.module, name: i.name, kind: i.kind }));
}

/** Compiles, instantiates and runs the component. Never throws: errors come back in the result. */
export async function runComponent(
  input: WasiRunInput & { component: TranspiledComponent },
  onOutput: (chunks: OutputChunk[]) => void,
  onStdinWait?: (state: StdinWaitState) => void,
): Promise<RunResult> {
  const result = newResult(input.runId);
  const batcher = new OutputBatcher(onOutput);
  // The preset stdin, then typed input or end of file. preview2-shim reads stdin synchronously
  // (blockingRead), so a component can wait for typing only by blocking this worker in
  // Atomics.wait: on a cross-origin isolated page; elsewhere the preset is all it gets.
  const ring = input.stdio?.wait === 'atomics' ? input.stdio.ring : undefined;
  const stdinStream = new StdinStream(
    new TextEncoder().encode(input.stdin),
    !!(ring && input.stdio?.interactive),
  );
  const waiter = ring && stdinStream.interactive ? new RingWaiter(ring) : null;
  const tree = toFileData(input.files ?? {});
  const shim = new WASIShim({
    arguments: [input.programName ?? 'main.wasm', ...input.args],
    environment: envObject(input.env),
    initialCwd: '/',
    stdin: {
      blockingRead(len: bigint) {
        for (;;) {
          waiter?.pull(stdinStream);
          if (stdinStream.available > 0) return stdinStream.read(Number(len));
          if (stdinStream.ended || !waiter) throw { tag: 'closed' };
          // What the program printed (its prompt) is shown before it waits.
          batcher.flush(undefined, true);
          onStdinWait?.('waiting');
          waiter.waitSync(Infinity);
          onStdinWait?.('resumed');
        }
      },
    },
    stdout: { write: (b: Uint8Array) => batcher.write('stdout', b.slice()) },
    stderr: { write: (b: Uint8Array) => batcher.write('stderr', b.slice()) },
    browserFilesystem: {
      adapter: new filesystem.InMemoryFilesystemAdapter(),
      preopens: { '/': tree },
    },
    // No sockets and no outbound HTTP: the same default-deny as the preview 1 host.
    sandbox: { enableNetwork: false },
  });

  const { js, cores } = input.component;
  const modules: Record<string, WebAssembly.Module> = {};
  let t0 = performance.now();
  try {
    for (const [name, bytes] of Object.entries(cores))
      modules[name] = await WebAssembly.compile(bytes as BufferSource);
  } catch (e) {
    return { ...result, error: `invalid core module: ${(e as Error).message}` };
  }
  result.compileModuleMs = performance.now() - t0;
  result.imports = programImports(Object.values(modules));

  // The preview 1 adapter turns any non-zero proc_exit into wasi:cli/exit's `err` (0.2 carries
  // no code); the code the program asked for is kept here, on its way into the adapter.
  let requestedExit: number | null = null;
  const instantiateCore: CoreInstantiate = (m, imports = {}) => {
    const p1 = imports.wasi_snapshot_preview1 as Record<string, unknown> | undefined;
    const exit = p1?.proc_exit;
    if (typeof exit === 'function') {
      const proc_exit = (code: number) => {
        requestedExit = code;
        return (exit as (c: number) => unknown)(code);
      };
      imports = {
        ...imports,
        wasi_snapshot_preview1: { ...p1, proc_exit } as WebAssembly.ModuleImports,
      };
    }
    return WebAssembly.instantiate(m, imports);
  };

  const url = URL.createObjectURL(new Blob([js], { type: 'text/javascript' }));
  let exports: Record<string, unknown>;
  t0 = performance.now();
  try {
    const mod = (await import(/* @vite-ignore */ url)) as ComponentModule;
    exports = await mod.instantiate(
      (name) => modules[name],
      shim.getImportObject(),
      instantiateCore,
    );
  } catch (e) {
    batcher.flush(undefined, true);
    return { ...result, error: `the component did not instantiate: ${(e as Error).message ?? e}` };
  } finally {
    URL.revokeObjectURL(url);
  }
  result.instantiateMs = performance.now() - t0;
  result.exports = Object.keys(exports).map((name) => ({ name, kind: 'instance' }));

  const run = (exports.run ??
    exports[Object.keys(exports).find((k) => k.startsWith('wasi:cli/run@')) ?? '']) as
    { run?: () => void } | undefined;
  if (typeof run?.run !== 'function')
    return { ...result, error: 'not a command component: it exports no wasi:cli/run' };
  t0 = performance.now();
  try {
    run.run();
    result.exitCode = 0;
    result.component = { status: 'ok' };
  } catch (e) {
    if (isExit(e)) {
      result.exitCode = requestedExit ?? e.code;
      result.component = { status: e.code === 0 ? 'ok' : 'err' };
    } else if ((e as { payload?: unknown } | null)?.payload !== undefined) {
      // run() returned `err` without calling exit.
      result.exitCode = requestedExit ?? 1;
      result.component = { status: 'err' };
    } else result.trap = describeTrap(e);
  }
  result.runMs = performance.now() - t0;
  batcher.flush(undefined, true);
  result.files = fromFileData(tree);
  return result;
}
