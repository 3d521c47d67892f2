/** The runner worker's handler side: a compiled handler per spec, one request or a load test. */
import type { PreviewPortAnswer, PreviewPortAsk } from '../sw/routes';
import type { HandlerSpec, LoadBatch, ServeAnswer, ServerMessage } from '../protocol/server';
import { ownBuffer, serverAnswer } from './cgi';
import { HandlerHost, type ServeResult } from './serve';
import type { HttpRequest } from './wagi';
import type { SpinHost, SpinServeResult } from './spin/host';

/** A WAGI module's host or a Spin component's: one fresh instance per request either way. */
type Host = {
  serve(req: HttpRequest): ServeResult | SpinServeResult;
  spin?: Pick<SpinHost, 'data'>;
};

let cached: { id: number; pooled: boolean; host: Host } | null = null;

/** The handler of `spec`, compiled once per spec id in this worker; µs it took (0 if cached). */
async function hostFor(spec: HandlerSpec): Promise<{ host: Host; compileUs: number }> {
  const pooled = spec.pooled ?? true;
  if (cached?.id === spec.id && cached.pooled === pooled)
    return { host: cached.host, compileUs: 0 };
  const t0 = performance.now();
  let host: Host;
  if (spec.spin) {
    const { spinHost } = await import('./spin/worker');
    const spin = await spinHost(spec.spin, spec.wasm, pooled);
    host = { serve: (req) => spin.serve(req), spin };
  } else host = new HandlerHost(spec.wasm, { route: spec.route }, spec.files, pooled);
  const compileUs = (performance.now() - t0) * 1000;
  cached = { id: spec.id, pooled, host };
  return { host, compileUs };
}

/** Compiles the handler ahead of its traffic (throws when it is not a valid module); µs. */
export async function prepareHandler(spec: HandlerSpec): Promise<number> {
  return (await hostFor(spec)).compileUs;
}

export async function serveOne(
  spec: HandlerSpec,
  req: HttpRequest,
  post: (m: ServerMessage) => void,
): Promise<ServeAnswer> {
  let h: { host: Host; compileUs: number };
  try {
    h = await hostFor(spec);
  } catch (e) {
    const what = spec.spin
      ? 'the component could not be loaded'
      : 'the handler is not a valid module';
    return serverAnswer(500, `${what}: ${(e as Error).message}`);
  }
  const r = h.host.serve(req);
  const answer: ServeAnswer = {
    ...r.response,
    instantiateUs: r.instantiateUs,
    runUs: r.runUs,
    compileUs: h.compileUs,
    stderr: r.stderr,
  };
  if ('hostCalls' in r) answer.hostCalls = r.hostCalls;
  const data = h.host.spin?.data;
  if (data?.dirty && spec.spin) {
    const { exportAfterRequest } = await import('./spin/worker');
    const now = exportAfterRequest(spec.spin.dataKey, data, post);
    if (now) answer.data = now;
  }
  return answer;
}

/** How often a load test tells the page how far it is (also its heartbeat: see serverClient). */
export const HEARTBEAT_MS = 20;

/**
 * A closed loop of `clients` clients on this one worker: requests are answered one at a time
 * (a handler is synchronous), in the order they were sent, so each client's next request waits
 * behind the others'; a latency is from the moment its client sent it to its answer.
 */
export async function loadTestHere(
  spec: HandlerSpec,
  req: HttpRequest,
  requests: number,
  clients: number,
  post: (m: ServerMessage) => void,
): Promise<LoadBatch> {
  const { host } = await hostFor(spec);
  let batch: number[] = [];
  let statuses: Record<number, number> = {};
  let errors = 0;
  let firstError: string | undefined;
  const take = (): LoadBatch => {
    const b: LoadBatch = { latenciesMs: Float64Array.from(batch), statuses, errors, firstError };
    batch = [];
    statuses = {};
    errors = 0;
    firstError = undefined;
    return b;
  };
  const sentAt = new Float64Array(Math.max(1, clients)).fill(performance.now());
  let lastPost = performance.now();
  for (let i = 0; i < requests; i++) {
    const now = performance.now();
    if (now - lastPost >= HEARTBEAT_MS) {
      post({ type: 'server:load', batch: take() });
      lastPost = now;
    }
    const client = i % sentAt.length;
    const r = host.serve(req);
    const end = performance.now();
    batch.push(end - sentAt[client]);
    sentAt[client] = end;
    const s = r.response.status;
    statuses[s] = (statuses[s] ?? 0) + 1;
    if (s >= 500) {
      errors++;
      firstError ??= r.response.error ?? `status ${s}`;
    }
  }
  return take();
}

let previewSpec: HandlerSpec | null = null;

/** The handler the service worker's preview port serves (null: none built yet). */
export function setPreviewSpec(spec: HandlerSpec | null) {
  previewSpec = spec;
}

/**
 * Serves the service worker's preview requests that come on `port`, one fresh instance each. The
 * page is told when each starts and ends (it stops a worker that runs past the time limit and
 * keeps the request log).
 */
export function previewConnect(
  port: MessagePort,
  spec: HandlerSpec | null,
  post: (m: ServerMessage) => void,
) {
  previewSpec = spec;
  port.onmessage = async (e: MessageEvent<PreviewPortAsk>) => {
    const ask = e.data;
    const t0 = performance.now();
    post({ type: 'server:preview-begin', id: ask.id, method: ask.method, path: ask.path });
    const a = previewSpec
      ? await serveOne(
          previewSpec,
          {
            method: ask.method,
            path: ask.path,
            headers: ask.headers,
            body: new Uint8Array(ask.body),
          },
          post,
        )
      : serverAnswer(503, 'No handler yet: press Run in the playground to build it.');
    const body = ownBuffer(a.body);
    const answer: PreviewPortAnswer = { id: ask.id, status: a.status, headers: a.headers, body };
    port.postMessage(answer, [body]);
    post({
      type: 'server:preview-end',
      id: ask.id,
      served: {
        method: ask.method,
        path: ask.path,
        status: a.status,
        instantiateUs: a.instantiateUs,
        runUs: a.runUs,
        totalMs: performance.now() - t0,
        ...(a.hostCalls ? { hostCalls: a.hostCalls } : {}),
        ...(a.data ? { data: a.data } : {}),
      },
    });
  };
}
