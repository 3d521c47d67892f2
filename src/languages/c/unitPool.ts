import * as Comlink from 'comlink';
import { compiledModules } from './codeCache';
import type { UnitJob, UnitResult } from './unitJob';
import type { UnitWorkerApi } from './unit.worker';

interface Helper {
  worker: Worker;
  api: Comlink.Remote<UnitWorkerApi>;
  /** Settles once clang is loaded there; a helper that failed is dropped. */
  ready: Promise<boolean>;
}

const helpers: Helper[] = [];

/** How many clangs may compile at once here: the cores, at most 4 (each holds ≈0.3 GB). */
export function defaultParallelism(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  return Math.max(1, Math.min(4, cores));
}

function startHelper(): Helper {
  const worker = new Worker(new URL('./unit.worker.ts', import.meta.url), {
    type: 'module',
    name: 'clang-unit',
  });
  const api = Comlink.wrap<UnitWorkerApi>(worker);
  const helper: Helper = { worker, api, ready: Promise.resolve(false) };
  // The toolchain's modules as this worker compiled them (a module a browser cannot post is
  // compiled again there instead).
  helper.ready = compiledModules()
    .then((modules) => api.warm(modules).catch(() => api.warm({})))
    .then(
      () => true,
      () => {
        drop(helper);
        return false;
      },
    );
  return helper;
}

function drop(helper: Helper) {
  const i = helpers.indexOf(helper);
  if (i >= 0) helpers.splice(i, 1);
  helper.worker.terminate();
}

/**
 * Runs the jobs, largest unit first, on this worker (`local`, whose clang is warm) and on up to
 * `parallelism - 1` helper workers. A helper takes work only once its own clang is loaded, so
 * a cold helper never holds a unit back; a helper that fails hands its unit back to `local`.
 * Helpers stay warm for the next build. Without Worker (Node), everything runs on `local`.
 */
export async function runUnits(
  jobs: UnitJob[],
  sizes: number[],
  local: (job: UnitJob) => Promise<UnitResult>,
  parallelism: number,
): Promise<{ results: UnitResult[]; workers: number }> {
  const results: UnitResult[] = new Array(jobs.length);
  if (jobs.length === 0) return { results, workers: 0 };
  const order = jobs.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a]);
  let next = 0;
  let done = 0;
  const workersUsed = new Set<string>();
  // Resolved when every unit has its result: a helper still loading is not waited for.
  const all = new Promise<void>((resolve, reject) => {
    const lane = async (name: string, exec: (job: UnitJob) => Promise<UnitResult>) => {
      for (let k = next++; k < order.length; k = next++) {
        const i = order[k];
        workersUsed.add(name);
        results[i] = await exec(jobs[i]);
        if (++done === jobs.length) resolve();
        // clang runs synchronously here: without a turn of the event loop between units, a
        // helper's "ready" (a message) would wait until this worker had compiled everything.
        await new Promise((r) => setTimeout(r, 0));
      }
    };
    lane('local', local).catch(reject);
    const wanted = typeof Worker === 'undefined' ? 0 : Math.min(parallelism, jobs.length) - 1;
    while (helpers.length < wanted) helpers.push(startHelper());
    for (const [n, helper] of helpers.slice(0, Math.max(0, wanted)).entries()) {
      void helper.ready.then((ok) => {
        if (!ok) return;
        lane(`helper${n}`, (job) =>
          helper.api.compile(job).catch(() => {
            drop(helper);
            return local(job);
          }),
        ).catch(reject);
      });
    }
  });
  await all;
  return { results, workers: workersUsed.size };
}
