import { create } from 'zustand';
import type { Inspection } from './inspection';
import type { SizeItem } from './sizes';
import { WAT_LIMIT } from './wat';
import type { WatSummary } from './watDocument';
import { gzipSize } from '../wasm/gzipSize';
import { inspectCall } from './client';
import type { OptimizePreset } from '../protocol/inspect';
import { useStore } from '../store/store';
import { sameBytes } from '../util/bytes';

/** A size item's identity across compiles. */
export const itemKey = (i: Pick<SizeItem, 'kind' | 'name'>) => `${i.kind}:${i.name}`;

export interface Optimized {
  wasm: Uint8Array;
  preset: OptimizePreset;
  strip: boolean;
  ms: number;
  before: number;
  after: number;
  gzipBefore: number;
  gzipAfter: number;
  /** Per function (by name): bytes after − bytes before. */
  functionDeltas: { name: string; before: number; after: number }[];
}

export interface InspectState {
  /** The module inspected (the last compile's or the opened .wasm). */
  wasm: Uint8Array | null;
  inspection: Inspection | null;
  busy: boolean;
  error: string | null;
  /** Bytes against the previous compile of the same project, by itemKey; absent = unchanged. */
  deltas: Record<string, number>;
  /** Items the previous compile had and this one has not. */
  removed: SizeItem[];
  /** Keys of items new in this compile. */
  added: Set<string>;
  totalDelta: number | null;
  /** The WAT's outline and first window (the whole text stays in the inspect worker). */
  wat: WatSummary | null;
  watBusy: boolean;
  watError: string | null;
  optimized: Optimized | null;
  optimizing: boolean;
  optimizeError: string | null;
}

const empty = {
  wasm: null,
  inspection: null,
  busy: false,
  error: null,
  deltas: {},
  removed: [],
  added: new Set<string>(),
  totalDelta: null,
  wat: null,
  watBusy: false,
  watError: null,
  optimized: null,
  optimizing: false,
  optimizeError: null,
} satisfies InspectState;

export const useInspect = create<InspectState>(() => ({ ...empty }));

/** The previous inspection of each project (for deltas), by project id. */
const previous = new Map<string, { items: Map<string, SizeItem>; total: number }>();

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Modules up to this size are disassembled before WAT is asked for (1 MB: ≈ 0.5 s of worker). */
const EAGER_WAT = 2 * 1024 * 1024;

/** Names each inspected module for the worker's WAT text. */
let moduleKey = 0;
const keys = new WeakMap<Uint8Array, number>();

/**
 * Inspects `wasm`. A build of project `projectId` is compared with that project's previous
 * build (deltas); a module that is no build (null: opened, optimized) is compared with nothing.
 */
async function inspect(wasm: Uint8Array, projectId: string | null) {
  useInspect.setState({ ...empty, wasm, busy: true, added: new Set() });
  try {
    const inspecting = inspectCall((api) => api.inspect(wasm));
    // The text is made in the worker right after the sizes (it answers in order), while the
    // user looks at them, so WAT opens at once (bigger modules: when WAT is shown).
    if (wasm.byteLength <= EAGER_WAT) void loadWat();
    const inspection = await inspecting;
    if (useInspect.getState().wasm !== wasm) return;
    const prev = projectId === null ? undefined : previous.get(projectId);
    const items = new Map(inspection.sizes.items.map((i) => [itemKey(i), i]));
    const deltas: Record<string, number> = {};
    const added = new Set<string>();
    const removed: SizeItem[] = [];
    if (prev) {
      for (const [k, i] of items) {
        const before = prev.items.get(k);
        if (!before) added.add(k);
        else if (before.bytes !== i.bytes) deltas[k] = i.bytes - before.bytes;
      }
      for (const [k, i] of prev.items) if (!items.has(k)) removed.push(i);
    }
    if (projectId !== null) previous.set(projectId, { items, total: inspection.sizes.total });
    useInspect.setState({
      inspection,
      busy: false,
      deltas,
      added,
      removed,
      totalDelta: prev ? inspection.sizes.total - prev.total : null,
    });
  } catch (e) {
    if (useInspect.getState().wasm === wasm)
      useInspect.setState({
        busy: false,
        error: `The module could not be inspected: ${message(e)}`,
      });
  }
}

