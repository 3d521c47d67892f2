/** The debugger's contract between the page and the runner worker (a debug run's extras). */

/** Why a debugged program paused. */
export type PauseReason = 'breakpoint' | 'step' | 'pause' | 'entry' | 'trap';

/**
 * One frame of the program's call stack: its function (index in the original module), where it
 * is (an original module offset), and its frame base (the value of the local DWARF names as the
 * frame base; 0 without one).
 */
export interface DebugFrame {
  func: number;
  offset: number;
  base: number;
}

/** What the runner tells the page when the program pauses. */
export interface PauseEvent {
  reason: PauseReason;
  /** The paused instruction's offset in the original module. */
  offset: number;
  /** Innermost first. */
  frames: DebugFrame[];
  /** A trap's message (reason 'trap'). */
  message?: string;
  /** Instruction-level functions: the paused frame's wasm locals (parameters first). */
  locals?: WasmLocal[];
}

/** A wasm local's value at a pause: its index in the function, its type, the value as text. */
export interface WasmLocal {
  index: number;
  type: 'i32' | 'i64' | 'f32' | 'f64';
  value: string;
}

/** A debug run: how the runner instruments the module and where it may pause. */
export interface DebugRequest {
  /** The shared memory of src/debug/channel.ts (resume, pause, breakpoints, memory reads). */
  channel: SharedArrayBuffer;
  /** Original offsets the program may pause at; absent: before every instruction. */
  sites?: number[];
  /** Each site's line (same order as `sites`): a step ends on another line. */
  lines?: number[];
  /** Original offsets to pause at from the start. */
  breakpoints: number[];
  /** [function index, local index]: where each function keeps its frame base. */
  frameLocals?: [number, number][];
  /** Pause before the first step site (Step into with no breakpoint). */
  stopAtEntry?: boolean;
  /** Functions whose locals a pause reports (instruction level: no DWARF for them). */
  localsOf?: number[];
}

/** Posted by the runner when a debugged program pauses. */
export interface DebugMessage {
  type: 'runner:debug';
  runId: number;
  event: PauseEvent;
}
