import type { CompileRequest, CompileResult, Diagnostic, LoadProgress } from '../protocol/compile';
import type { InterpreterInfo, ModuleEntry } from '../protocol/run';
import type { WasiHost } from '../wasi/host';

/** One entry of the examples menu. */
export interface Example {
  id: string;
  label: string;
  source: string;
  /** More files of the example's project (headers, modules, data), path → text. */
  files?: Record<string, string>;
  /** Run settings the example needs; applied when it is loaded. */
  stdin?: string;
  args?: string;
  /** An interactive program: it opens with empty stdin in the terminal view. */
  terminal?: boolean;
  /** An HTTP handler: the project runs in handler mode, and this is the first request's path. */
  http?: {
    path: string;
    method?: string;
    headers?: string;
    body?: string;
    /** Run by the Spin component executor (the example has a spin.toml). */
    executor?: 'spin-component';
  };
}

/** Which formatter Format Document uses on a language's files (the format worker has each). */
export type FormatterId = 'clang-format' | 'prettier-typescript' | 'wat-indent' | 'ruff' | 'none';

/** What the main thread knows about a language: no toolchain code here. */
export interface LanguageMeta<Id extends string = string> {
  id: Id;
  label: string;
  /** Monaco language id used for highlighting. */
  monacoId: string;
  /** File name used for downloads and compiler messages (the entry of a new project). */
  fileName: string;
  /**
   * Extensions (no dot, lower case) of the files this language compiles; they make a project
   * this language when opened (a zip) and mark the files that are built.
   */
  sources: string[];
  /** Extensions of its headers: shown in this language's colours when the project is of it. */
  headers?: string[];
  formatter: FormatterId;
  /**
   * Loads what Monaco colours the language with, once Monaco itself has loaded: a definition of
   * Monaco's (imported for its side effect, nothing returned) or a grammar of ours.
   */
  grammar: () => Promise<MonacoGrammar | void>;
  examples: Example[];
  /** Optimization levels offered in the toolbar; empty when the compiler has none. */
  optLevels: string[];
  /**
   * Debug builds: the flags added to a -O0 build for the debugger (DWARF, a source map); absent:
   * the language cannot be debugged here.
   */
  debugFlags?: string;
  defaultOptLevel?: string;
  /** Which Run settings apply: wasm-opt after the build (binaryen reads what it emits). */
  runSettings: { wasmOpt: boolean };
  /** The source is WebAssembly text itself: Download .wat works before any build. */
  sourceIsWat?: boolean;
  /**
   * The toolchain is part of the compiler worker's script: no download to route through the
   * service worker before the first compile.
   */
  toolchainBundled?: boolean;
  /**
   * A toolchain big enough to ask before downloading it: its name (shared between languages
   * that use it) and its approximate download size.
   */
  /** A toolchain worth asking about: its size on the wire (compressed) and unpacked. */
  download?: { toolchain: string; approxMB: number; unpackedMB: number; what: string };
  /**
   * The language runs on an interpreter compiled to WebAssembly (its folder's interpreter.ts, in
   * the runner worker): nothing is compiled; Run runs the entry file on it.
   */
  interpreter?: {
    /** What the Timings panel and the inspector call it, e.g. "MicroPython 1.27". */
    name: string;
    /** Another interpreter the project may choose instead (a setting saved with it). */
    alternative?: InterpreterVariant;
  };
}

/** An interpreter a project may switch to (e.g. CPython instead of MicroPython). */
export interface InterpreterVariant {
  id: string;
  /** The setting's label, e.g. "Full Python (CPython 3.14, 6 MB download)". */
  label: string;
  name: string;
  download: { toolchain: string; approxMB: number; unpackedMB: number; what: string };
}

/** A grammar of ours for Monaco (Monaco's own definitions register themselves). */
export interface MonacoGrammar {
  id: string;
  extensions: string[];
  aliases: string[];
  /** A Monarch tokenizer (monaco.languages.IMonarchLanguage). */
  tokens: unknown;
  /** monaco.languages.LanguageConfiguration. */
  configuration: unknown;
}

/** A language's compile step, loaded on first use. */
export type CompileFn = (req: CompileRequest) => Promise<CompileResult>;

/** How a language builds: its `compiler.ts` (worker side; each loader pulls in a toolchain). */
export interface CompilerEntry {
  /** Languages sharing a toolchain (C and C++) share this key, so it loads once. */
  toolchain: string;
  load: () => Promise<CompileFn>;
  /** Loads the toolchain itself (not just the glue), so the first compile is warm. */
  warm: (
    onProgress?: (p: Omit<LoadProgress, 'language'>) => void,
    variant?: string,
  ) => Promise<unknown>;
}

/** Declares a language's meta, keeping its id as a literal type (LanguageId derives from it). */
export const defineLanguage = <const Id extends string>(meta: LanguageMeta<Id>) => meta;

/** What a language's interpreter is given for one run, in the runner worker. */
export interface InterpreterRun {
  /** The program's path in the project. */
  entry: string;
  args: string[];
  env: string[];
  /** The variant the project chose (InterpreterVariant.id), or undefined for the default. */
  variant?: string;
  /** The project's files and folders as mounted (path → bytes, folders end in `/`): read only. */
  files: ReadonlyMap<string, Uint8Array>;
  /**
   * Our WASI host for this run over a copy-on-write tree of the project, stdio wired to the
   * page (a WASI interpreter runs on it; its tree's changes are the run's changes).
   */
  wasi: WasiHost;
  stdout(bytes: Uint8Array): void;
  stderr(bytes: Uint8Array): void;
  /** Up to `max` bytes of stdin, waiting for the terminal when nothing is buffered; empty: EOF. */
  readStdin(max: number): Uint8Array;
  /** Where an asset URL of the app is read from (the URL itself in a browser; a path in tests). */
  locate(url: string): string;
  /** Progress of the interpreter's first download in this worker (bytes). */
  onProgress?(done: number, total: number): void;
}

/** How an interpreted run ended, with the times measured in the worker. */
export interface InterpreterOutcome {
  exitCode: number | null;
  /** Why the interpreter itself could not run (not the program's error). */
  error?: string;
  info: InterpreterInfo;
  /** Fetch and engine compile of the interpreter (≈0 when this worker had it). */
  loadMs: number;
  /** Instantiating it and starting its VM. */
  instantiateMs: number;
  /** The program itself. */
  runMs: number;
  imports: ModuleEntry[];
  exports: ModuleEntry[];
  /**
   * The sandbox after the run when it is not the WASI host's tree (an Emscripten filesystem
   * read back): path → bytes, folders end in `/`.
   */
  files?: Record<string, Uint8Array>;
}

/** A language's interpreter (its folder's interpreter.ts, loaded by the runner worker). */
export interface InterpreterEntry {
  run(r: InterpreterRun): Promise<InterpreterOutcome>;
  /** The program's errors in its stderr (a traceback's last frame in the project's files). */
  problems(stderr: string, files: string[]): Diagnostic[];
  /** Loads (fetches and compiles) the interpreter ahead of the first run. */
  warm(variant?: string, onProgress?: (done: number, total: number) => void): Promise<unknown>;
  /**
   * In the runner worker: gets the interpreter as far as a run can reuse it (compiled, or for
   * one kept between runs, started), before the user presses Run.
   */
  prepare(variant: string | undefined, locate: (url: string) => string): Promise<unknown>;
}
