/** The inspect worker's contract: module structure, sizes, features, WAT text, wasm-opt. */

/** wasm-opt presets offered by the inspector and the "then wasm-opt" compile option. */
export type OptimizePreset = '-O1' | '-O2' | '-O3' | '-O4' | '-Os' | '-Oz';

export interface OptimizeResult {
  wasm: Uint8Array;
  /** binaryen's read + optimize + write, in the worker. */
  ms: number;
}

/** The inspect worker: module structure, WAT text and wasm-opt, off the main thread. */
export interface InspectorApi {
  inspect(wasm: Uint8Array): Promise<Inspection>;
  /** Starts disassembling module `key` (once) and keeps its text; the first window's worth. */
  watOpen(key: number, wasm: Uint8Array): Promise<WatSummary>;
  /** Disassembles the rest of module `key` (a piece per task); its whole outline. */
  watFinish(key: number): Promise<WatSummary>;
  /** Lines [from, to) of module `key`'s text. */
  watLines(key: number, from: number, to: number): Promise<WatLines>;
  /** The next (or previous) occurrence of `query` in module `key`'s whole text. */
  watFind(
    key: number,
    query: string,
    line: number,
    column: number,
    backwards: boolean,
  ): Promise<WatMatch | null>;
  optimize(wasm: Uint8Array, preset: OptimizePreset, strip: boolean): Promise<OptimizeResult>;
}

export type SizeKind = 'section' | 'function' | 'data' | 'custom';

export interface SizeItem {
  kind: SizeKind;
  /** Section name ("code", "custom: name"), function name, "data[3]", custom section name. */
  name: string;
  /** Bytes in the file, headers included (a function: its size field and body). */
  bytes: number;
  /** Offset of the item in the file. */
  offset: number;
  /** Function index (imports counted) for functions. */
  index?: number;
}

export interface Producer {
  field: string;
  name: string;
  version: string;
}

export interface ImportEntry {
  module: string;
  name: string;
  kind: 'function' | 'table' | 'memory' | 'global' | 'tag';
  /** A global: whether it is mutable. A memory: shared / 64-bit. */
  detail?: string;
}

export interface ExportEntry {
  name: string;
  kind: ImportEntry['kind'];
  index: number;
}

export interface ModuleSizes {
  total: number;
  /** Header, sections, functions, data segments, custom sections. */
  items: SizeItem[];
  imports: ImportEntry[];
  exports: ExportEntry[];
  producers: Producer[];
  /** The target_features section clang writes (e.g. "+bulk-memory"). */
  targetFeatures: string[];
  /** Function names by index (the name section), imports included. */
  functionNames: Record<number, string>;
  importedFunctions: number;
  /** Facts read on the way, for feature detection: shared / 64-bit memories, mutable globals. */
  memories: { shared: boolean; memory64: boolean; imported: boolean }[];
  mutableGlobalImportsExports: number;
  tables: number;
  hasTagSection: boolean;
  multiValueTypes: number;
  /** Set when the module could not be read to its end. */
  error?: { message: string; offset: number };
  /** A component (the component model), not a core module. */
  component?: boolean;
}

export type FeatureId =
  | 'simd'
  | 'bulk-memory'
  | 'sign-ext'
  | 'nontrapping-fptoint'
  | 'multi-value'
  | 'mutable-globals'
  | 'reference-types'
  | 'exception-handling'
  | 'tail-call'
  | 'threads'
  | 'memory64'
  | 'gc';

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

export interface WatFunction {
  /** 1-based line of the `(func` in the text. */
  line: number;
  name: string;
  index: number;
  /** Byte offset of its body in the module. */
  offset: number;
}

/** Lines `from` (0-based) onwards of a module's text, with each line's byte offset (-1: none). */
export interface WatLines {
  from: number;
  text: string;
  offsets: number[];
  count: number;
}

/** A disassembled module as the WAT view sees it: its outline and the first window. */
export interface WatSummary {
  /** Which module (the inspect store's counter): windows and searches name it. */
  key: number;
  lineCount: number;
  functions: WatFunction[];
  /** Set when the module could not be disassembled to its end (the text is what was read). */
  error?: string;
  first: WatLines;
  /** False while the rest of the module is still being disassembled (lineCount grows). */
  done: boolean;
}

export interface WatMatch {
  /** 0-based line in the whole text. */
  line: number;
  /** 1-based column of the match's start. */
  column: number;
}
