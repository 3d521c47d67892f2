/**
 * The cold-start lab's loop (runner worker): N fresh instances of one module, each with its own
 * WASI host over its own copy of the project's files and a zeroed linear memory (from a pool, as
 * Wasmtime's pooling allocator gives them, or a new one each), timed one by one.
 */
import { WasiHost, wasiImportsOf, type WasiOptions } from '../wasi/host';
import { Budget, buildTree } from '../wasi/memfs';
import { StdinStream } from '../wasi/stdin';
import { FreshInstances } from './memoryPool';
import { runStart } from './command';
import type { ColdStartRequest, ColdStartResult, ServerMessage } from '../protocol/server';

export const MAX_COLDSTART = 100_000;
const PROGRESS_MS = 100;

/** Posts the lab's progress (`done` instances) at most once every `everyMs`. */
export function progressPoster(post: (m: ServerMessage) => void, everyMs: number) {
  let last = performance.now();
  return (done: number) => {
    const now = performance.now();
    if (now - last < everyMs) return;
    post({ type: 'server:coldstart', done });
    last = now;
  };
}

/** The smallest non-zero step of performance.now() seen in a short probe, µs. */
export function timerResolutionUs(): number {
  let best = Infinity;
  let prev = performance.now();
  for (let i = 0; i < 20000 && best > 0.001; i++) {
    const t = performance.now();
    if (t !== prev) {
      best = Math.min(best, t - prev);
      prev = t;
    }
  }
  return best * 1000;
}

export function coldStartLoop(
  req: ColdStartRequest,
  post: (m: ServerMessage) => void,
): ColdStartResult {
  const count = Math.max(1, Math.min(MAX_COLDSTART, Math.floor(req.count)));
  const samples = new Float64Array(count);
  const runSamples = req.runStart ? new Float64Array(count) : undefined;
  const t = performance.now();
  const fresh = new FreshInstances(req.wasm, req.memory === 'pooled');
  const compileUs = req.compileEach ? 0 : (performance.now() - t) * 1000;
  const nothing = () => {};
  // Only the calls the module imports are made per instance.
  const only = wasiImportsOf(fresh.module);
  let memoryBytes = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const progress = progressPoster(post, PROGRESS_MS);
  const wall0 = performance.now();
  let setupUs = 0;
  let wasi: WasiHost | null = null;
  let imports: WebAssembly.Imports = {};
  for (let i = 0; i < count; i++) {
    const ts = performance.now();
    const budget = new Budget();
    const opts: WasiOptions = {
      args: ['main.wasm'],
      env: [],
      stdin: new StdinStream(new Uint8Array(0), false),
      stdout: nothing,
      stderr: nothing,
      root: buildTree(req.files, budget),
      budget,
      only,
    };
    // New WASI state for every instance; the calls' functions are made once (WasiHost.renew).
    if (wasi) wasi.renew(opts);
    else {
      wasi = new WasiHost(opts);
      imports = { wasi_snapshot_preview1: wasi.imports as WebAssembly.ModuleImports };
    }
    const t0 = performance.now();
    setupUs += (t0 - ts) * 1000;
    const { instance, memory, pooled } = fresh.instantiate(
      imports,
      req.compileEach ? new WebAssembly.Module(fresh.bytes as BufferSource) : fresh.module,
    );
    samples[i] = (performance.now() - t0) * 1000;
    if (i === 0) memoryBytes = memory?.buffer.byteLength ?? 0;
    if (runSamples) {
      const end = runStart(instance, wasi, memory);
      if (end.exitCode !== 0) {
        failures++;
        firstFailure ??= end.error ?? end.trap?.message ?? `exit code ${end.exitCode}`;
      }
      runSamples[i] = end.ms * 1000;
    }
    fresh.release(pooled);
    progress(i + 1);
  }
  return {
    samplesUs: samples,
    runSamplesUs: runSamples,
    compileUs,
    wallMs: performance.now() - wall0,
    setupMeanUs: setupUs / count,
    memoryBytes,
    timerResolutionUs: timerResolutionUs(),
    failures,
    firstFailure,
    pooled: fresh.pool !== null,
    memoriesMade: fresh.pool?.made ?? (memoryBytes > 0 ? count : 0),
  };
}
