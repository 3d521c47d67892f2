// Run's last step: what the run ended with, the files it changed, and the exit, shown at once.
import type { RunResult } from '../protocol/run';
import { AbortError } from '../util/workerCall';
import { emit } from '../store/runEvents';
import type { ExitStatus, RunSlice, Timings } from '../store/runSlice';
import { useStore } from '../store/store';
import { gzipSize } from '../wasm/gzipSize';
import type { RunContext } from './context';
import { afterPaint } from './paint';

/** The exit status a runner's result means. */
export function exitFromResult(r: RunResult): ExitStatus {
  if (r.error) return { kind: 'error', message: r.error };
  if (r.trap) return { kind: 'trap', ...r.trap };
  const exit: ExitStatus = { kind: 'exit', code: r.exitCode ?? 0 };
  if (r.sandboxFull) exit.sandboxFull = true;
  if (r.component) exit.component = r.component.status;
  return exit;
}

/** The exit status of a run that threw: stopped, timed out, or failed. */
export function exitFromError(ctx: RunContext, e: unknown): ExitStatus {
  if (!(e instanceof AbortError))
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  const limit = useStore.getState().timeLimit;
  return ctx.ctl.signal.reason === 'timeout'
    ? {
        kind: 'stopped',
        message: `time limit exceeded: stopped after ${limit} s (change it in Run settings)`,
        short: `at the time limit (${limit} s)`,
      }
    : { kind: 'stopped', message: 'stopped by user', short: 'by user' };
}

/** What the store shows of a finished command run (one update: one render). */
export function resultPatch(r: RunResult): Partial<RunSlice> {
  const s = useStore.getState();
  return {
    imports: r.imports,
    exports: r.exports,
    timings: {
      ...s.timings,
      compileModuleMs: r.compileModuleMs,
      instantiateMs: r.instantiateMs,
      runMs: r.runMs,
      ...(r.interpreter && {
        interpreter: r.interpreter,
        wasmSize: r.interpreter.wasmBytes,
      }),
    },
    ...(r.diagnostics && { diagnostics: r.diagnostics }),
  };
}

/**
 * The run's last step once the runner answered: the output is painted first, then the figures,
 * the changed files and the exit in one update; the module's gzip size follows.
 */
export async function completeRun(
  ctx: RunContext,
  result: RunResult,
  bytes: Uint8Array,
  knownGzip?: number,
): Promise<void> {
  await afterPaint();
  if (!ctx.current()) return;
  const totalMs = performance.now() - ctx.tStart;
  const patch = resultPatch(result);
  if (result.changes && useStore.getState().currentId === ctx.projectId)
    useStore.getState().setRunChanges(result.changes);
  // An interpreted program's errors reach the embed's host as a compile's diagnostics do.
  if (result.interpreter) emit('compiled', true, result.diagnostics ?? []);
  finish(exitFromResult(result), totalMs, patch, result.files);
  if (bytes.byteLength) sizeAfterRun(ctx, bytes, knownGzip);
}

/**
 * Ends the run: idle, its exit and (with `totalMs`) the end-to-end time, plus `patch`, in one
 * update; then tells the listeners.
 */
export function finish(
  exit: ExitStatus,
  totalMs?: number,
  patch: Partial<RunSlice> = {},
  files?: Record<string, Uint8Array>,
): void {
  const s = useStore.getState();
  const base = patch.timings ?? s.timings;
  const timings: Timings = totalMs === undefined ? base : { ...base, totalMs };
  s.patchRun({ ...patch, status: 'idle', exit, timings, loading: null });
  emit('exit', exit, timings, files);
}

/**
 * The module's gzip size, after the run: CompressionStream works off the main thread, and its
 * render comes after the output's.
 */
export function sizeAfterRun(ctx: RunContext, bytes: Uint8Array, known?: number): void {
  if (known !== undefined) return;
  void gzipSize(bytes).then((gz) => {
    if (ctx.current())
      useStore.getState().patchRun({ timings: { ...useStore.getState().timings, gzipSize: gz } });
  });
}
