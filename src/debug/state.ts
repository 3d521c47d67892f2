// The debug session as the page shows it: running or paused, where, the call stack, the
// selected frame's variables, the watch expressions, the memory view.
import { create } from 'zustand';
import type { PauseReason } from '../protocol/debug';
import type { ValueNode } from './values';

/** The memory view: bytes a row, and how many it shows (16 rows). */
export const MEMORY_COLUMNS = 8;
export const MEMORY_BYTES = 16 * MEMORY_COLUMNS;

export type DebugStatus = 'idle' | 'starting' | 'running' | 'paused';

/** One frame of the call stack as shown: its function, and its source line when known. */
export interface FrameView {
  name: string;
  file: string | null;
  line: number | null;
  /** Offset in the module (hex in the stack when no line is known). */
  offset: number;
  /** Instruction-level (WAT): the paused instruction's place on its line. */
  column?: number;
  length?: number;
}

export interface PauseView {
  reason: PauseReason;
  message?: string;
  /** Innermost first. */
  frames: FrameView[];
}

export type WatchResult = { node: ValueNode } | { error: string };

/** A breakpoint as the debug build placed it. */
export interface PlacedBreakpoint {
  line: number;
  /** false: it cannot stop there (the reason says why); shown hollow. */
  verified: boolean;
  reason?: string;
}

export interface DebugState {
  status: DebugStatus;
  /** 'source': lines from DWARF; 'instruction': a module without it (WAT, opened .wasm). */
  level: 'source' | 'instruction' | null;
  pause: PauseView | null;
  /** The frame whose variables show (0: the innermost). */
  selected: number;
  variables: ValueNode[];
  /** A WAT frame's wasm locals and value stack have no DWARF: they show as variables. */
  watches: string[];
  watchResults: WatchResult[];
  memory: {
    address: number;
    bytes: Uint8Array | null;
    mark: { address: number; size: number } | null;
  };
  /** Said once per session: no debug info, an optimised build, a breakpoint that moved. */
  notice: string | null;
  /** Per file, the breakpoints as placed by the last debug build. */
  placed: Record<string, PlacedBreakpoint[]>;
  patch(p: Partial<DebugState>): void;
}

export const useDebug = create<DebugState>((set) => ({
  status: 'idle',
  level: null,
  pause: null,
  selected: 0,
  variables: [],
  watches: [],
  watchResults: [],
  memory: { address: 0, bytes: null, mark: null },
  notice: null,
  placed: {},
  patch: (p) => set(p),
}));

/** Whether a debug session is on (building, running or paused). */
export const debugging = (s: DebugState = useDebug.getState()) => s.status !== 'idle';
