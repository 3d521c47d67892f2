import { create } from 'zustand';
import { toMountable } from '../project/changes';
import type { HttpExecutor, Project } from '../project/model';
import { parseHeaderLines } from './cgi';
import type { Bin } from './stats';
import { DEFAULT_ROUTE, type HttpRequest } from './wagi';
import type {
  ColdStartResult,
  HandlerSpec,
  HostCall,
  SpinSpec,
  MemoryMode,
  PreviewServed,
  ServeAnswer,
} from '../protocol/server';
import { onSpinData, ServerPool } from './client';
import { languageById } from '../languages/registry';
import { currentProject, exampleIdOf } from '../store/projectSlice';
import { useStore } from '../store/store';

/** Where a request came from: the composer (Send, Run), the live preview, or the embed API. */
export type RequestSource = 'send' | 'preview' | 'embed';

/** One line of the request log. */
export interface LogEntry {
  id: number;
  method: string;
  path: string;
  status: number;
  /** From the request to its answer on the page, ms. */
  totalMs: number;
  instantiateUs: number;
  runUs: number;
  from: RequestSource;
  /** A Spin component's host calls while serving it. */
  hostCalls?: HostCall[];
}

/** The last response, as the response viewer shows it. */
export interface ShownResponse extends ServeAnswer {
  method: string;
  path: string;
  totalMs: number;
  /** The request log entry of this response (its `id`). */
  logId: number;
}

export interface LoadResult {
  /** Counts finished load tests (1, 2, …): tells one result from the next. */
  seq: number;
  executor: HttpExecutor;
  requests: number;
  concurrency: number;
  memory: MemoryMode;
  workers: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  firstError?: string;
  statuses: Record<number, number>;
  bins: Bin[];
  wallMs: number;
}

export interface ColdResult extends Omit<ColdStartResult, 'samplesUs' | 'runSamplesUs'> {
  /** Counts finished cold-start runs (1, 2, …). */
  seq: number;
  executor: HttpExecutor;
  count: number;
  compileEach: boolean;
  runStart: boolean;
  /** What was asked for (`pooled` falls back to fresh memories when the module cannot pool). */
  memory: MemoryMode;
  p50Us: number;
  p90Us: number;
  p99Us: number;
  maxUs: number;
  meanUs: number;
  runP50Us?: number;
  perSecond: number;
  bins: Bin[];
  wasmSize: number;
}

export interface ServerState {
  method: string;
  path: string;
  headersText: string;
  body: string;
  /** The handler the last Run in HTTP mode built, with the project state it was built from. */
  handler: HandlerSpec | null;
  handlerFrom: { projectId: string; files: Project['files'] } | null;
  sending: boolean;
  requestError: string | null;
  response: ShownResponse | null;
  log: LogEntry[];
  /** Bumped to reload the live preview (a new handler). */
  previewNonce: number;
  loadRequests: number;
  loadConcurrency: number;
  /** The load test's memories: pooled (as Spin) or a new one per request (the contrast). */
  loadMemory: MemoryMode;
  loadRunning: boolean;
  loadDone: number;
  loadErrors: number;
  load: LoadResult | null;
  /** The last load test and cold-start run of each executor, for the side-by-side line. */
  lastBy: Partial<Record<HttpExecutor, { load?: LoadResult; cold?: ColdResult }>>;
  loadError: string | null;
  coldCount: number;
  coldRunStart: boolean;
  coldCompileEach: boolean;
  coldMemory: MemoryMode;
  coldRunning: boolean;
  coldDone: number;
  cold: ColdResult | null;
  coldError: string | null;
}

export const useServer = create<ServerState>(() => ({
  method: 'GET',
  path: '/',
  headersText: '',
  body: '',
  handler: null,
  handlerFrom: null,
  sending: false,
  requestError: null,
  response: null,
  log: [],
  previewNonce: 0,
  loadRequests: 1000,
  loadConcurrency: 4,
  loadMemory: 'pooled',
  loadRunning: false,
  loadDone: 0,
  loadErrors: 0,
  load: null,
  lastBy: {},
  loadError: null,
  coldCount: 1000,
  coldRunStart: false,
  coldCompileEach: false,
  coldMemory: 'pooled',
  coldRunning: false,
  coldDone: 0,
  cold: null,
  coldError: null,
}));

const LOG_KEEP = 500;

let pool: ServerPool | null = null;
export const serverPool = () => {
  if (!pool) {
    pool = new ServerPool();
    onSpinData((m) => {
      const spec = useServer.getState().handler;
      if (spec?.spin?.dataKey === m.dataKey) spec.spin.data = m.files;
      void import('./spin/keep').then((k) => k.keepData(m.dataKey, m.files, m.view));
    });
  }
  return pool;
};
let specId = 0;
let logId = 0;
let resultSeq = 0;
/** Numbers finished load tests and cold-start runs (1, 2, …): tells one result from the next. */
export const nextResultSeq = () => ++resultSeq;

/** The route the current project's handler answers on. */
export const routeOf = (p: Pick<Project, 'route'>) => p.route ?? DEFAULT_ROUTE;

/** Makes `wasm` the handler of the current project (Run in HTTP mode); `spin`: as a component. */
export function setHandler(wasm: Uint8Array, spin?: SpinSpec): HandlerSpec {
  const p = currentProject(useStore.getState());
  const spec: HandlerSpec = {
    id: ++specId,
    wasm,
    route: spin?.grants.route ?? routeOf(p),
    // A Spin component sees only what its manifest mounts (spin.files), not the whole project.
    files: spin ? {} : toMountable(p.files),
    ...(spin ? { spin } : {}),
  };
  useServer.setState((s) => ({
    handler: spec,
    handlerFrom: { projectId: p.id, files: p.files },
    previewNonce: s.previewNonce + 1,
  }));
  return spec;
}

