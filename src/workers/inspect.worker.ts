/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { inspectModule } from '../inspect/inspection';
import { optimizeModule } from '../inspect/optimize';
import { detectFeatures } from '../inspect/features';
import { moduleSizes } from '../inspect/sizes';
import { WatDocument } from '../inspect/watDocument';
import type { InspectorApi } from '../protocol/inspect';

/** The last module's text (one at a time: a 1 MB module's is ~8 MB of lines). */
let doc: WatDocument | null = null;
const current = (key: number) => {
  if (doc?.key !== key) throw new Error('the module was replaced');
  return doc;
};

/**
 * One call at a time, in the order they came: `inspect` awaits (gzip), and a disassembly
 * started meanwhile would hold its answer back by half a second.
 */
let queue: Promise<unknown> = Promise.resolve();
function inTurn<T>(f: () => T | Promise<T>): Promise<T> {
  const r = queue.then(f);
  // The next call starts a task later, once this answer has been posted.
  queue = r.catch(() => {}).then(() => new Promise((go) => setTimeout(go, 0)));
  return r;
}

const api: InspectorApi = {
  inspect: (wasm) => inTurn(() => inspectModule(wasm)),
  watOpen: (key, wasm) =>
    inTurn(() => {
      if (doc?.key !== key) {
        doc?.cancel();
        doc = null;
        doc = new WatDocument(key, wasm);
      }
      return doc.summary();
    }),
  watFinish: (key) => current(key).finish(),
  watLines: async (key, from, to) => current(key).slice(from, to),
  watFind: async (key, query, line, column, backwards) =>
    current(key).find(query, line, column, backwards),
  async optimize(wasm, preset, strip) {
    const sizes = moduleSizes(wasm);
    const r = await optimizeModule(
      wasm,
      preset,
      strip,
      detectFeatures(wasm, sizes),
      sizes.targetFeatures,
    );
    return Comlink.transfer(r, [r.wasm.buffer as ArrayBuffer]);
  },
};
Comlink.expose(api);
