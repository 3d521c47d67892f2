import * as Comlink from 'comlink';
import { AbortError, raceWorker } from '../util/workerCall';
import type {
  ColdStartRequest,
  ColdStartResult,
  HandlerSpec,
  LoadBatch,
  PreviewServed,
  ServeAnswer,
  ServerMessage,
  SpinDataAnswer,
  SpinDataEdit,
  SpinDataFiles,
} from '../protocol/server';
import type { RunnerApi } from '../protocol/run';
import type { HttpRequest } from './wagi';
import { serverAnswer } from './cgi';

let spinDataSink: ((m: Extract<ServerMessage, { type: 'server:spin-data' }>) => void) | null = null;
/** Where the Spin data the handler workers post goes (the page's keeping). */
export function onSpinData(sink: typeof spinDataSink) {
  spinDataSink = sink;
}

/** A runner worker used for handlers (the same script as command runs). */
class Handle {
  readonly worker = new Worker(new URL('../workers/runner.worker.ts', import.meta.url), {
    type: 'module',
    name: 'handler',
  });
  readonly api = Comlink.wrap<RunnerApi>(this.worker);
  dead = false;
  constructor() {
    // A Spin app's data, exported a moment after the requests that changed it.
    this.worker.addEventListener('message', (e: MessageEvent<ServerMessage>) => {
      if (e.data?.type === 'server:spin-data') spinDataSink?.(e.data);
    });
  }
  /** Called once when the worker is terminated. */
  onKill: (() => void) | null = null;
  kill() {
    if (this.dead) return;
    this.dead = true;
    this.worker.terminate();
    this.onKill?.();
  }
}

/** What the page hears of the preview requests its handler worker answers directly. */
export interface PreviewEvents {
  /** The time limit now, ms (0: none). */
  limitMs: () => number;
  /** A request was answered (for the request log). */
  served: (s: PreviewServed) => void;
  /** Request `id` ran past the limit: its worker was stopped; answer it with this. */
  timedOut: (id: number, answer: ServeAnswer, req: { method: string; path: string }) => void;
  /** The worker is gone (stopped for any reason): its port answers no more. */
  gone: () => void;
}

/** The 504 for a request whose instance ran past the limit and was stopped with its worker. */
const timeoutAnswer = (limitMs: number) =>
  serverAnswer(
    504,
    `Gateway Timeout: the handler ran past the time limit (${limitMs} ms) and was stopped`,
    limitMs * 1000,
  );

/** How many workers a load test may use: one per core, as a server would. */
export const maxLoadWorkers = () => Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));

/** Live progress of a load test. */
export interface LoadProgress {
  done: number;
  errors: number;
}

/** What a load test measured: every latency (ms), statuses, errors and the wall time. */
export interface LoadOutcome {
  latenciesMs: Float64Array;
  statuses: Record<number, number>;
  errors: number;
  firstError?: string;
  wallMs: number;
  workers: number;
}

/**
 * Runs HTTP handlers in runner workers: single requests (the composer, the preview) one at a
 * time on one worker, load tests on one worker per core, the cold-start lab on its own worker.
 * A handler that runs past the time limit is stopped by terminating its worker (504).
 */