/**
 * Inspects every new module (compile or Open .wasm); cheap, so always on. A module that is
 * running is inspected once its run has ended: the inspector's work and renders never come
 * between a program and its output on screen.
 */
export function watchInspections(): () => void {
  let waiting: Uint8Array | null = null;
  return useStore.subscribe((s, prev) => {
    if (s.wasm !== prev.wasm) {
      waiting = null;
      if (!s.wasm) useInspect.setState({ ...empty, added: new Set() });
      // Running the optimized module keeps the inspection (and the optimize result) on screen.
      else if (!sameBytes(s.wasm, useInspect.getState().optimized?.wasm)) waiting = s.wasm;
    }
    if (waiting && s.status === 'idle' && s.wasm === waiting) {
      waiting = null;
      void inspect(s.wasm, s.wasmBuilt ? s.currentId : null);
    }
  });
}

/** Disassembles the inspected module (once per module), when the WAT view is shown. */
export async function loadWat(): Promise<void> {
  const { wasm, wat, watBusy } = useInspect.getState();
  if (!wasm || wat || watBusy) return;
  if (wasm.byteLength > WAT_LIMIT) {
    useInspect.setState({
      watError: `${(wasm.byteLength / 1024 / 1024).toFixed(1)} MB is too large to disassemble whole here (the limit is ${WAT_LIMIT / 1024 / 1024} MB); Sizes has every function`,
    });
    return;
  }
  useInspect.setState({ watBusy: true, watError: null });
  try {
    let key = keys.get(wasm);
    if (key === undefined) keys.set(wasm, (key = ++moduleKey));
    const k = key;
    const first = await inspectCall((api) => api.watOpen(k, wasm));
    if (useInspect.getState().wasm !== wasm) return;
    useInspect.setState({ wat: first, watBusy: !first.done });
    if (first.done) return;
    // The first window is on screen; the rest of a big module is disassembled meanwhile.
    const all = await inspectCall((api) => api.watFinish(k));
    if (useInspect.getState().wasm === wasm)
      useInspect.setState({ wat: { ...all, first: first.first }, watBusy: false });
  } catch (e) {
    if (useInspect.getState().wasm === wasm)
      useInspect.setState({ watBusy: false, watError: message(e) });
  }
}

/** Runs wasm-opt (binaryen) on the inspected module in the inspect worker. */
export async function optimize(preset: OptimizePreset, strip: boolean): Promise<void> {
  const { wasm, inspection } = useInspect.getState();
  if (!wasm || !inspection) return;
  useInspect.setState({ optimizing: true, optimizeError: null, optimized: null });
  try {
    const r = await inspectCall((api) => api.optimize(wasm, preset, strip));
    const after = await inspectCall((api) => api.inspect(r.wasm));
    if (useInspect.getState().wasm !== wasm) return;
    const fnsAfter = new Map(
      after.sizes.items.filter((i) => i.kind === 'function').map((i) => [i.name, i.bytes]),
    );
    const functionDeltas = inspection.sizes.items
      .filter((i) => i.kind === 'function')
      .map((i) => ({ name: i.name, before: i.bytes, after: fnsAfter.get(i.name) ?? 0 }))
      .filter((d) => d.before !== d.after)
      .sort((a, b) => a.after - a.before - (b.after - b.before));
    useInspect.setState({
      optimizing: false,
      optimized: {
        wasm: r.wasm,
        preset,
        strip,
        ms: r.ms,
        before: wasm.byteLength,
        after: r.wasm.byteLength,
        gzipBefore: inspection.gzipBytes,
        gzipAfter: await gzipSize(r.wasm),
        functionDeltas,
      },
    });
  } catch (e) {
    if (useInspect.getState().wasm === wasm)
      useInspect.setState({
        optimizing: false,
        optimizeError: `wasm-opt failed: ${message(e)}. The original module is unchanged and still runs.`,
      });
  }
}
