import type { StateCreator } from 'zustand';
import type { Diagnostic, LoadProgress, PhaseTiming } from '../protocol/compile';
import type { ModuleEntry } from '../protocol/run';
import type { LanguageId } from '../languages/registry';
import type { Store } from './store';

/** How the last run ended. */
export type ExitStatus =
  | {
      kind: 'exit';
      code: number;
      /** writes failed with ENOSPC at the size limit */ sandboxFull?: boolean;
      /** Ran as a component: what wasi:cli/exit said (0.2 carries ok/err, not the code). */
      component?: 'ok' | 'err';
    }
  | { kind: 'trap'; message: string; func?: string; frames?: string[] }
  | {
      kind: 'stopped';
      message: string;
      /** What the badge says after "stopped" (the message is its tooltip). */
      short?: string;
    }
  | { kind: 'error'; message: string }
  /** An HTTP handler answered Run's request with this status (message: the server's reason). */
  | { kind: 'served'; status: number; message?: string };

/** What the Timings panel shows; every figure is measured, none estimated. */
export interface Timings {
  compileMs?: number;
  phases: PhaseTiming[];
  coldStart?: boolean;
  compileModuleMs?: number;
  instantiateMs?: number;
  runMs?: number;
  totalMs?: number;
  wasmSize?: number;
  gzipSize?: number;
  /** The program ran on an interpreter: `wasmSize` is its module's, the load its fetch+compile. */
  interpreter?: { name: string; cached: boolean; url: string; wasmBytes: number };
}

export type RunStatus = 'idle' | 'compiling' | 'running';

/** The component of the last run (built "as a component", or opened), as the inspector shows it. */
export interface ComponentInfo {
  /** The component's bytes, for download. */
  bytes: Uint8Array | null;
  wit: string;
  world: string;
  exports: string[];
  /** It exports wasi:cli/run (else it is shown, not run). */
  runnable: boolean;
  /** Bytes of the preview 1 core module and the adapter (built components only). */
  coreBytes?: number;
  adapterBytes?: number;
}

/** State of the current or last run. */
export interface RunSlice {
  status: RunStatus;
  runId: number;
  exit: ExitStatus | null;
  diagnostics: Diagnostic[];
  compileLog: string;
  timings: Timings;
  imports: ModuleEntry[];
  exports: ModuleEntry[];
  loading: LoadProgress<LanguageId> | null;
  /** The last successfully compiled module, for download. */
  wasm: Uint8Array | null;
  /**
   * `wasm` is a build of the current project (its sizes compare with the project's previous
   * build); false for an opened file or the inspector's optimized module.
   */
  wasmBuilt: boolean;
  /** `wasm`'s source map, when its build made one (an AssemblyScript Debug build). */
  sourceMap: string | null;
  /** The last run's component, or null when it ran as a preview 1 module. */
  component: ComponentInfo | null;
  /** The running program can be typed to (its stdin is interactive and not yet closed). */
  inputOpen: boolean;
  /** The running program waits for input now. */
  stdinWaiting: boolean;
  /** Why typed input cannot reach the program (shown in the terminal), or null. */
  stdinNotice: string | null;
  /** The toolchain whose download the user cancelled (offered again), or null. */
  downloadCancelled: string | null;
  patchRun(patch: Partial<RunSlice>): void;
}

export const createRunSlice: StateCreator<Store, [], [], RunSlice> = (set) => ({
  status: 'idle',
  runId: 0,
  exit: null,
  diagnostics: [],
  compileLog: '',
  timings: { phases: [] },
  imports: [],
  exports: [],
  loading: null,
  wasm: null,
  wasmBuilt: false,
  sourceMap: null,
  component: null,
  inputOpen: false,
  stdinWaiting: false,
  stdinNotice: null,
  downloadCancelled: null,
  // A new module without its own source map has none (the last one's described other bytes).
  patchRun: (patch) =>
    set('wasm' in patch && !('sourceMap' in patch) ? { ...patch, sourceMap: null } : patch),
});
