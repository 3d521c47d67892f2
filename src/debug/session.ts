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
import {
  MEMORY_BYTES,
  useDebug,
  type FrameView,
  type PauseView,
  type PlacedBreakpoint,
  type WatchResult,
} from './state';
import { frameScope, lineKeys, sourcePlan, wasmLocals } from './plan';
import { hex, type ReadMemory, type ValueNode } from './values';
import { evaluate, WatchError, type Binding } from './watch';
import { localNames } from './names';
import { mapPlaces, watPlaces, type Places } from './places';

interface Session {
  symbols: Symbols | null;
  /** Without DWARF: a WAT program's instructions or a source map's lines. */
  places: Places | null;
  /** function index → local index → name (instruction-level locals). */
  localNames: Map<number, Map<number, string>>;
  control: DebugControl;
  names: Record<number, string>;
  importedFuncs: number;
  bodies: Body[];
  event: PauseEvent | null;
}

let session: Session | null = null;

/** Function names: the name section's, else an export's. */
function functionNames(wasm: Uint8Array): Record<number, string> {
  const m = moduleSizes(wasm);
  const names: Record<number, string> = {};
  for (const e of m.exports)
    if (e.kind === 'function' && e.index !== undefined) names[e.index] = e.name;
  return { ...names, ...m.functionNames };
}

const read: ReadMemory = (address, length) => session?.control.readMemory(address, length) ?? null;

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
      if (s.places) {
        const at = s.places.breakpoint(file, line);
        if (at) {
          offsets.push(...at.offsets);
          out.push({ line: at.line, verified: true });
        } else out.push({ line, verified: false, reason: 'no code on or after this line' });
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
    // A breakpoint on a line without code moves to the line it stops at (as VS Code does).
    const moved = [...new Set(out.map((b) => b.line))].sort((a, b) => a - b);
    if (moved.join() !== lines.join()) useStore.getState().setBreakpoints(file, moved);
  }
  return { offsets, placed };
}

/**
 * A debug run of `wasm` (the debug build, or an opened module): its request for the runner.
 * `stopAtEntry`: pause before the first line (Step into with nothing running).
 */
export function prepareDebug(
  wasm: Uint8Array,
  stopAtEntry: boolean,
  sourceMap?: string,
  opened = false,
): DebugRequest {
  const symbols = Symbols.read(wasm);
  const { importedFuncs, bodies } = moduleFunctions(wasm);
  const p = currentProject(useStore.getState());
  // A module opened from disk is not the project's build: the project's text maps nothing in it.
  const places =
    symbols || opened
      ? null
      : sourceMap
        ? mapPlaces(sourceMap, (f) => typeof p.files[f] === 'string', bodies)
        : p.language === 'wat'
          ? watPlaces(String(p.files[p.entry] ?? ''), p.entry, bodies)
          : null;
  const s: Session = {
    symbols,
    places,
    localNames: symbols ? new Map() : localNames(wasm),
    control: new DebugControl(createChannel()),
    names: functionNames(wasm),
    importedFuncs,
    bodies,
    event: null,
  };
  session = s;
  const req: DebugRequest = { channel: s.control.sab, breakpoints: [], stopAtEntry };
  if (symbols) {
    Object.assign(
      req,
      sourcePlan(symbols, bodies, importedFuncs, (f) => typeof p.files[f] === 'string'),
    );
  } else if (places) {
    req.sites = places.sites;
    // WAT steps by instruction (no `lines`: a folded line holds several), a source map by line.
    if (places.byLine) {
      const key = lineKeys();
      req.lines = places.sites.map((o) => key(places.placeOf(o)!));
    }
  }
  // Without DWARF the paused frame's wasm locals are what there is to show.
  if (!symbols) req.localsOf = bodies.map((_, d) => importedFuncs + d);
  const { offsets, placed } = placeBreakpoints(s);
  req.breakpoints = offsets;
  const optimised = symbols?.functions.some((f) =>
    f.variables.some((v) => v.location.kind === 'local' || v.location.kind === 'none'),
  );
  const notice = optimised
    ? 'This module looks optimised: some variables may be optimised out, and steps may jump.'
    : symbols || places
      ? null
      : 'This module has no debug info (DWARF or a source map): it is debugged by instruction, without source lines.';
  useDebug.getState().patch({
    status: 'running',
    level: symbols || places?.byLine ? 'source' : 'instruction',
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
  const place = s.places?.placeOf(offset);
  return {
    name: name.replace(/^\$/, ''),
    file: place?.file ?? null,
    line: place?.line ?? null,
    offset,
    ...(place?.length ? { column: place.column, length: place.length } : {}),
  };
}

/** The variables in scope in frame `i` of the pause, with their values. */
function variablesOf(
  s: Session,
  i: number,
): { nodes: ValueNode[]; bindings: Map<string, Binding> } {
  const frame = s.event?.frames[i];
  if (!frame) return { nodes: [], bindings: new Map() };
  if (s.symbols) return frameScope(s.symbols, frame, read);
  // Instruction level: the innermost frame's wasm locals, by their names when the module has them.
  if (i !== 0 || !s.event?.locals) return { nodes: [], bindings: new Map() };
  return wasmLocals(s.event.locals, s.localNames.get(frame.func));
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
export function selectFrame(i: number, pause?: PauseView): void {
  const s = session;
  if (!s?.event) return;
  const { nodes, bindings } = variablesOf(s, i);
  const d = useDebug.getState();
  // The frame's file is shown (its tab opened) so its line can be highlighted.
  const file = (pause ?? d.pause)?.frames[i]?.file;
  const store = useStore.getState();
  if (file && file !== store.activePath && typeof currentProject(store).files[file] === 'string')
    store.openFile(file);
  // One update: the pause, its variables, watches and memory show together.
  const m = d.memory;
  d.patch({
    ...(pause ? { status: 'paused' as const, pause } : {}),
    selected: i,
    variables: nodes,
    watchResults: evaluateWatches(d.watches, bindings),
    memory: { ...m, bytes: read(m.address, MEMORY_BYTES) },
  });
}

/** The runner says the program paused. */
export function onPaused(event: PauseEvent): void {
  const s = session;
  if (!s) return;
  s.event = event;
  const frames = event.frames.map((f) => frameView(s, f.func, f.offset));
  if (!frames.length) frames.push(frameView(s, -1, event.offset));
  selectFrame(0, { reason: event.reason, message: event.message, frames });
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

function refreshMemory(): void {
  const m = useDebug.getState().memory;
  const bytes = session?.event ? read(m.address, MEMORY_BYTES) : null;
  useDebug.getState().patch({ memory: { ...m, bytes } });
}

export { hex };
