/** The compiler worker's contract: compile requests and results, toolchain loads, components. */

/** Options a compiler understands; each language uses the ones it has. */
export interface CompileOptions {
  /** Optimization level, e.g. "-O2"; languages without levels ignore it. */
  optLevel?: string;
  /** Free-text extra flags. */
  flags?: string;
  /** A wasm-opt preset applied after every build (C, C++, WAT), e.g. "-Oz"; '' = none. */
  wasmOpt?: string;
}

/** A compile request as sent to the compiler worker. */
export interface CompileRequest {
  /** A language id of src/languages' registry (the contract does not list them). */
  language: string;
  /** The entry file's text (a one-file program needs nothing else). */
  source: string;
  /** Every text file of the project (path → text); when absent, the entry alone. */
  files?: Record<string, string>;
  /** The entry file's path in `files` (default: the language's main file). */
  entry?: string;
  options: CompileOptions;
  /** How many workers may compile a project's units at once (C/C++); default: one per core. */
  jobs?: number;
  /**
   * What the program is built as: absent, a WASI command; `spin-http`, the core module of a Spin
   * HTTP component (C/C++: spin.h's SDK linked in, a reactor exporting
   * wasi:http/incoming-handler@0.2.0#handle), made a component by `spinComponent`.
   */
  target?: BuildTarget;
}

export type BuildTarget = 'spin-http';

/** One compiler message, positioned in the user's source (1-based lines and columns). */
export interface Diagnostic {
  /** The project file it is in; absent means the entry file. */
  file?: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A named phase of the compile, e.g. parse, optimize, link. */
export interface PhaseTiming {
  name: string;
  ms: number;
}

/** What the compiler worker answers. `wasm` is transferred, not copied. */
export interface CompileResult {
  ok: boolean;
  wasm?: Uint8Array;
  /** Text form of the module when the toolchain produced one (e.g. AssemblyScript's .wat). */
  text?: string;
  diagnostics: Diagnostic[];
  /** The compiler's full log (stderr), for the Output panel. */
  log: string;
  compileMs: number;
  /** Size of `wasm` gzipped, when a step already knows it (the page measures it otherwise). */
  gzipSize?: number;
  phases: PhaseTiming[];
  /** True when this compile had to load the toolchain first. */
  coldStart: boolean;
  /** A debug build's source map (AssemblyScript's --sourceMap): offsets → source lines. */
  sourceMap?: string;
  /** For multi-file builds: how many files were compiled and how many there are. */
  units?: { compiled: number; total: number; summary: string };
}

/** Progress of a toolchain download, reported while a compiler loads. */
export interface LoadProgress<Language extends string = string> {
  /** The language whose toolchain loads (an id of src/languages' registry). */
  language: Language;
  phase: 'loading' | 'ready';
  done?: number;
  total?: number;
}

/** The compiler worker's API, exposed through comlink. */
export interface CompilerApi {
  compile(req: CompileRequest, onProgress?: (p: LoadProgress) => void): Promise<CompileResult>;
  /** Disassembles a module to WebAssembly text with wabt. */
  toText(wasm: Uint8Array): Promise<string>;
  /**
   * Loads a toolchain ahead of the first compile; `variant`: the language's other interpreter
   * the project chose (an interpreted language's download).
   */
  warm(language: string, onProgress?: (p: LoadProgress) => void, variant?: string): Promise<void>;
  /**
   * Wraps a preview 1 command module as a `wasi:cli/command` component (wasm-tools'
   * component-new with the preview 1 command adapter) and transpiles it for this host (jco).
   */
  componentize(core: Uint8Array): Promise<ComponentBuild>;
  /**
   * Reads and transpiles a component as it is (one opened from disk); `sync` for a Spin HTTP
   * component, instantiated for every request.
   */
  transpileComponent(
    component: Uint8Array,
    instantiation?: 'async' | 'sync',
  ): Promise<ComponentBuild>;
  /**
   * A Spin HTTP component from a core module built with target `spin-http`: wasm-tools'
   * component embed (the fermyon:spin/http-trigger@2.0.0 world) + component new (the preview 1
   * reactor adapter), and its WIT. Not transpiled: the runner serves such a component's core
   * module directly (server/spin/direct.ts), so jco's bindings would go unused — and jco cannot
   * read a module that uses wasm exceptions (C++ `throw`).
   */
  spinComponent(core: Uint8Array): Promise<ComponentBuild>;
}

/** jco's output for a component: an ES module and the core modules it instantiates. */
export interface TranspiledComponent {
  /** The ES module's text; it exports `instantiate(getCoreModule, imports, instantiateCore)`. */
  js: string;
  /** Core modules by the file name the ES module asks for. */
  cores: Record<string, Uint8Array>;
}

/** A component built or read in the compiler worker. Byte arrays are transferred. */
export interface ComponentBuild {
  ok: boolean;
  /** Why it could not be built or transpiled (names a blocking import when one does). */
  error?: string;
  /** The component's bytes (`.component.wasm`). */
  component?: Uint8Array;
  /** The component's world as WIT text. */
  wit?: string;
  /** The world's name and exports; `runnable` when it exports `wasi:cli/run`. */
  world?: string;
  exports?: string[];
  runnable?: boolean;
  transpiled?: TranspiledComponent;
  /** Bytes of the preview 1 core module and of the adapter (built components only). */
  coreBytes?: number;
  adapterBytes?: number;
  phases: PhaseTiming[];
}
