/** The runner worker's contract: a command run, its stdio, output stream and result. */
import type { Diagnostic, TranspiledComponent } from './compile';
import type { DebugMessage, DebugRequest } from './debug';
import type {
  ColdStartRequest,
  ColdStartResult,
  HandlerSpec,
  HttpRequest,
  LoadBatch,
  ServeAnswer,
  SpinDataAnswer,
  SpinDataEdit,
  SpinDataFiles,
} from './server';

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
   * The sandbox's files, mounted as the preopened directory `/`, as a change to the project the
   * worker kept from its last run (a fresh worker starts from nothing). Each run sees the
   * project as given, never the writes of a run before.
   */
  files?: FilesDelta;
  /** Also answer with every file of the sandbox after the run (RunResult.files). */
  returnFiles?: boolean;
  /** false: no directory is preopened (fd 3 does not exist); default: the files at `/`. */
  preopen?: boolean;
  /** Interactive stdin and terminals; absent: preset stdin, EOF after it, sleeps spin. */
  stdio?: StdioSetup;
  /**
   * Run this transpiled component (wasi:cli/run) on preview2-shim instead of `wasm` as a
   * preview 1 command; `wasm` is then the component's bytes (for their size only).
   */
  component?: TranspiledComponent;
  /** Run the project's entry on its language's interpreter (the module is the interpreter's). */
  interpret?: InterpretRequest;
  /** Run under the debugger: instrumented, pausing where the page says. */
  debug?: DebugRequest;
}

/** What an interpreted run (Python, Ruby) runs: `wasm` is then empty. */
export interface InterpretRequest {
  /** A language id of src/languages' registry whose folder has an interpreter. */
  language: string;
  /** The program's path in the project (the file the interpreter runs). */
  entry: string;
  /** Which of the language's interpreters (e.g. MicroPython or CPython); default: the first. */
  variant?: string;
}

/** The interpreter that ran a program: what the Timings panel and the inspector show of it. */
export interface InterpreterInfo {
  /** Its name and version, e.g. "MicroPython 1.27.0". */
  name: string;
  /** Where the page can fetch its main module (the inspector opens it). */
  url: string;
  /** Bytes of that module. */
  wasmBytes: number;
  /** This worker had it compiled already (a rerun): `compileModuleMs` is then ~0. */
  cached: boolean;
}

/**
 * What changed in a project since the runner last had it: path → bytes (transferred; a path
 * ending in `/` is a folder) for what is new or different, and the paths that are gone.
 */
export interface FilesDelta {
  /** Forget what was kept first (a fresh worker, another project, the embed's own files). */
  reset: boolean;
  put: Record<string, Uint8Array>;
  remove: string[];
}

/** What a run did to one path of the sandbox. */
export type Change = 'created' | 'modified' | 'deleted';

/** The files a run created, modified or deleted, with their content after the run. */
export interface RunChanges {
  changes: Record<string, Change>;
  /** Content after the run of every created or modified path. */
  after: Record<string, Uint8Array>;
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
  | { type: 'runner:stdin'; runId: number; state: 'waiting' | 'resumed' | 'unavailable' }
  /** A debugged program paused (it waits for the page through the debug channel). */
  | DebugMessage;

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
  /** The engine's compile was skipped: this worker had compiled the same bytes before. */
  moduleCached?: boolean;
  instantiateMs: number;
  runMs: number;
  imports: ModuleEntry[];
  exports: ModuleEntry[];
  /** What the run changed in the sandbox, compared in the worker (bytes transferred). */
  changes?: RunChanges;
  /**
   * Every file and folder of the sandbox after the run (path → bytes, folders end in `/`):
   * only when asked for (RunRequest.returnFiles) or when no project was kept.
   */
  files?: Record<string, Uint8Array>;
  /** Set when the run hit the sandbox's size limit. */
  sandboxFull?: boolean;
  /** Ran as a component: `exitCode` is what the program asked for (proc_exit's code). */
  component?: {
    /** What the component itself reported through wasi:cli/exit (0.2 carries only ok/err). */
    status: 'ok' | 'err';
  };
  /** Ran on an interpreter (RunRequest.interpret): which one. */
  interpreter?: InterpreterInfo;
  /** An interpreted program's uncaught error or syntax error, at its file:line. */
  diagnostics?: Diagnostic[];
}

/** The runner worker's API, exposed through comlink. */
export interface RunnerApi {
  /** Runs a WASI command; output streams as OutputMessage events on the worker. */
  run(req: RunRequest): Promise<RunResult>;
  ping(): Promise<boolean>;
  /** Answers one request with a fresh instance of the handler. */
  serve(spec: HandlerSpec, req: HttpRequest): Promise<ServeAnswer>;
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
   * Starts an interpreter (InterpretRequest's language and variant) in this worker ahead of the
   * first run, so that Run finds it loaded. Resolves when it is ready (false: it failed).
   */
  prepareInterpreter(language: string, variant?: string): Promise<boolean>;
  /**
   * A closed-loop load test on this worker: `clients` clients, each sending its next request when
   * its last was answered, `requests` in all. Progress comes as ServerMessage events.
   */
  loadTest(
    spec: HandlerSpec,
    req: HttpRequest,
    requests: number,
    clients: number,
  ): Promise<LoadBatch>;
  /** Creates `count` fresh instances of a module and times them. */
  /** A Spin app's data in this worker (opened from `data` when it holds none for the key). */
  spinData(
    dataKey: string,
    data: SpinDataFiles | undefined,
    edit?: SpinDataEdit,
  ): Promise<SpinDataAnswer>;
  coldStart(req: ColdStartRequest): Promise<ColdStartResult>;
}
