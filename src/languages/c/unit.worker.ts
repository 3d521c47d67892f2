/// <reference lib="webworker" />
// A helper of the compiler worker: clang kept warm here compiles the units it is handed, so a
// project's files compile on as many cores as the machine has (src/languages/c/unitPool.ts).
// It lives in the C folder, not src/workers/, because only the C toolchain starts it.
import * as Comlink from 'comlink';
import { loadClang } from './compile';
import { runUnitJob, type UnitJob, type UnitResult } from './unitJob';

const api = {
  async warm(): Promise<void> {
    await loadClang();
  },
  async compile(job: UnitJob): Promise<UnitResult> {
    const r = await runUnitJob(await loadClang(), job);
    return r.obj ? Comlink.transfer(r, [r.obj.buffer]) : r;
  },
};
export type UnitWorkerApi = typeof api;

Comlink.expose(api);
