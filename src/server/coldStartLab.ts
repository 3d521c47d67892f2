// The cold-start lab: fresh instances of a module timed in µs, in a runner worker.
import type { MemoryMode } from '../protocol/server';
import { MAX_COLDSTART } from '../wasm/coldStart';
import { toMountable } from '../project/changes';
import { currentProject } from '../store/projectSlice';
import { useStore } from '../store/store';
import { histogram, summarize } from './stats';
import { nextResultSeq, serverPool, useServer, type ColdResult } from './state';

let coldCtl: AbortController | null = null;

/** Why the cold-start form cannot start, or null. */
export function coldFormError(count: number): string | null {
  if (!Number.isInteger(count) || count < 1 || count > MAX_COLDSTART)
    return `instances: a whole number from 1 to ${MAX_COLDSTART.toLocaleString('en')}`;
  return null;
}

/** The cold-start lab on `wasm` (the last compiled module). */
export async function runColdStart(
  wasm: Uint8Array,
  count?: number,
  memory?: MemoryMode,
): Promise<ColdResult | null> {
  const s = useServer.getState();
  const n = count ?? s.coldCount;
  const mem = memory ?? s.coldMemory;
  const bad = coldFormError(n);
  if (bad) {
    useServer.setState({ coldError: bad });
    return null;
  }
  coldCtl?.abort();
  const ctl = new AbortController();
  coldCtl = ctl;
  useServer.setState({ coldRunning: true, coldDone: 0, coldError: null });
  const p = currentProject(useStore.getState());
  try {
    const r = await serverPool().coldStart(
      {
        wasm: wasm.slice(),
        count: n,
        runStart: s.coldRunStart,
        compileEach: s.coldCompileEach,
        memory: mem,
        files: toMountable(p.files),
        // The built Spin component (a Spin project's handler): its instances are timed.
        ...(s.handler?.spin ? { spin: s.handler.spin } : {}),
      },
      (done) => useServer.setState({ coldDone: done }),
      ctl.signal,
    );
    const sum = summarize(r.samplesUs);
    const { samplesUs, runSamplesUs, ...rest } = r;
    const executor = s.handler?.spin ? 'spin-component' : 'wagi';
    const cold: ColdResult = {
      ...rest,
      seq: nextResultSeq(),
      executor,
      count: n,
      compileEach: s.coldCompileEach,
      runStart: s.coldRunStart,
      memory: mem,
      p50Us: sum.p50,
      p90Us: sum.p90,
      p99Us: sum.p99,
      maxUs: sum.max,
      meanUs: sum.mean,
      runP50Us: runSamplesUs ? summarize(runSamplesUs).p50 : undefined,
      perSecond: n / (r.wallMs / 1000),
      bins: histogram(samplesUs),
      wasmSize: wasm.byteLength,
    };
    useServer.setState((st) => ({
      cold,
      lastBy: { ...st.lastBy, [executor]: { ...st.lastBy[executor], cold } },
    }));
    return cold;
  } catch (e) {
    useServer.setState({ coldError: ctl.signal.aborted ? 'stopped' : (e as Error).message });
    return null;
  } finally {
    if (coldCtl === ctl) {
      coldCtl = null;
      useServer.setState({ coldRunning: false });
    }
  }
}

export const stopColdStart = () => coldCtl?.abort('stopped');