export class ServerPool {
  private main: Handle | null = null;
  /**
   * The load test's workers, kept between tests with the handler compiled, as a server's
   * processes stay up between bursts of traffic (a stuck or stopped one is terminated).
   */
  private loaders: Handle[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * A port (for the service worker) straight to the single-request worker, which answers the
   * preview's requests on it with fresh instances of `spec` — no hop through this page's main
   * thread, which the preview frame shares. The page still times each request (a worker past
   * the limit is stopped, the request answered 504) and logs it.
   */
  connectPreview(spec: HandlerSpec | null, events: PreviewEvents): MessagePort {
    if (!this.main || this.main.dead) this.main = new Handle();
    const h = this.main;
    const ch = new MessageChannel();
    void h.api.previewConnect(Comlink.transfer(ch.port1, [ch.port1]), spec);
    if (!h.onKill) {
      const timers = new Map<number, ReturnType<typeof setTimeout>>();
      h.worker.addEventListener('message', (e: MessageEvent<ServerMessage>) => {
        const m = e.data;
        if (m?.type === 'server:preview-begin') {
          const limitMs = events.limitMs();
          if (limitMs > 0)
            timers.set(
              m.id,
              setTimeout(() => {
                timers.delete(m.id);
                events.timedOut(m.id, timeoutAnswer(limitMs), m);
                h.kill();
              }, limitMs),
            );
        } else if (m?.type === 'server:preview-end') {
          clearTimeout(timers.get(m.id));
          timers.delete(m.id);
          events.served(m.served);
        }
      });
      h.onKill = () => {
        timers.forEach((t) => clearTimeout(t));
        events.gone();
      };
    }
    return ch.port2;
  }

  /** The handler the preview port serves from now on. */
  setPreviewSpec(spec: HandlerSpec | null) {
    if (this.main && !this.main.dead && this.main.onKill) void this.main.api.previewSpec(spec);
  }

  /** Answers one request; requests are served in the order they came. */
  request(spec: HandlerSpec, req: HttpRequest, limitMs: number): Promise<ServeAnswer> {
    const run = async () => {
      if (!this.main || this.main.dead) this.main = new Handle();
      const h = this.main;
      const ctl = new AbortController();
      const timer = limitMs > 0 ? setTimeout(() => ctl.abort('timeout'), limitMs) : undefined;
      try {
        return await raceWorker(h.worker, h.api.serve(spec, req), ctl.signal);
      } catch (e) {
        h.kill();
        // The instance ran past the limit and was killed with its worker.
        if (e instanceof AbortError) return timeoutAnswer(limitMs);
        return serverAnswer(500, `the handler's worker failed: ${(e as Error).message}`);
      } finally {
        clearTimeout(timer);
      }
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => {});
    return p;
  }

  /**
   * Reads (and with `edit`, changes) a Spin app's data on the worker that serves its requests —
   * the data's one writer — in turn with the requests.
   */
  spinData(
    key: string,
    data: SpinDataFiles | undefined,
    edit?: SpinDataEdit,
  ): Promise<SpinDataAnswer> {
    const run = async () => {
      if (!this.main || this.main.dead) this.main = new Handle();
      return raceWorker(this.main.worker, this.main.api.spinData(key, data, edit));
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => {});
    return p;
  }

  /**
   * `requests` requests from `clients` clients, spread over up to one worker per core. A worker
   * reports every HEARTBEAT_MS; one silent for longer than the time limit is running a request
   * past it: it is terminated, that request counts as a 504, and a fresh worker goes on with its
   * share (what it answered since its last report is answered again).
   */
  async loadTest(
    spec: HandlerSpec,
    req: HttpRequest,
    requests: number,
    clients: number,
    limitMs: number,
    onProgress: (p: LoadProgress) => void,
    signal: AbortSignal,
  ): Promise<LoadOutcome> {
    const workers = Math.min(clients, requests, maxLoadWorkers());
    const latencies: number[] = [];
    const statuses: Record<number, number> = {};
    let errors = 0;
    let firstError: string | undefined;
    const add = (b: LoadBatch) => {
      for (const l of b.latenciesMs) latencies.push(l);
      for (const [s, n] of Object.entries(b.statuses)) statuses[+s] = (statuses[+s] ?? 0) + n;
      errors += b.errors;
      firstError ??= b.firstError;
      onProgress({ done: latencies.length, errors });
    };
    const live = new Set<Handle>();
    const onAbort = () => live.forEach((h) => h.kill());
    signal.addEventListener('abort', onAbort);
    const share = async (n: number, c: number, warm: Handle) => {
      let left = n;
      let next: Handle | null = warm;
      while (left > 0 && !signal.aborted) {
        const h: Handle = next ?? new Handle();
        next = null;
        live.add(h);
        let got = 0;
        let lastBeat = performance.now();
        const onMessage = (e: MessageEvent<ServerMessage>) => {
          if (e.data?.type !== 'server:load') return;
          lastBeat = performance.now();
          got += e.data.batch.latenciesMs.length;
          add(e.data.batch);
        };
        h.worker.addEventListener('message', onMessage);
        const stuck = new AbortController();
        const watch =
          limitMs > 0
            ? setInterval(() => {
                if (performance.now() - lastBeat > limitMs + 50) stuck.abort('timeout');
              }, 25)
            : undefined;
        try {
          const last = await raceWorker(h.worker, h.api.loadTest(spec, req, left, c), stuck.signal);
          got += last.latenciesMs.length;
          add(last);
          left = 0;
        } catch (e) {
          if (signal.aborted) break;
          // One request ran past the limit (or the worker died): it is an error; the rest of
          // this share goes on in a fresh worker.
          const reason =
            e instanceof AbortError
              ? `Gateway Timeout: a request ran past the time limit (${limitMs} ms)`
              : `the handler's worker failed: ${(e as Error).message}`;
          add({
            latenciesMs: Float64Array.of(limitMs),
            statuses: { [e instanceof AbortError ? 504 : 500]: 1 },
            errors: 1,
            firstError: reason,
          });
          left -= got + 1;
          // A worker that answered its share stays up for the next test.
          kept.push(h);
        } finally {
          clearInterval(watch);
          h.worker.removeEventListener('message', onMessage);
          if (!kept.includes(h)) h.kill();
          live.delete(h);
        }
      }
    };
    // Workers are started (their script loaded, the handler compiled) before the clock starts:
    // a server's processes are up, its module compiled, before its traffic comes.
    const ready = this.loaders.filter((h) => !h.dead);
    this.loaders = [];
    const kept: Handle[] = ready.slice(workers);
    const warm = await Promise.all(
      Array.from({ length: workers }, async (_, i) => {
        const h = ready[i] ?? new Handle();
        live.add(h);
        if (!ready[i]) await raceWorker(h.worker, h.api.ping(), signal).catch(() => {});
        // A module that does not compile answers every request with a 500 (counted below).
        await raceWorker(h.worker, h.api.prepare(spec), signal).catch(() => {});
        return h;
      }),
    );
    const t0 = performance.now();
    try {
      await Promise.all(
        warm.map((h, i) =>
          share(
            Math.floor(requests / workers) + (i < requests % workers ? 1 : 0),
            Math.floor(clients / workers) + (i < clients % workers ? 1 : 0),
            h,
          ),
        ),
      );
    } finally {
      signal.removeEventListener('abort', onAbort);
      this.loaders = kept.filter((h) => !h.dead);
    }
    if (signal.aborted) throw new AbortError(String(signal.reason ?? 'stopped'));
    return {
      latenciesMs: Float64Array.from(latencies),
      statuses,
      errors,
      firstError,
      wallMs: performance.now() - t0,
      workers,
    };
  }

  /** The cold-start lab, on a worker of its own (terminated when done or stopped). */
  async coldStart(
    req: ColdStartRequest,
    onProgress: (done: number) => void,
    signal: AbortSignal,
  ): Promise<ColdStartResult> {
    const h = new Handle();
    const onMessage = (e: MessageEvent<ServerMessage>) => {
      if (e.data?.type === 'server:coldstart') onProgress(e.data.done);
    };
    h.worker.addEventListener('message', onMessage);
    try {
      return await raceWorker(h.worker, h.api.coldStart(req), signal);
    } finally {
      h.worker.removeEventListener('message', onMessage);
      h.kill();
    }
  }
}