/** Is the built handler the current project as it is now (same files, same route)? */
export function handlerIsCurrent(): boolean {
  const { handler, handlerFrom } = useServer.getState();
  const p = currentProject(useStore.getState());
  return (
    !!handler &&
    !!handlerFrom &&
    handlerFrom.projectId === p.id &&
    handlerFrom.files === p.files &&
    handler.route === routeOf(p)
  );
}

const enc = new TextEncoder();

/** The composer's request, or why it cannot be sent. */
export function composedRequest(s = useServer.getState()): HttpRequest | { error: string } {
  const method = s.method.trim().toUpperCase();
  if (!/^[A-Z]+$/.test(method)) return { error: `"${s.method}" is not an HTTP method` };
  const path = s.path.trim() || '/';
  if (!path.startsWith('/')) return { error: 'the path starts with / (as in /hello?name=you)' };
  if (/\s/.test(path)) return { error: 'the path has no spaces (write %20)' };
  const h = parseHeaderLines(s.headersText);
  if ('error' in h) return h;
  return withDefaults({ method, path, headers: h.headers, body: enc.encode(s.body) });
}

/** A request as `curl` sends it to `spin up` (localhost:3000) when it names no Host. */
export function withDefaults(req: HttpRequest): HttpRequest {
  const has = (n: string) => req.headers.some(([k]) => k.toLowerCase() === n);
  const headers: [string, string][] = [...req.headers];
  if (!has('host')) headers.unshift(['Host', 'localhost:3000']);
  return { ...req, headers };
}

/**
 * Answers a request with a fresh instance of the built handler (time limit: Run settings'),
 * logging it. Throws when nothing was built yet.
 */
export async function serveRequest(req: HttpRequest, from: RequestSource): Promise<ShownResponse> {
  const spec = useServer.getState().handler;
  if (!spec) throw new Error('no handler yet: press Run to build it');
  const limitMs = useStore.getState().timeLimit * 1000;
  const t0 = performance.now();
  const answer = await serverPool().request(spec, req, limitMs);
  const totalMs = performance.now() - t0;
  keepAnswerData(spec, answer.data);
  const entry: LogEntry = {
    id: ++logId,
    method: req.method,
    path: req.path,
    status: answer.status,
    totalMs,
    instantiateUs: answer.instantiateUs,
    runUs: answer.runUs,
    from,
    ...(answer.hostCalls ? { hostCalls: answer.hostCalls } : {}),
  };
  logLater(entry);
  return { ...answer, method: req.method, path: req.path, totalMs, logId: entry.id };
}

/** Logs a preview request the handler worker answered on the service worker's port. */
export function logPreview(s: PreviewServed) {
  const { data, ...served } = s;
  const spec = useServer.getState().handler;
  if (spec) keepAnswerData(spec, data);
  logLater({ id: ++logId, ...served, from: 'preview' });
}

/** A Spin app's data after a request changed it: kept, and what a new worker opens from now on. */
function keepAnswerData(spec: HandlerSpec, data: ServeAnswer['data']) {
  if (!data || !spec.spin) return;
  spec.spin.data = data.files;
  void import('./spin/keep').then((k) => k.keepData(spec.spin!.dataKey, data.files, data.view));
}

let pendingLog: LogEntry[] = [];

/**
 * Adds an entry to the request log when the page is next idle (at most 100 ms later): a preview
 * page loads in this tab's main thread, and rendering the log in the middle of its navigation
 * held the page's paint back by ~10 ms. Entries that come together render once.
 */
function logLater(entry: LogEntry) {
  pendingLog.push(entry);
  if (pendingLog.length > 1) return;
  const flush = () => {
    const add = pendingLog;
    pendingLog = [];
    useServer.setState((s) => ({ log: [...s.log, ...add].slice(-LOG_KEEP) }));
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: 100 });
  else setTimeout(flush, 0);
}

/** Sends the composer's request to the built handler and shows the response. */
export async function sendComposed(): Promise<ShownResponse | null> {
  const req = composedRequest();
  if ('error' in req) {
    useServer.setState({ requestError: req.error });
    return null;
  }
  useServer.setState({ requestError: null, sending: true });
  try {
    const response = await serveRequest(req, 'send');
    useServer.setState({ response });
    return response;
  } catch (e) {
    useServer.setState({ requestError: (e as Error).message });
    return null;
  } finally {
    useServer.setState({ sending: false });
  }
}

/**
 * Keeps the HTTP tab about the open project: another project (or example) drops the handler
 * and the response (they belong to the code that was open), and an example handler fills the
 * composer with the request it was written for.
 */
export function watchServerProject(): () => void {
  const apply = (p: Project) => {
    const id = exampleIdOf(p);
    const ex = id ? languageById[p.language].examples.find((e) => e.id === id) : undefined;
    if (!ex?.http) return;
    useServer.setState({
      method: ex.http.method ?? 'GET',
      path: ex.http.path.replaceAll('%PAGE_ORIGIN%', globalThis.location?.origin ?? ''),
      headersText: ex.http.headers ?? '',
      body: ex.http.body ?? '',
      requestError: null,
    });
  };
  apply(currentProject(useStore.getState()));
  return useStore.subscribe((s, prev) => {
    const p = currentProject(s);
    const before = prev.projects[prev.currentId];
    // An edit clears `pristine` (the handler stays until the next Run rebuilds it); loading
    // another example in place sets a new one.
    if (s.currentId === prev.currentId && (!p.pristine || p.pristine === before?.pristine)) return;
    useServer.setState({ handler: null, handlerFrom: null, response: null });
    apply(p);
  });
}
