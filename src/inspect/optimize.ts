// Worker only: binaryen (≈13 MB of JS and wasm) loads on the first Optimize.
import type { OptimizePreset, OptimizeResult } from '../protocol/inspect';
import type { FeatureId } from './features';

const PRESETS: Record<OptimizePreset, [optimize: number, shrink: number]> = {
  '-O1': [1, 0],
  '-O2': [2, 0],
  '-O3': [3, 0],
  '-O4': [4, 0],
  '-Os': [2, 1],
  '-Oz': [2, 2],
};

type Binaryen = typeof import('binaryen').default;
let loading: Promise<Binaryen> | undefined;
const binaryen = () => (loading ??= import('binaryen').then((m) => m.default));

/**
 * The binaryen features of a module: those it uses and those its producer enabled
 * (target_features), never "all" (binaryen would then emit stringref, which engines reject).
 */
function featuresOf(b: Binaryen, used: FeatureId[], targetFeatures: string[]): number {
  const F = b.Features;
  const map: Record<string, number> = {
    simd: F.SIMD128,
    simd128: F.SIMD128,
    'bulk-memory': F.BulkMemory,
    'bulk-memory-opt': F.BulkMemoryOpt,
    'sign-ext': F.SignExt,
    'nontrapping-fptoint': F.NontrappingFPToInt,
    'multi-value': F.Multivalue,
    multivalue: F.Multivalue,
    'mutable-globals': F.MutableGlobals,
    'reference-types': F.ReferenceTypes,
    'exception-handling': F.ExceptionHandling,
    'tail-call': F.TailCall,
    threads: F.Atomics,
    atomics: F.Atomics,
    memory64: F.Memory64,
    gc: F.GC,
    'extended-const': F.ExtendedConst,
    multimemory: F.MultiMemory,
    'relaxed-simd': F.RelaxedSIMD,
    'call-indirect-overlong': F.CallIndirectOverlong,
  };
  let features = F.MVP | F.MutableGlobals | F.SignExt;
  for (const f of used) features |= map[f] ?? 0;
  for (const t of targetFeatures) if (t.startsWith('+')) features |= map[t.slice(1)] ?? 0;
  return features;
}

export async function optimizeModule(
  bytes: Uint8Array,
  preset: OptimizePreset,
  strip: boolean,
  used: FeatureId[],
  targetFeatures: string[],
): Promise<OptimizeResult> {
  const b = await binaryen();
  const t0 = performance.now();
  const mod = b.readBinaryWithFeatures(bytes, featuresOf(b, used, targetFeatures));
  try {
    const [o, s] = PRESETS[preset];
    b.setOptimizeLevel(o);
    b.setShrinkLevel(s);
    // Names (and DWARF) are kept unless stripping: the name section is written only with debug
    // info on.
    b.setDebugInfo(!strip);
    if (strip) mod.runPasses(['strip-debug', 'strip-dwarf', 'strip-producers']);
    mod.optimize();
    if (!mod.validate()) throw new Error('binaryen produced a module that does not validate');
    const out = mod.emitBinary();
    return { wasm: out, ms: performance.now() - t0 };
  } finally {
    mod.dispose();
  }
}
