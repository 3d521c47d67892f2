/** The runner worker's server side: HTTP handlers, load tests, the cold-start lab, the preview. */
import type { TranspiledComponent } from './compile';

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
  /** A Spin component handler (Spin's HTTP trigger) instead of a WAGI module (`wasm`). */
  spin?: SpinSpec;
}

/** What a Spin component handler is served with. */
export interface SpinSpec {
  /**
   * jco's sync-instantiation bindings and core modules: an opened component's. A component built
   * here has none (`direct`: its core module is served).
   */
  component?: TranspiledComponent;
  grants: SpinGrants;
  /** Whose data it uses (a project's id, or `wasm:<file name>` for an opened component). */
  dataKey: string;
  /** The data as last kept: opened by a worker that holds none for `dataKey` yet. */
  data?: SpinDataFiles;
  /** Run settings' environment: SPIN_VARIABLE_<NAME> overrides a variable. */
  env: Record<string, string>;
  /** The files the manifest mounts (guest path → bytes), read-only under `/`; none: no preopen. */
  files?: Record<string, Uint8Array>;
  /**
   * Serve the component's own core module (the handler's `wasm`, built with spin.h) with the
   * direct host instead of jco's bindings (same answers, a fraction of the cost per request).
   */
  direct?: boolean;
}

/** A Spin app's two SQLite files (`.spin/sqlite_key_value.db`, `.spin/sqlite_db.db`). */
export interface SpinDataFiles {
  kv?: Uint8Array;
  sql?: Uint8Array;
}

/** What a Spin app's manifest grants and declares (read from its spin.toml). */
export interface SpinGrants {
  app: string;
  component: string;
  route: string;
  source: string;
  keyValueStores: string[];
  sqliteDatabases: string[];
  allowedOutboundHosts: string[];
  /** The application's [variables]. */
  variables: Record<string, { default?: string; required?: boolean; secret?: boolean }>;
  /** The component's variables: name → template (`"{{ app_var }}"` or text). */
  componentVariables: Record<string, string>;
  /** The component's `files`: globs or paths in the project, or a source placed at a destination. */
  files?: FileMount[];
  /** `exclude_files`: globs of project paths never mounted. */
  excludeFiles?: string[];
}

/** One entry of a component's `files` in spin.toml. */
export type FileMount = string | { source: string; destination: string };

/** What the Data panel shows of a Spin app's data. */
export interface SpinDataView {
  kv: { store: string; key: string; value: Uint8Array }[];
  /** Its tables (not SQLite's own), each with its first rows. */
  tables: { name: string; columns: string[]; rows: SqlCell[][]; count: number }[];
  /** Bytes of the two files. */
  kvBytes: number;
  sqlBytes: number;
}

export type SqlCell = null | number | string | Uint8Array;

/** A change the Data panel asks of a Spin app's data. */
export type SpinDataEdit =
  | { kind: 'kv-set'; store: string; key: string; value: Uint8Array }
  | { kind: 'kv-delete'; store: string; key: string }
  | { kind: 'sql'; sql: string }
  | { kind: 'clear' };

/** The Data panel's answer: the data now, the files to keep when it changed, a SQL result. */
export interface SpinDataAnswer {
  view: SpinDataView | null;
  files?: Required<SpinDataFiles>;
  result?: { columns: string[]; rows: SqlCell[][] };
  error?: string;
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
  /** A Spin component's host calls (kv, SQL, outbound HTTP, variables). */
  hostCalls?: HostCall[];
  /** A Spin app's data after a request that changed it: the files to keep, the Data panel's view. */
  data?: { files: Required<SpinDataFiles>; view: SpinDataView };
}

/** Requests answered since the last batch: their latencies (ms) and how many failed (5xx). */
export interface LoadBatch {
  latenciesMs: Float64Array;
  statuses: Record<number, number>;
  errors: number;
  /** The first failure's reason, for the page to show. */
  firstError?: string;
}

/**
 * Fresh instances' memories: `pooled`, zeroed and given again (Wasmtime's pooling allocator, as
 * Spin runs it), or `fresh`, a new one made by the engine for each.
 */
export type MemoryMode = 'pooled' | 'fresh';

/** Cold-start lab settings. */
export interface ColdStartRequest {
  wasm: Uint8Array;
  count: number;
  /** Also run `_start` in each instance (output discarded). */
  runStart: boolean;
  /** Compile the module again for every instance (the contrast). */
  compileEach: boolean;
  memory: MemoryMode;
  files: Record<string, Uint8Array>;
  /** A Spin component's instances instead of `wasm`'s (the component's core module). */
  spin?: SpinSpec;
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
  | { type: 'server:preview-end'; id: number; served: PreviewServed }
  /** A Spin app's data changed by requests a moment ago (exports are at most one a second). */
  | {
      type: 'server:spin-data';
      dataKey: string;
      files: Required<SpinDataFiles>;
      view: SpinDataView;
    };

/** A preview request the runner worker answered for the service worker, for the request log. */
export interface PreviewServed {
  method: string;
  path: string;
  status: number;
  instantiateUs: number;
  runUs: number;
  /** In the worker: from the request's arrival to its answer, ms. */
  totalMs: number;
  hostCalls?: HostCall[];
  data?: ServeAnswer['data'];
}

/** An HTTP request as a handler gets it. */
export interface HttpRequest {
  method: string;
  /** Path with the query, as in a request line: `/hello?name=x`. */
  path: string;
  /** Header lines in order (names as typed; HTTP names are case-insensitive). */
  headers: [string, string][];
  body: Uint8Array;
}

/** A call a Spin component made to its host while serving a request, and what it cost. */
export interface HostCall {
  kind: 'kv' | 'sql' | 'http' | 'var';
  /** `get count`, the SQL statement, `GET https://…`. */
  what: string;
  us: number;
  /** The error the guest got (Spin's words: `access-denied`, `HTTP-request-denied`…). */
  error?: string;
}
