import {
  BinaryReader,
  type IOperatorInformation,
  type ISectionInformation,
} from 'wasmparser/dist/esm/WasmParser.js';
import type { ModuleSizes } from './sizes';
import type { FeatureId } from '../protocol/inspect';
export type { FeatureId };

export interface Engines {
  chromium: string;
  firefox: string;
  safari: string;
  node: string;
  wasmtime: string;
}

/**
 * Where each post-MVP feature runs: the first version with it on by default ("flag": behind a
 * flag, "no": not supported). Source: the feature table of webassembly.org/features, its data in
 * github.com/WebAssembly/website, features.json (read 2026-11-23). Exception handling is the
 * legacy proposal's figure with exnref's in parentheses.
 */
export const FEATURES: Record<FeatureId, { label: string; engines: Engines }> = {
  'mutable-globals': {
    label: 'Import/export of mutable globals',
    engines: { chromium: '74', firefox: '61', safari: '13.1', node: '12.0', wasmtime: 'yes' },
  },
  'nontrapping-fptoint': {
    label: 'Non-trapping float-to-int',
    engines: { chromium: '75', firefox: '64', safari: '15', node: '12.5', wasmtime: 'yes' },
  },
  'sign-ext': {
    label: 'Sign-extension operators',
    engines: { chromium: '74', firefox: '62', safari: '14.1', node: '12.0', wasmtime: 'yes' },
  },
  'multi-value': {
    label: 'Multi-value',
    engines: { chromium: '85', firefox: '78', safari: '13.1', node: '15.0', wasmtime: '0.17' },
  },
  'bulk-memory': {
    label: 'Bulk memory operations',
    engines: { chromium: '75', firefox: '79', safari: '15', node: '12.5', wasmtime: '0.20' },
  },
  'reference-types': {
    label: 'Reference types',
    engines: { chromium: '96', firefox: '79', safari: '15', node: '17.2', wasmtime: '0.20' },
  },
  simd: {
    label: 'Fixed-width SIMD (128-bit)',
    engines: { chromium: '91', firefox: '89', safari: '16.4', node: '16.4', wasmtime: '0.33' },
  },
  threads: {
    label: 'Threads and atomics',
    engines: { chromium: '74', firefox: '79', safari: '14.1', node: '16.4', wasmtime: '15' },
  },
  'tail-call': {
    label: 'Tail calls',
    engines: { chromium: '112', firefox: '121', safari: '18.2', node: '20.0', wasmtime: '22' },
  },
  'exception-handling': {
    label: 'Exception handling',
    engines: {
      chromium: '95 (exnref 137)',
      firefox: '100 (exnref 131)',
      safari: '15.2 (exnref 18.4)',
      node: '17.0 (exnref 25.0)',
      wasmtime: 'flag',
    },
  },
  gc: {
    label: 'Garbage collection (GC)',
    engines: { chromium: '119', firefox: '120', safari: '18.2', node: '22.0', wasmtime: 'flag' },
  },
  memory64: {
    label: 'Memory64',
    engines: { chromium: '133', firefox: '134', safari: 'no', node: '24.0', wasmtime: '30' },
  },
};

const SECTION_CODE = 10;
// BinaryReaderState values (a const enum in wasmparser's types, so spelled out here).
const BEGIN_SECTION = 3;
const CODE_OPERATOR = 30;
const ERROR = -1;

/** The opcode's feature: prefixed opcodes are (prefix << 8 | sub), SIMD 0xfd000 + sub. */
function featureOf(op: IOperatorInformation): FeatureId | null {
  const c = op.code as number;
  if (c >= 0xfd000) return 'simd';
  if (c >= 0xfe00 && c <= 0xfeff) return 'threads';
  if (c >= 0xfc00 && c <= 0xfc07) return 'nontrapping-fptoint';
  if (c >= 0xfc08 && c <= 0xfc0e) return 'bulk-memory';
  if (c >= 0xfc0f && c <= 0xfc11) return 'reference-types';
  if (c >= 0xfb00 && c <= 0xfbff) return 'gc';
  if (c >= 0xc0 && c <= 0xc4) return 'sign-ext';
  if (c === 0x12 || c === 0x13 || c === 0x15) return 'tail-call';
  if ([0x06, 0x07, 0x08, 0x09, 0x0a, 0x18, 0x19, 0x1f].includes(c)) return 'exception-handling';
  if (c === 0xd0 || c === 0xd1 || c === 0xd2 || c === 0x25 || c === 0x26 || c === 0x1c)
    return 'reference-types';
  // A block with a type index: parameters or several results.
  if ((c === 0x02 || c === 0x03 || c === 0x04) && op.blockType?.isIndex) return 'multi-value';
  return null;
}

/**
 * The post-MVP features a module uses: its instructions (every opcode of the code section, read
 * with wasmparser) and its structure (shared or 64-bit memories, mutable global imports/exports,
 * several tables, several results, a tag section). What clang merely enabled (target_features)
 * does not count: only what the module uses.
 */
export function detectFeatures(bytes: Uint8Array, sizes: ModuleSizes): FeatureId[] {
  const used = new Set<FeatureId>();
  if (sizes.memories.some((m) => m.shared)) used.add('threads');
  if (sizes.memories.some((m) => m.memory64)) used.add('memory64');
  if (sizes.mutableGlobalImportsExports > 0) used.add('mutable-globals');
  if (sizes.tables > 1) used.add('reference-types');
  if (sizes.multiValueTypes > 0) used.add('multi-value');
  if (sizes.hasTagSection) used.add('exception-handling');
  if (!sizes.error) {
    const reader = new BinaryReader();
    reader.setData(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength, true);
    while (reader.read()) {
      const state = reader.state as number;
      if (state === BEGIN_SECTION) {
        if ((reader.result as ISectionInformation).id !== SECTION_CODE) reader.skipSection();
      } else if (state === CODE_OPERATOR) {
        const f = featureOf(reader.result as IOperatorInformation);
        if (f) used.add(f);
      } else if (state === ERROR) break;
    }
  }
  return (Object.keys(FEATURES) as FeatureId[]).filter((f) => used.has(f));
}
