import * as Comlink from 'comlink';
import { raceWorker } from '../util/workerCall';
import type { InspectorApi } from '../protocol/inspect';

let worker: Worker | undefined;
let api: Comlink.Remote<InspectorApi> | undefined;

/** The inspect worker, started on first use and kept (binaryen stays loaded once used). */
function remote(): { worker: Worker; api: Comlink.Remote<InspectorApi> } {
  if (!worker || !api) {
    worker = new Worker(new URL('../workers/inspect.worker.ts', import.meta.url), {
      type: 'module',
      name: 'inspect',
    });
    api = Comlink.wrap<InspectorApi>(worker);
  }
  return { worker, api };
}

/** Calls the worker; a crashed worker (a huge module) is replaced on the next call. */
export function inspectCall<T>(
  call: (api: Comlink.Remote<InspectorApi>) => Promise<T>,
): Promise<T> {
  const { worker: w, api: a } = remote();
  return raceWorker(w, call(a)).catch((e: unknown) => {
    if (e instanceof Error && e.message.startsWith('worker failed')) {
      w.terminate();
      if (worker === w) worker = api = undefined;
    }
    throw e;
  });
}
