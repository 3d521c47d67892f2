// The run in progress: which one is newest, how to stop it, and what another project clears.
import { useOutput } from '../store/outputStore';
import { useStore } from '../store/store';
import { compilerClient, initWorkers } from './clients';

let controller: AbortController | null = null;
let lastRunId = 0;

/** A new run: the older one (if any) is superseded; returns its id and its controller. */
export function newRun(supersede: string): { runId: number; ctl: AbortController } {
  controller?.abort(supersede);
  const ctl = new AbortController();
  controller = ctl;
  lastRunId = Math.max(lastRunId, useStore.getState().runId) + 1;
  return { runId: lastRunId, ctl };
}

/** Whether `runId` is still the newest run. */
export const isNewest = (runId: number): boolean => runId === lastRunId;

/** The run is over: Stop no longer has anything to abort through it. */
export function endRun(ctl: AbortController): void {
  if (controller === ctl) controller = null;
}

/** Stop: terminates the running program (or a stuck compile) at once. */
export function stopProgram(): void {
  controller?.abort('stopped');
}

/** Disassembles the last compiled module in the compiler worker. */
export function disassembleLast(): Promise<string> {
  initWorkers();
  const wasm = useStore.getState().wasm;
  if (!wasm) return Promise.reject(new Error('nothing compiled yet: press Run first'));
  return compilerClient().toText(wasm.slice());
}

/**
 * Another project (or language) shows no output, problems or timings of the last one: they
 * would describe code that is not on screen. A run in progress keeps going and reports as usual.
 */
export function clearRunOnProjectSwitch(): () => void {
  return useStore.subscribe((s, prev) => {
    if (s.currentId === prev.currentId || s.status !== 'idle') return;
    useOutput.getState().clear();
    s.patchRun({
      exit: null,
      diagnostics: [],
      compileLog: '',
      imports: [],
      exports: [],
      timings: { phases: [] },
      wasm: null,
      component: null,
    });
  });
}
