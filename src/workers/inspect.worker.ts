/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { inspectModule } from '../inspect/inspection';
import { optimizeModule } from '../inspect/optimize';
import { detectFeatures } from '../inspect/features';
import { moduleSizes } from '../inspect/sizes';
import { disassemble } from '../inspect/wat';
import type { InspectorApi } from './protocol';

const api: InspectorApi = {
  inspect: (wasm) => inspectModule(wasm),
  disassemble: async (wasm) => disassemble(wasm),
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
