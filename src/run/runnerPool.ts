import type { PauseEvent } from '../protocol/debug';
import * as Comlink from 'comlink';
import { raceWorker } from '../util/workerCall';
import type { OutputChunk, OutputMessage, RunRequest, RunResult, RunnerApi } from '../protocol/run';
import type { ProjectFiles } from '../project/model';
import { MountTracker } from './mountDelta';

/** What a run reports while it runs: output, and when it waits for input. */
export interface RunCallbacks {
  output(runId: number, chunks: OutputChunk[]): void;
  stdin?(runId: number, state: 'waiting' | 'resumed' | 'unavailable'): void;
  /** A debugged program paused. */
  paused?(runId: number, event: PauseEvent): void;
}

interface RunnerHandle {
  worker: Worker;
  api: Comlink.Remote<RunnerApi>;
  ready: Promise<boolean>;
  /** Set once `ready` settled: a warm worker is sent the run without an await in between. */
  isReady: boolean;
  /** What this worker holds of the project (it keeps it between runs). */
  mount: MountTracker;
}

function spawn(): RunnerHandle {
  const worker = new Worker(new URL('../workers/runner.worker.ts', import.meta.url), {
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
    mount: new MountTracker(),
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
  /** The interpreter every new warm worker starts ahead of Run (the open project's), if any. */
  private interpreter: { language: string; variant?: string } | null = null;

  /**
   * Starts `language`'s interpreter in the warm worker now and in every spare from now on, so a
   * Run of an interpreted project does not wait for it (Pyodide's start is ≈ 2.5 s). Null: no
   * interpreter from now on (the project is of a compiled language).
   */
  prepareInterpreter(language: string | null, variant?: string): void {
    this.interpreter = language === null ? null : { language, variant };
    if (language === null) return;
    for (const h of this.warm) void h.api.prepareInterpreter(language, variant).catch(() => {});
  }

  private spawn(): RunnerHandle {
    const h = spawn();
    const it = this.interpreter;
    if (it) void h.api.prepareInterpreter(it.language, it.variant).catch(() => {});
    return h;
  }

  /**
   * Runs `req` on a warm worker, with `files` mounted at `/`: the worker gets only what changed
   * since it last had them.
   */
  async run(
    req: Omit<RunRequest, 'files'>,
    files: ProjectFiles,
    on: RunCallbacks | RunCallbacks['output'],
    signal?: AbortSignal,
    transfer: Transferable[] = [],
  ): Promise<RunResult> {
    const h = this.warm.shift() ?? this.spawn();
    const spareTimer = setTimeout(() => {
      if (this.warm.length === 0) this.warm.push(this.spawn());
    }, SPARE_AFTER_MS);
    const cb: RunCallbacks = typeof on === 'function' ? { output: on } : on;
    const onMessage = (e: MessageEvent<OutputMessage>) => {
      if (e.data?.type === 'runner:output') cb.output(e.data.runId, e.data.chunks);
      else if (e.data?.type === 'runner:stdin') cb.stdin?.(e.data.runId, e.data.state);
      else if (e.data?.type === 'runner:debug') cb.paused?.(e.data.runId, e.data.event);
    };
    h.worker.addEventListener('message', onMessage);
    let clean = false;
    try {
      if (!h.isReady) await h.ready;
      const mount = h.mount.delta(files);
      const call = h.api.run(
        Comlink.transfer({ ...req, files: mount.delta }, [
          req.wasm.buffer,
          ...mount.transfer,
          ...transfer,
        ]),
      );
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
        if (this.warm.length === 0) this.warm.push(this.spawn());
      }
    }
  }
}
