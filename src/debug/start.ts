// Debug (F5) and the keys of a debug session, as the toolbar and the editor call them. Small and
// loaded with the page; the session itself (DWARF, values, watches) loads on the first Debug.
import { isComponent } from '../component/detect';
import { languageById } from '../languages/registry';
import { runProgram } from '../run/actions';
import { currentProject } from '../store/projectSlice';
import { useStore } from '../store/store';
import { useDebug } from './state';

let generation = 0;

/** Whether the current project's language can be debugged here. */
export function canDebug(): string | null {
  const p = currentProject(useStore.getState());
  const meta = languageById[p.language];
  if (meta.interpreter)
    return `${meta.label} runs on an interpreter: Debug is for compiled languages`;
  if (!globalThis.crossOriginIsolated)
    return 'Debugging needs a cross-origin isolated page (shared memory): open the playground itself';
  if (p.runMode === 'http') return 'Debug runs a program as a command: switch Run as to command';
  return null;
}

/**
 * Debug: a debug build of the project (or `wasm`, a module opened from disk), run under the
 * debugger until a breakpoint, a trap or Pause. `stopAtEntry`: pause at the first line (Step
 * into with nothing running).
 */
export async function startDebug(stopAtEntry = false, wasm?: Uint8Array): Promise<void> {
  const why = wasm
    ? isComponent(wasm)
      ? 'A component cannot be debugged yet: Debug runs core modules (WASI commands)'
      : globalThis.crossOriginIsolated
        ? null
        : 'Debugging needs a cross-origin isolated page (shared memory): open the playground itself'
    : canDebug();
  if (why) {
    useStore.getState().patchUi({ toast: { tone: 'warn', text: why }, toastAction: null });
    return;
  }
  const gen = ++generation;
  useDebug.getState().patch({ status: 'starting', pause: null, notice: null });
  try {
    await runProgram({ debug: { stopAtEntry }, ...(wasm ? { wasm } : {}) });
  } finally {
    // The run is over (ended, failed to build, stopped) unless another Debug took its place.
    if (gen === generation) {
      const d = await import('./session');
      if (gen === generation) d.endDebug();
    }
  }
}

/** What the debug keys do now: Continue, steps, Pause, Stop (Shift+F5 is Stop as for Run). */
export async function debugCommand(cmd: 'continue' | 'over' | 'into' | 'out' | 'pause') {
  const status = useDebug.getState().status;
  if (status === 'idle') {
    if (cmd === 'continue') await startDebug(false);
    else if (cmd === 'into' || cmd === 'over') await startDebug(true);
    return;
  }
  const d = await import('./session');
  if (cmd === 'pause') d.requestPause();
  else d.resume(cmd);
}
