// The page's side of a debug session: what the runner is asked to do (sites, breakpoints, frame
// bases, from the debug build's DWARF), and what a pause shows (lines, frames, variables,
// watches, memory), read from the paused program's memory through the shared channel.
import type { DebugRequest, PauseEvent } from '../protocol/debug';
import { moduleSizes } from '../inspect/sizes';
import { currentProject } from '../store/projectSlice';
import { useStore } from '../store/store';
import { createChannel, DebugControl } from './channel';
import { projectPath, Symbols } from './dwarf/symbols';
import { moduleFunctions, type Body } from './instrument';
import { useDebug, type FrameView, type PlacedBreakpoint, type WatchResult } from './state';
import { hex, valueAt, type ReadMemory, type ValueNode } from './values';
import { evaluate, WatchError, type Binding } from './watch';
import { watLines, type WatLines } from './watLines';

interface Session {
  symbols: Symbols | null;
  /** A WAT project's instruction → source line map (instruction-level debugging). */
  wat: WatLines | null;
  control: DebugControl;
  names: Record<number, string>;
  importedFuncs: number;
  bodies: Body[];
  event: PauseEvent | null;
}

let session: Session | null = null;

const read: ReadMemory = (address, length) => session?.control.readMemory(address, length) ?? null;

/** A line of a file as one number (the stepper compares them). */
const lineKey = (file: string, line: number, files: Map<string, number>) => {
  if (!files.has(file)) files.set(file, files.size + 1);
  return files.get(file)! * 2 ** 20 + line;
};

/** Where the project's breakpoints stop in this build (original offsets), and how they show. */
function placeBreakpoints(s: Session): {
  offsets: number[];
  placed: Record<string, PlacedBreakpoint[]>;
} {
  const p = currentProject(useStore.getState());
  const offsets: number[] = [];
  const placed: Record<string, PlacedBreakpoint[]> = {};
  const files = s.symbols?.files() ?? new Set<string>();
  for (const [file, lines] of Object.entries(p.breakpoints ?? {})) {
    const out: PlacedBreakpoint[] = [];
    for (const line of lines) {
      if (s.wat) {
        const at = file === p.entry ? s.wat.breakpoint(line) : null;
        if (at) {
          offsets.push(...at.offsets);
          out.push({ line: at.line, verified: true });
        } else out.push({ line, verified: false, reason: 'no instruction on or after this line' });
        continue;
      }
      if (!s.symbols || !files.has(file)) {
        out.push({ line, verified: false, reason: 'this file is not part of the debug build' });
        continue;
      }
      const at = s.symbols.breakpoint(file, line);
      if (!at) {
        out.push({ line, verified: false, reason: 'no code on or after this line' });
        continue;
      }
      offsets.push(...at.addresses.map((a) => a + s.symbols!.codeStart));
      out.push({ line: at.line, verified: true });
    }
    placed[file] = out;
  }
  return { offsets, placed };
}

/**
 * A debug run of `wasm` (the debug build, or an opened module): its request for the runner.
 * `stopAtEntry`: pause before the first line (Step into with nothing running).
 */
export function prepareDebug(wasm: Uint8Array, stopAtEntry: boolean): DebugRequest {
  const symbols = Symbols.read(wasm);
  const { importedFuncs, bodies } = moduleFunctions(wasm);
  const p = currentProject(useStore.getState());
  const wat =
    !symbols && p.language === 'wat' ? watLines(String(p.files[p.entry] ?? ''), bodies) : null;
  const s: Session = {
    symbols,
    wat,
    control: new DebugControl(createChannel()),
    names: moduleSizes(wasm).functionNames,
    importedFuncs,
    bodies,
    event: null,
  };
  session = s;
  const req: DebugRequest = { channel: s.control.sab, breakpoints: [], stopAtEntry };
  if (symbols) {
    const files = new Map<string, number>();
    const entries = new Set(symbols.functions.map((f) => f.low));
    const stmts = symbols.statements().filter((r, i, all) => {
      // A function's first row is before its prologue (no frame base yet): its next row is
      // where the function's first line is paused at.
      const next = all[i + 1];
      return !(
        entries.has(r.address) &&
        next &&
        symbols.functionAt(next.address) === symbols.functionAt(r.address)
      );
    });
    req.sites = stmts.map((r) => r.address + symbols.codeStart);
    req.lines = stmts.map((r) => lineKey(r.file, r.line, files));
    req.frameLocals = [];
    for (const f of symbols.functions) {
      if (f.frameLocal === null) continue;
      const at = f.low + symbols.codeStart;
      const i = bodies.findIndex(
        (b, k) => b.start <= at && at < (bodies[k + 1]?.start ?? Infinity),
      );
      if (i >= 0) req.frameLocals.push([importedFuncs + i, f.frameLocal]);
    }
  } else if (wat) {
    req.sites = wat.sites;
    req.lines = wat.sites.map((o) => wat.lineOf(o) ?? -o);
  }
  const { offsets, placed } = placeBreakpoints(s);
  req.breakpoints = offsets;
  const notice = symbols
    ? null
    : wat
      ? null
      : 'This module has no debug info (DWARF): it is debugged by instruction, without source lines.';
  useDebug.getState().patch({
    status: 'running',
    level: symbols || wat ? (symbols ? 'source' : 'instruction') : 'instruction',
    pause: null,
    selected: 0,
    variables: [],
    placed,
    notice,
  });
  return req;
}

