import * as Comlink from 'comlink';
import { raceWorker } from './compilerClient';
import type { OutputChunk, OutputMessage, RunRequest, RunResult, RunnerApi } from './protocol';

interface RunnerHandle {
  worker: Worker;
  api: Comlink.Remote<RunnerApi>;
  ready: Promise<boolean>;
}

function spawn(): RunnerHandle {
  const worker = new Worker(new URL('./runner.worker.ts', import.meta.url), {
    type: 'module',
    name: 'runner',
  });
  const api = Comlink.wrap<RunnerApi>(worker);
  // Pinging loads and evaluates the worker's script now, not when the user presses Run.
  const ready = api.ping().catch(() => false);
  return { worker, api, ready };
}

/**
 * Runs each program in its own worker and keeps the next one warm, so Stop (terminate) is
 * instant and the following Run does not wait for a worker to boot.
 */
export class RunnerPool {
  private spare: RunnerHandle | null = null;

  constructor() {
    this.spare = spawn();
  }

  private take(): RunnerHandle {
    const h = this.spare ?? spawn();
    this.spare = spawn();
    return h;
  }

  async run(
    req: RunRequest,
    onOutput: (runId: number, chunks: OutputChunk[]) => void,
    signal?: AbortSignal,
  ): Promise<RunResult> {
    const h = this.take();
    const onMessage = (e: MessageEvent<OutputMessage>) => {
      if (e.data?.type === 'runner:output') onOutput(e.data.runId, e.data.chunks);
    };
    h.worker.addEventListener('message', onMessage);
    try {
      await h.ready;
      const call = h.api.run(Comlink.transfer(req, [req.wasm.buffer]));
      return await raceWorker(h.worker, call, signal);
    } finally {
      // One program per worker: whatever it left behind (memory, a spinning loop) goes with it.
      h.worker.removeEventListener('message', onMessage);
      h.worker.terminate();
    }
  }
}
