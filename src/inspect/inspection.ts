import { gzipSize } from '../wasm/gzipSize';
import { detectFeatures, type FeatureId } from './features';
import { moduleSizes, producersInWords, type ModuleSizes } from './sizes';

/** What the inspector shows of a module, computed in the inspect worker. */
export interface Inspection {
  sizes: ModuleSizes;
  features: FeatureId[];
  /** The producers section in words ("clang 22.0.0git, wasi-libc"), or ''. */
  producers: string;
  /** The module gzipped, as the Timings panel counts it. */
  gzipBytes: number;
  ms: number;
}

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
