/// <reference lib="webworker" />
// A helper of the compiler worker: clang kept warm here compiles the units it is handed, so a
// project's files compile on as many cores as the machine has (src/languages/c/unitPool.ts).
// It lives in the C folder, not src/workers/, because only the C toolchain starts it.
import * as Comlink from 'comlink';
import { provideModules } from './codeCache';
import { loadClang } from './compile';
import { runUnitJob, type UnitJob, type UnitResult } from './unitJob';

const api = {
  /** Loads clang here, from the compiler worker's compiled modules when it sends them. */
  async warm(modules: Record<string, WebAssembly.Module>): Promise<void> {
    provideModules(modules);
    await loadClang();
  },
  async compile(job: UnitJob): Promise<UnitResult> {
    const r = await runUnitJob(await loadClang(), job);
    return r.obj ? Comlink.transfer(r, [r.obj.buffer]) : r;
  },
};
export type UnitWorkerApi = typeof api;

Comlink.expose(api);
