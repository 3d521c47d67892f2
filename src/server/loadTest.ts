// The HTTP tab's load test: many requests from a few clients on warm workers, as the page
// runs it and shows it.
import { maxLoadWorkers } from './client';
import { useStore } from '../store/store';
import { histogram, summarize } from './stats';
import { composedRequest, nextResultSeq, serverPool, useServer, type LoadResult } from './state';

export const MAX_LOAD_REQUESTS = 100_000;
export const MAX_CONCURRENCY = 256;
const PROGRESS_EVERY_MS = 125;
let loadCtl: AbortController | null = null;

/** Why the load test form cannot start, or null. */
export function loadFormError(n: number, c: number): string | null {
  if (!Number.isInteger(n) || n < 1 || n > MAX_LOAD_REQUESTS)
    return `requests: a whole number from 1 to ${MAX_LOAD_REQUESTS.toLocaleString('en')}`;
  if (!Number.isInteger(c) || c < 1 || c > MAX_CONCURRENCY)
    return `concurrency: a whole number from 1 to ${MAX_CONCURRENCY}`;
  return null;
}

/** Runs the load test on the built handler with the composer's request. */
export async function runLoadTest(): Promise<LoadResult | null> {
  const s = useServer.getState();
  const bad = loadFormError(s.loadRequests, s.loadConcurrency);
  const req = composedRequest(s);
  const spec = s.handler;
  const error =
    bad ?? ('error' in req ? req.error : !spec ? 'no handler yet: press Run to build it' : null);
  if (error || 'error' in req || !spec) {
    useServer.setState({ loadError: error });
    return null;
  }
  loadCtl?.abort();
  const ctl = new AbortController();
  loadCtl = ctl;
  useServer.setState({ loadRunning: true, loadDone: 0, loadErrors: 0, loadError: null });
  let shownAt = 0;
  try {
    const out = await serverPool().loadTest(
      { ...spec, pooled: s.loadMemory === 'pooled' },
      req,
      s.loadRequests,
      s.loadConcurrency,
      useStore.getState().timeLimit * 1000,
      (p) => {
        // At most ~8 renders a second: the page's main thread shares the cores with the load.
        const now = performance.now();
        if (now - shownAt < PROGRESS_EVERY_MS) return;
        shownAt = now;
        useServer.setState({ loadDone: p.done, loadErrors: p.errors });
      },
      ctl.signal,
    );
    const sum = summarize(out.latenciesMs);
    const executor = spec.spin ? 'spin-component' : 'wagi';
    const load: LoadResult = {
      seq: nextResultSeq(),
      executor,
      requests: out.latenciesMs.length,
      concurrency: s.loadConcurrency,
      memory: s.loadMemory,
      workers: out.workers,
      rps: out.latenciesMs.length / (out.wallMs / 1000),
      p50Ms: sum.p50,
      p99Ms: sum.p99,
      maxMs: sum.max,
      errors: out.errors,
      firstError: out.firstError,
      statuses: out.statuses,
      bins: histogram(out.latenciesMs),
      wallMs: out.wallMs,
    };
    useServer.setState((st) => ({
      load,
      lastBy: { ...st.lastBy, [executor]: { ...st.lastBy[executor], load } },
    }));
    return load;
  } catch (e) {
    if (!ctl.signal.aborted) useServer.setState({ loadError: (e as Error).message });
    else useServer.setState({ loadError: 'stopped' });
    return null;
  } finally {
    if (loadCtl === ctl) {
      loadCtl = null;
      useServer.setState({ loadRunning: false });
    }
  }
}

export const stopLoadTest = () => loadCtl?.abort('stopped');

/** The most workers a load test will use here. */
export const loadWorkers = maxLoadWorkers;
