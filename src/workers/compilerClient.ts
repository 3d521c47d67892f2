import * as Comlink from 'comlink';
import type { CompileRequest, CompileResult, CompilerApi, LoadProgress } from './protocol';

/** Thrown when a pending call is cancelled (Stop, or a newer request). */
export class AbortError extends Error {
  constructor(message = 'aborted') {
    super(message);
    this.name = 'AbortError';
  }
}

/** Rejects when `signal` aborts or the worker dies; a terminated worker never answers by itself. */
export function raceWorker<T>(worker: Worker, call: Promise<T>, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cleanup = () => {
      signal?.removeEventListener('abort', onAbort);
      worker.removeEventListener('error', onError);
    };
    const onAbort = () => {
      cleanup();
      reject(new AbortError(String(signal?.reason ?? 'aborted')));
    };
    const onError = (e: ErrorEvent) => {
      cleanup();
      reject(new Error(`worker failed: ${e.message || 'crashed (out of memory?)'}`));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    worker.addEventListener('error', onError);
    call.then(
      (v) => {
        cleanup();
        resolve(v);
      },
      (e) => {
        cleanup();
        reject(e);
      },
    );
  });
}

/** The long-lived compiler worker. Toolchains stay warm in it until it has to be restarted. */
export class CompilerClient {
  private worker!: Worker;
  private api!: Comlink.Remote<CompilerApi>;

  constructor() {
    this.start();
  }

  private start() {
    this.worker = new Worker(new URL('./compiler.worker.ts', import.meta.url), {
      type: 'module',
      name: 'compiler',
    });
    this.api = Comlink.wrap<CompilerApi>(this.worker);
  }

  /** Kills the worker (a stuck compile) and starts a fresh one; toolchains reload on next use. */
  restart() {
    this.worker.terminate();
    this.start();
  }

  /** WebAssembly text of a module, for download. */
  toText(wasm: Uint8Array): Promise<string> {
    return raceWorker(this.worker, this.api.toText(wasm));
  }

  async compile(
    req: CompileRequest,
    onProgress?: (p: LoadProgress) => void,
    signal?: AbortSignal,
  ): Promise<CompileResult> {
    const cb = onProgress ? Comlink.proxy(onProgress) : undefined;
    try {
      return await raceWorker(this.worker, this.api.compile(req, cb), signal);
    } catch (e) {
      // Either cancelled mid-compile or the worker died: in both cases its state is unknown.
      this.restart();
      throw e;
    }
  }
}
