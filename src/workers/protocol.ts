/** Types shared by the main thread and the workers. Nothing here may import code. */

/** Every language id the playground knows. */
export type LanguageId = 'wat' | 'assemblyscript' | 'c' | 'cpp';

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
  language: LanguageId;
  /** The entry file's text (a one-file program needs nothing else). */
  source: string;
  /** Every text file of the project (path → text); when absent, the entry alone. */
  files?: Record<string, string>;
  /** The entry file's path in `files` (default: the language's main file). */
  entry?: string;
  options: CompileOptions;
}

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
  /** Size of `wasm` gzipped, computed in the worker after compileMs was taken. */
  gzipSize?: number;
  phases: PhaseTiming[];
  /** True when this compile had to load the toolchain first. */
  coldStart: boolean;
  /** For multi-file builds: how many files were compiled and how many there are. */
  units?: { compiled: number; total: number; summary: string };
}

/** Progress of a toolchain download, reported while a compiler loads. */
export interface LoadProgress {
  language: LanguageId;
  phase: 'loading' | 'ready';
  done?: number;
  total?: number;
}

/** The compiler worker's API, exposed through comlink. */
export interface CompilerApi {
  compile(req: CompileRequest, onProgress?: (p: LoadProgress) => void): Promise<CompileResult>;
  /** Disassembles a module to WebAssembly text with wabt. */
  toText(wasm: Uint8Array): Promise<string>;
  /** Loads a toolchain ahead of the first compile. */
  warm(language: LanguageId, onProgress?: (p: LoadProgress) => void): Promise<void>;
  /**
   * Wraps a preview 1 command module as a `wasi:cli/command` component (wasm-tools'
   * component-new with the preview 1 command adapter) and transpiles it for this host (jco).
   */
  componentize(core: Uint8Array): Promise<ComponentBuild>;
  /** Reads and transpiles a component as it is (one opened from disk). */
  transpileComponent(component: Uint8Array): Promise<ComponentBuild>;
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

/**
 * How a program that reads stdin with nothing buffered waits: JSPI suspends it (no isolation
 * needed), Atomics blocks its worker (cross-origin isolated pages), none: stdin is the preset.
 */
export type WaitMode = 'jspi' | 'atomics' | 'none';

/** A run's stdio: whether input can follow the preset, how to wait for it, what is a terminal. */
export interface StdioSetup {
  wait: WaitMode;
  /** More input may follow the preset stdin (typed in the terminal); else EOF follows it. */
  interactive: boolean;
  /** Which fds report a terminal: fd 0, and fds 1 and 2. */
  tty: { stdin: boolean; stdout: boolean };
  /** atomics: the ring the page writes input into. */
  ring?: SharedArrayBuffer;
  /** jspi: the port input arrives on (transferred). */
  port?: MessagePort;
}

/** A run request as sent to the runner worker. `wasm` is transferred. */
export interface RunRequest {
  runId: number;
  wasm: Uint8Array;
  stdin: string;
  args: string[];
  env: string[];
  /**
   * The sandbox's files, mounted as the preopened directory `/` (path → bytes; a path ending in
   * `/` is a folder). Each run gets its own copy.
   */
  files?: Record<string, Uint8Array>;
  /** Interactive stdin and terminals; absent: preset stdin, EOF after it, sleeps spin. */
  stdio?: StdioSetup;
  /**
   * Run this transpiled component (wasi:cli/run) on preview2-shim instead of `wasm` as a
   * preview 1 command; `wasm` is then the component's bytes (for their size only).
   */
  component?: TranspiledComponent;
}

/** A piece of program output ('stdin': the user's input, echoed into the transcript). */
export interface OutputChunk {
  stream: 'stdout' | 'stderr' | 'stdin';
  text: string;
}

/**
 * Output posted by the runner worker on its own port (not through a Comlink.proxy channel), so
 * it is ordered with comlink's reply: every chunk arrives before the run's result.
 */
export type OutputMessage =
  | { type: 'runner:output'; runId: number; chunks: OutputChunk[] }
  /**
   * The program started or stopped waiting for input ('unavailable': it read past the preset
   * stdin and nothing can wait). Sent after the output before it.
   */
  | { type: 'runner:stdin'; runId: number; state: 'waiting' | 'resumed' | 'unavailable' };

/** One import or export of a module, as WebAssembly.Module reports it. */
export interface ModuleEntry {
  module?: string;
  name: string;
  kind: string;
}

/** How a run ended, with the times measured inside the runner worker. */
export interface RunResult {
  runId: number;
  /** Exit code; null when the program trapped or failed to instantiate. */
  exitCode: number | null;
  trap?: { message: string; func?: string; frames?: string[] };
  /** Set when the module could not be compiled or instantiated by the engine. */
  error?: string;
  compileModuleMs: number;
  instantiateMs: number;
  runMs: number;
  imports: ModuleEntry[];
  exports: ModuleEntry[];
  /** Every file and folder of the sandbox after the run (same form as RunRequest.files). */
  files?: Record<string, Uint8Array>;
  /** Set when the run hit the sandbox's size limit. */
  sandboxFull?: boolean;
  /** Ran as a component: `exitCode` is what the program asked for (proc_exit's code). */
  component?: {
    /** What the component itself reported through wasi:cli/exit (0.2 carries only ok/err). */
    status: 'ok' | 'err';
  };
}

/** The runner worker's API, exposed through comlink. */
export interface RunnerApi {
  /** Runs a WASI command; output streams as OutputMessage events on the worker. */
  run(req: RunRequest): Promise<RunResult>;
  ping(): Promise<boolean>;
  /** Answers one request with a fresh instance of the handler. */
  serve(spec: HandlerSpec, req: import('../server/wagi').HttpRequest): Promise<ServeAnswer>;
  /**
   * Answers the service worker's preview requests that come on `port` (PreviewPortAsk), with
   * fresh instances of `spec` (null: no handler yet), without the page in between.
   */
  previewConnect(port: MessagePort, spec: HandlerSpec | null): Promise<void>;
  /** The handler the preview port serves from now on. */
  previewSpec(spec: HandlerSpec | null): Promise<void>;
  /** Compiles the handler in this worker ahead of its traffic; µs it took (0: compiled before). */
  prepare(spec: HandlerSpec): Promise<number>;
  /**
   * A closed-loop load test on this worker: `clients` clients, each sending its next request when
   * its last was answered, `requests` in all. Progress comes as ServerMessage events.
   */
  loadTest(
    spec: HandlerSpec,
    req: import('../server/wagi').HttpRequest,
    requests: number,
    clients: number,
  ): Promise<LoadBatch>;
  /** Creates `count` fresh instances of a module and times them. */
  coldStart(req: ColdStartRequest): Promise<ColdStartResult>;
}

/** A handler as the runner worker is given it (compiled once per `id` and worker). */
export interface HandlerSpec {
  /** Changes whenever the module or its files change. */
  id: number;
  wasm: Uint8Array;
  /** The trigger route, e.g. `/...`. */
  route: string;
  files: Record<string, Uint8Array>;
  /**
   * Instances' memories from a pool, zeroed (the default, as Spin's Wasmtime pooling allocator),
   * or `false`: a new memory for every request (the load test's contrast).
   */
  pooled?: boolean;
}

/** One answered request, as the page gets it. */
export interface ServeAnswer {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
  /** Why the server (not the handler) answered this way. */
  error?: string;
  instantiateUs: number;
  runUs: number;
  /** Handler compile in this worker, µs (0 when it was compiled before). */
  compileUs: number;
  stderr: string;
}

/** Requests answered since the last batch: their latencies (ms) and how many failed (5xx). */
export interface LoadBatch {
  latenciesMs: Float64Array;
  statuses: Record<number, number>;
  errors: number;
  /** The first failure's reason, for the page to show. */
  firstError?: string;
}

/** Cold-start lab settings. */
/**
 * Fresh instances' memories: `pooled`, zeroed and given again (Wasmtime's pooling allocator, as
 * Spin runs it), or `fresh`, a new one made by the engine for each.
 */
export type MemoryMode = 'pooled' | 'fresh';

export interface ColdStartRequest {
  wasm: Uint8Array;
  count: number;
  /** Also run `_start` in each instance (output discarded). */
  runStart: boolean;
  /** Compile the module again for every instance (the contrast). */
  compileEach: boolean;
  memory: MemoryMode;
  files: Record<string, Uint8Array>;
}

/** Cold-start lab results; times in µs. */
export interface ColdStartResult {
  /** Per instance: `new WebAssembly.Instance` (+ `new WebAssembly.Module` with compileEach). */
  samplesUs: Float64Array;
  /** Per instance with runStart: `_start` until it returned. */
  runSamplesUs?: Float64Array;
  /** The one compile before the loop (0 with compileEach). */
  compileUs: number;
  /** Wall time of the whole loop, WASI host setup included, ms. */
  wallMs: number;
  /** Mean time to set up each instance's WASI host and file tree (before instantiating), µs. */
  setupMeanUs: number;
  /** Linear memory each instance starts with, bytes. */
  memoryBytes: number;
  /** The smallest step performance.now() showed (5 µs when cross-origin isolated). */
  timerResolutionUs: number;
  /** Instances whose _start trapped or exited non-zero (runStart). */
  failures: number;
  firstFailure?: string;
  /** Whether the instances' memories came from a pool (asked for, and the module allows it). */
  pooled: boolean;
  /** Linear memories made for the loop (1 or a few when pooled; one per instance when fresh). */
  memoriesMade: number;
}

/** Progress of a load test or cold-start loop, posted on the runner worker's port. */
export type ServerMessage =
  | { type: 'server:load'; batch: LoadBatch }
  | { type: 'server:coldstart'; done: number }
  /** A preview request came on the service worker's port (the page times it). */
  | { type: 'server:preview-begin'; id: number; method: string; path: string }
  /** …and was answered. */
  | { type: 'server:preview-end'; id: number; served: PreviewServed };

/** A preview request the runner worker answered for the service worker, for the request log. */
export interface PreviewServed {
  method: string;
  path: string;
  status: number;
  instantiateUs: number;
  runUs: number;
  /** In the worker: from the request's arrival to its answer, ms. */
  totalMs: number;
}

/** A file to format (the editor's text, its path in the project, the editor's indent). */
export interface FormatRequest {
  path: string;
  text: string;
  tabSize: number;
  /** The project's `.clang-format`, used as the style for C and C++ when present. */
  clangFormatStyle?: string;
}

export interface FormatResult {
  text: string;
  /** Which formatter did it, e.g. "clang-format 23.1.0 (LLVM style)". */
  tool: string;
  /** Said to the user as well (a fallback taken, a style that was ignored). */
  note?: string;
}

/** The format worker: loaded on the first Format; each formatter loads on its first use. */
export interface FormatterApi {
  /** Formats the text, or throws an Error whose message says why (a syntax error, no formatter). */
  format(req: FormatRequest): Promise<FormatResult>;
}

/** wasm-opt presets offered by the inspector and the "then wasm-opt" compile option. */
export type OptimizePreset = '-O1' | '-O2' | '-O3' | '-O4' | '-Os' | '-Oz';
// A value, in a file of types: the one list both sides check presets against.
export const WASM_OPT_PRESETS: readonly string[] = ['-O1', '-O2', '-O3', '-O4', '-Os', '-Oz'];

export interface OptimizeResult {
  wasm: Uint8Array;
  /** binaryen's read + optimize + write, in the worker. */
  ms: number;
}

/** The inspect worker: module structure, WAT text and wasm-opt, off the main thread. */
export interface InspectorApi {
  inspect(wasm: Uint8Array): Promise<import('../inspect/inspection').Inspection>;
  /** Starts disassembling module `key` (once) and keeps its text; the first window's worth. */
  watOpen(key: number, wasm: Uint8Array): Promise<import('../inspect/watDocument').WatSummary>;
  /** Disassembles the rest of module `key` (a piece per task); its whole outline. */
  watFinish(key: number): Promise<import('../inspect/watDocument').WatSummary>;
  /** Lines [from, to) of module `key`'s text. */
  watLines(
    key: number,
    from: number,
    to: number,
  ): Promise<import('../inspect/watDocument').WatLines>;
  /** The next (or previous) occurrence of `query` in module `key`'s whole text. */
  watFind(
    key: number,
    query: string,
    line: number,
    column: number,
    backwards: boolean,
  ): Promise<import('../inspect/watDocument').WatMatch | null>;
  optimize(wasm: Uint8Array, preset: OptimizePreset, strip: boolean): Promise<OptimizeResult>;
}
