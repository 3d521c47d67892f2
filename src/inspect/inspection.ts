import { gzipSize } from '../wasm/gzipSize';
import { detectFeatures } from './features';
import { moduleSizes, producersInWords } from './sizes';
import type { Inspection } from '../protocol/inspect';
export type { Inspection };

export async function inspectModule(bytes: Uint8Array): Promise<Inspection> {
  const t0 = performance.now();
  const sizes = moduleSizes(bytes);
  const features = detectFeatures(bytes, sizes);
  return {
    sizes,
    features,
    producers: producersInWords(sizes.producers),
    gzipBytes: await gzipSize(bytes),
    ms: performance.now() - t0,
  };
}
