import * as Comlink from 'comlink';
import { raceWorker } from '../util/workerCall';
import type { FormatRequest, FormatResult, FormatterApi } from '../protocol/format';

let worker: Worker | undefined;
let api: Comlink.Remote<FormatterApi> | undefined;

/** Formats in a worker started on the first use (and kept: clang-format stays loaded). */
export function formatInWorker(req: FormatRequest): Promise<FormatResult> {
  if (!worker || !api) {
    worker = new Worker(new URL('../workers/format.worker.ts', import.meta.url), {
      type: 'module',
      name: 'format',
    });
    api = Comlink.wrap<FormatterApi>(worker);
  }
  const w = worker;
  return raceWorker(w, api.format(req)).catch((e: unknown) => {
    // A crashed worker is replaced on the next call.
    if (e instanceof Error && e.message.startsWith('worker failed')) {
      w.terminate();
      if (worker === w) worker = api = undefined;
    }
    throw e;
  });
}
