import type { Diagnostic } from '../protocol/compile';
import type { OutputChunk } from '../protocol/run';
import type { ExitStatus, Timings } from './runSlice';

/** Observers of runs (the embed's postMessage bridge); the UI reads the store instead. */
export interface RunListener {
  compiled?(ok: boolean, diagnostics: Diagnostic[]): void;
  output?(chunks: OutputChunk[]): void;
  /** Input sent to the running program; `echoed`: the terminal has shown it already. */
  input?(text: string, echoed: boolean): void;
  /** `files`: the sandbox after the run (absent when the run never got to start). */
  exit?(exit: ExitStatus, timings: Timings, files?: Record<string, Uint8Array>): void;
}

const listeners = new Set<RunListener>();

export function addRunListener(l: RunListener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Calls `method` on every listener; a faulty listener never breaks a run. */
export function emit<K extends keyof RunListener>(
  method: K,
  ...args: Parameters<NonNullable<RunListener[K]>>
) {
  for (const l of listeners) {
    try {
      (l[method] as ((...a: typeof args) => void) | undefined)?.(...args);
    } catch (e) {
      console.warn('run listener failed', e);
    }
  }
}
