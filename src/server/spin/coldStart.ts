/**
 * The cold-start lab on a Spin component, runner worker side: fresh component instances (jco's
 * sync instantiation of the core modules compiled once) timed in µs; with runStart, each also
 * answers a GET on the route, as a request would have it (on this worker's copy of the data).
 */
import type { ColdStartRequest, ColdStartResult, ServerMessage } from '../../protocol/server';
import { MAX_COLDSTART, progressPoster, timerResolutionUs } from '../../wasm/coldStart';
import { spinHost } from './worker';

const PROGRESS_MS = 50;

export async function spinColdStartLoop(
  req: ColdStartRequest & { spin: NonNullable<ColdStartRequest['spin']> },
  post: (m: ServerMessage) => void,
): Promise<ColdStartResult> {
  const count = Math.max(1, Math.min(MAX_COLDSTART, Math.floor(req.count)));
  const samples = new Float64Array(count);
  const runSamples = req.runStart ? new Float64Array(count) : undefined;
  const t = performance.now();
  const host = await spinHost(req.spin, req.wasm, req.memory === 'pooled');
  const compileUs = (performance.now() - t) * 1000;
  const path = req.spin.grants.route.replace(/\/\.\.\.$/, '/') || '/';
  let failures = 0;
  let firstFailure: string | undefined;
  const progress = progressPoster(post, PROGRESS_MS);
  const wall0 = performance.now();
  for (let i = 0; i < count; i++) {
    try {
      samples[i] = host.instantiateOnce();
    } catch (e) {
      failures++;
      firstFailure ??= (e as Error).message ?? String(e);
    }
    if (runSamples) {
      const r = host.serve({
        method: 'GET',
        path,
        headers: [['Host', 'localhost:3000']],
        body: new Uint8Array(),
      });
      runSamples[i] = r.runUs;
      if (r.response.status >= 500) {
        failures++;
        firstFailure ??= r.response.error ?? `status ${r.response.status}`;
      }
    }
    progress(i + 1);
  }
  return {
    samplesUs: samples,
    runSamplesUs: runSamples,
    compileUs,
    wallMs: performance.now() - wall0,
    setupMeanUs: 0,
    memoryBytes: 0,
    timerResolutionUs: timerResolutionUs(),
    failures,
    firstFailure,
    pooled: false,
    memoriesMade: count,
  };
}
