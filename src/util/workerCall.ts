// Calls into workers that can be terminated at any moment (Stop, a newer request, a crash).

/** The abort reason of a run replaced by a newer one (newest request wins). */
export const SUPERSEDED = 'superseded';

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