/** The breakpoints changed while debugging: the program sees them at its next step. */
export function breakpointsChanged(): void {
  if (!session) return;
  const { offsets, placed } = placeBreakpoints(session);
  session.control.setBreakpoints(offsets);
  useDebug.getState().patch({ placed });
}

function frameView(s: Session, func: number, offset: number): FrameView {
  const name = s.names[func] ?? `wasm-function[${func}]`;
  if (s.symbols) {
    const addr = offset - s.symbols.codeStart;
    const row = s.symbols.rowAt(addr);
    const fn = s.symbols.functionAt(addr);
    return {
      name: fn?.name ?? name,
      file: row ? projectPath(row.file) : null,
      line: row?.line ?? null,
      offset,
    };
  }
  const line = s.wat?.lineOf(offset) ?? null;
  const p = currentProject(useStore.getState());
  return { name: name.replace(/^\$/, ''), file: line !== null ? p.entry : null, line, offset };
}

/** The variables in scope in frame `i` of the pause, with their values. */
function variablesOf(
  s: Session,
  i: number,
): { nodes: ValueNode[]; bindings: Map<string, Binding> } {
  const bindings = new Map<string, Binding>();
  const frame = s.event?.frames[i];
  if (!frame || !s.symbols) return { nodes: [], bindings };
  for (const g of s.symbols.globals)
    if (g.name && g.location.kind === 'address')
      bindings.set(g.name, { type: g.type, address: g.location.address });
  const addr = frame.offset - s.symbols.codeStart;
  const fn = s.symbols.functionAt(addr);
  if (!fn) return { nodes: [], bindings };
  const nodes: ValueNode[] = [];
  for (const v of s.symbols.variablesAt(fn, addr)) {
    const address =
      v.location.kind === 'frame'
        ? frame.base + v.location.offset
        : v.location.kind === 'address'
          ? v.location.address
          : null;
    bindings.set(v.name, { type: v.type, address });
    nodes.push(
      address === null
        ? {
            name: v.name,
            type: v.type.name,
            text: '<optimised out>',
            value: '',
            address: null,
            size: 0,
          }
        : valueAt(v.name, v.type, address, read),
    );
  }
  return { nodes, bindings };
}

function evaluateWatches(watches: string[], bindings: Map<string, Binding>): WatchResult[] {
  return watches.map((w) => {
    try {
      return { node: evaluate(w, (n) => bindings.get(n) ?? null, read) };
    } catch (e) {
      return { error: e instanceof WatchError ? e.message : String(e) };
    }
  });
}

/** Shows frame `i` of the pause: its variables, the watches evaluated in it. */
export function selectFrame(i: number): void {
  const s = session;
  if (!s?.event) return;
  const { nodes, bindings } = variablesOf(s, i);
  const d = useDebug.getState();
  // The frame's file is shown (its tab opened) so its line can be highlighted.
  const file = d.pause?.frames[i]?.file;
  const store = useStore.getState();
  if (file && file !== store.activePath && typeof currentProject(store).files[file] === 'string')
    store.openFile(file);
  d.patch({ selected: i, variables: nodes, watchResults: evaluateWatches(d.watches, bindings) });
  refreshMemory();
}

/** The runner says the program paused. */
export function onPaused(event: PauseEvent): void {
  const s = session;
  if (!s) return;
  s.event = event;
  const frames = event.frames.map((f) => frameView(s, f.func, f.offset));
  if (!frames.length) frames.push(frameView(s, -1, event.offset));
  useDebug.getState().patch({
    status: 'paused',
    pause: { reason: event.reason, message: event.message, frames },
  });
  selectFrame(0);
}

/** Continue or step. */
export function resume(kind: 'continue' | 'into' | 'over' | 'out'): void {
  if (!session || useDebug.getState().status !== 'paused') return;
  session.event = null;
  useDebug.getState().patch({ status: 'running', pause: null, variables: [] });
  session.control.resume(kind);
}

/** Pause: the program stops at its next step site. */
export function requestPause(): void {
  if (useDebug.getState().status === 'running') session?.control.requestPause();
}

/** The debug run ended (exit, trap after its pause, Stop). */
export function endDebug(): void {
  session = null;
  useDebug.getState().patch({ status: 'idle', pause: null, variables: [], watchResults: [] });
}

export function setWatches(watches: string[]): void {
  useDebug.getState().patch({ watches });
  if (session?.event) selectFrame(useDebug.getState().selected);
}

/** The memory view at `address` (a pointer followed, a variable's bytes marked). */
export function showMemory(address: number, mark: { address: number; size: number } | null = null) {
  useDebug.getState().patch({ memory: { address: Math.max(0, address), bytes: null, mark } });
  refreshMemory();
}

export const MEMORY_ROWS = 16;
export const MEMORY_COLUMNS = 8;

function refreshMemory(): void {
  const m = useDebug.getState().memory;
  const bytes = session?.event ? read(m.address, MEMORY_ROWS * MEMORY_COLUMNS) : null;
  useDebug.getState().patch({ memory: { ...m, bytes } });
}

export { hex };
