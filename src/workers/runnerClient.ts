import * as Comlink from 'comlink';
import { raceWorker } from './compilerClient';
import type { OutputChunk, OutputMessage, RunRequest, RunResult, RunnerApi } from '../protocol/run';

/** What a run reports while it runs: output, and when it waits for input. */
export interface RunCallbacks {
  output(runId: number, chunks: OutputChunk[]): void;
  stdin?(runId: number, state: 'waiting' | 'resumed' | 'unavailable'): void;
}

interface RunnerHandle {
  worker: Worker;
  api: Comlink.Remote<RunnerApi>;
  ready: Promise<boolean>;
  /** Set once `ready` settled: a warm worker is sent the run without an await in between. */
  isReady: boolean;
}

function spawn(): RunnerHandle {
  const worker = new Worker(new URL('./runner.worker.ts', import.meta.url), {
    type: 'module',
    name: 'runner',
  });
  const api = Comlink.wrap<RunnerApi>(worker);
  // Loads the worker's script and runs a tiny module now, not when the user presses Run.
  const handle: RunnerHandle = {
    worker,
    api,
    ready: api.ping().catch(() => false),
    isReady: false,
  };
  void handle.ready.then(() => (handle.isReady = true));
  return handle;
}

/** A run that lasts longer than this may well be stopped: a spare worker is warmed meanwhile. */
const SPARE_AFTER_MS = 100;

/**
 * Owns the runner workers. A program that ends by itself (exit, trap) leaves nothing behind, so
 * its worker is reused. A program that is stopped, times out or kills its worker is terminated
 * with its worker; a spare, started while the program ran, takes over, so Stop → Run is instant.
 * Short runs start no spare, so they do not compete with one for the CPU.
 */
export class RunnerPool {
  private warm: RunnerHandle[] = [spawn()];

  async run(
    req: RunRequest,
    on: RunCallbacks | RunCallbacks['output'],
    signal?: AbortSignal,
    transfer: Transferable[] = [],
  ): Promise<RunResult> {
    const h = this.warm.shift() ?? spawn();
    const spareTimer = setTimeout(() => {
      if (this.warm.length === 0) this.warm.push(spawn());
    }, SPARE_AFTER_MS);
    const cb: RunCallbacks = typeof on === 'function' ? { output: on } : on;
    const onMessage = (e: MessageEvent<OutputMessage>) => {
      if (e.data?.type === 'runner:output') cb.output(e.data.runId, e.data.chunks);
      else if (e.data?.type === 'runner:stdin') cb.stdin?.(e.data.runId, e.data.state);
    };
    h.worker.addEventListener('message', onMessage);
    let clean = false;
    try {
      if (!h.isReady) await h.ready;
      const call = h.api.run(Comlink.transfer(req, [req.wasm.buffer, ...transfer]));
      const result = await raceWorker(h.worker, call, signal);
      clean = true;
      return result;
    } finally {
      clearTimeout(spareTimer);
      h.worker.removeEventListener('message', onMessage);
      if (clean) {
        this.warm.unshift(h);
        // One warm worker is enough once the run is over.
        for (const extra of this.warm.splice(1)) extra.worker.terminate();
      } else {
        h.worker.terminate();
        if (this.warm.length === 0) this.warm.push(spawn());
      }
    }
  }
}
