// The debug build's instrumenter. The program must run at near its own speed until it has to
// stop, so the checks stay in wasm: each step site tests `depth <= limit` (the host moves the
// limit: never while running, the current depth for Step over, …) or its function's breakpoint
// flag, and only then calls the imported `dbg.step(offset, frameBase)` with the ORIGINAL
// offset. Functions count the call depth in a global; exits call `dbg.leave` under the same
// test; loop headers and entries count down a tick that calls `dbg.poll` now and then (Pause,
// new breakpoints). Pure: bytes in, bytes and maps out.
import { Reader } from '../wasm/reader';
import { concat, name, section, sleb, uleb, vec } from './encode';
import { bodyAt, parse, readBodies, type Body } from './module';
import { operandStacks } from './stackTypes';
import * as reindex from './reindex';

export { moduleFunctions, type Body } from './module';

/** The import module of the hooks, and their names in function index order. */
export const HOOK_MODULE = 'dbg';
export const HOOKS = [
  'step',
  'leave',
  'poll',
  'local_i32',
  'local_i64',
  'local_f32',
  'local_f64',
] as const;
/** Exported globals the host drives. */
export const DEPTH = '__dbg_depth';
export const LIMIT = '__dbg_limit';
export const TICK = '__dbg_tick';
export const SP = '__dbg_sp';
/** Loop iterations and calls between two polls. */
export const TICKS = 1 << 16;

/** An instrumented module and how to read it back. */
export interface Instrumented {
  wasm: Uint8Array;
  /** The function index of the control hooks in the instrumented module. */
  hooks: Record<'step' | 'leave' | 'poll', number>;
  /** How many step sites were inserted. */
  steps: number;
  /** Each function with step sites (original index) → its breakpoint flag's export. */
  flags: Map<number, string>;
  /** The function (original index) an original offset is in; -1 outside any body. */
  functionOf(offset: number): number;
  /** Function bodies of the original, by defined index (their stack frames). */
  bodies: Body[];
  importedFuncs: number;
  /** An offset in the instrumented module (a trap's position) → the original's. */
  toOriginal(offset: number): number;
  /** A function index of the instrumented module → the original's (-1: a hook). */
  originalFunction(index: number): number;
}

// Operators that only mark structure: no step before them.
const MARKERS = new Set([0x0b, 0x05, 0x07, 0x19, 0x18]);
const RETURNS = new Set([0x0f, 0x12, 0x13, 0x15]);
const SECTION_ORDER = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];

/** Values on the stack an instruction-level pause shows, at most (per type: scratch locals). */
const MAX_STACK = 16;
const SCRATCH_TYPES = [0x7f, 0x7e, 0x7d, 0x7c];

/** A body's local declarations with MAX_STACK scratch locals of each numeric type appended. */
function withScratch(decls: Uint8Array): number[] {
  const r = new Reader(decls);
  const n = r.u32();
  return [
    ...uleb(n + SCRATCH_TYPES.length),
    ...decls.subarray(r.pos),
    ...SCRATCH_TYPES.flatMap((t) => [...uleb(MAX_STACK), t]),
  ];
}

/** A vector section's content with `items` appended. */
function appended(content: Uint8Array, items: (Uint8Array | number[])[]): Uint8Array {
  const r = new Reader(content);
  const n = r.u32();
  return concat([uleb(n + items.length), content.subarray(r.pos), ...items]);
}

const gget = (g: number) => [0x23, ...uleb(g)];
const gset = (g: number) => [0x24, ...uleb(g)];

/**
 * Instruments `bytes`: a step site before every instruction for which `stepAt(offset, opcode)`
 * is true (default: every one but the structural markers end/else/catch), passing the value of
 * `frameLocal(function)` as the frame base. Debug info (.debug_* sections) is left out: the
 * engine does not read it, and it describes the original module, which the symbols are read
 * from instead.
 */
export function instrument(
  bytes: Uint8Array,
  stepAt: (offset: number, opcode: number) => boolean = () => true,
  frameLocal: (func: number) => number | null = () => null,
  dumpLocals: (func: number) => boolean = () => false,
): Instrumented {
  const p = parse(bytes);
  if (!p.sections.some((s) => s.id === 1))
    throw new Error('a module without a type section has no functions to debug');
  const bodies = readBodies(
    bytes,
    p.sections.find((x) => x.id === 10),
  );
  const added = HOOKS.length;
  const shift = reindex.shiftBy(p.importedFuncs, added);
  const hookType = p.results.length;
  // step (offset, frame base), leave (function), poll (), local_<type> (index, value).
  const extraTypes: number[][] = [
    [0x60, 2, 0x7f, 0x7f, 0],
    [0x60, 1, 0x7f, 0],
    [0x60, 0, 0],
    [0x60, 2, 0x7f, 0x7f, 0],
    [0x60, 2, 0x7f, 0x7e, 0],
    [0x60, 2, 0x7f, 0x7d, 0],
    [0x60, 2, 0x7f, 0x7c, 0],
  ];
  const multi = new Map<number, number>();
  const blockType = (type: number): number[] => {
    const res = p.results[type];
    if (res.count === 0) return [0x40];
    if (res.count === 1) return [...res.raw];
    if (!multi.has(type)) {
      multi.set(type, hookType + extraTypes.length);
      extraTypes.push([0x60, 0, ...uleb(res.count), ...res.raw]);
    }
    return sleb(multi.get(type)!);
  };
  const hooks = { step: p.importedFuncs, leave: p.importedFuncs + 1, poll: p.importedFuncs + 2 };
  const localHook: Record<number, number> = {
    0x7f: p.importedFuncs + 3,
    0x7e: p.importedFuncs + 4,
    0x7d: p.importedFuncs + 5,
    0x7c: p.importedFuncs + 6,
  };

  // The globals the checks read, after the module's own (no index moves).
  const firstGlobal = p.importedGlobals + p.definedGlobals;
  const depth = firstGlobal;
  const limit = firstGlobal + 1;
  const tick = firstGlobal + 2;
  const newGlobals: number[][] = [
    [0x7f, 1, 0x41, 0, 0x0b],
    [0x7f, 1, 0x41, ...sleb(-1), 0x0b],
    [0x7f, 1, 0x41, ...sleb(TICKS), 0x0b],
  ];
  const newExports: Uint8Array[] = [
    concat([name(DEPTH), [3], uleb(depth)]),
    concat([name(LIMIT), [3], uleb(limit)]),
    concat([name(TICK), [3], uleb(tick)]),
  ];
  if (p.spGlobal) newExports.push(concat([name(SP), [3], [0]]));
  const flags = new Map<number, string>();

  const tickCode = [
    ...gget(tick),
    0x41,
    1,
    0x6b,
    ...gset(tick),
    ...gget(tick),
    0x45,
    0x04,
    0x40,
    0x10,
    ...uleb(hooks.poll),
    0x0b,
  ];
  const exitCode = (f: number) => [
    ...gget(depth),
    0x41,
    1,
    0x6b,
    ...gset(depth),
    ...gget(depth),
    ...gget(limit),
    0x4c,
    0x04,
    0x40,
    0x41,
    ...sleb(f),
    0x10,
    ...uleb(hooks.leave),
    0x0b,
  ];

  // The code section: each body rebuilt, with the map of its operators' new places.
  const mapNew: number[] = [];
  const mapOld: number[] = [];
  const lengths: number[] = [];
  let steps = 0;
  const codeParts: Uint8Array[] = [];
  let codeRel = uleb(bodies.length).length;
  const relNew: number[] = [];
  bodies.forEach((b, d) => {
    const f = p.importedFuncs + d;
    const base = frameLocal(f);
    const last = b.ops.length - 1;
    const sites = b.ops.map(
      (op, i) => i < last && !MARKERS.has(op.code) && stepAt(op.start, op.code),
    );
    let flag = -1;
    if (sites.some(Boolean)) {
      flag = firstGlobal + newGlobals.length;
      newGlobals.push([0x7f, 1, 0x41, 0, 0x0b]);
      const exportName = `__dbg_bp${f}`;
      newExports.push(concat([name(exportName), [3], uleb(flag)]));
      flags.set(f, exportName);
    }
    // Instruction-level functions hand the host their locals before each pause, and the
    // values on the stack: saved into scratch locals before the check, pushed back after it.
    const dump: number[] = [];
    const instr = dumpLocals(f);
    const params = p.params[p.funcTypes[d]] ?? [];
    const scratch = params.length + b.localCount;
    const stacks = instr ? operandStacks(bytes, b, p, d) : [];
    if (instr) {
      [...params, ...b.localTypes].forEach((t, i) => {
        if (localHook[t] !== undefined)
          dump.push(0x41, ...sleb(i), 0x20, ...uleb(i), 0x10, ...uleb(localHook[t]));
      });
    }
    /** The save, the dump and the restore of the stack before instruction `i`. */
    const stackCode = (i: number) => {
      const st = stacks[i];
      if (!st?.length || st.length > MAX_STACK || st.some((t) => localHook[t] === undefined))
        return { save: [], show: [], restore: [] };
      const seen: Record<number, number> = {};
      const slots = st.map((t) => {
        const j = seen[t] ?? 0;
        seen[t] = j + 1;
        return scratch + SCRATCH_TYPES.indexOf(t) * MAX_STACK + j;
      });
      const save: number[] = [];
      for (let k = st.length - 1; k >= 0; k--) save.push(0x21, ...uleb(slots[k]));
      const show: number[] = [];
      st.forEach((t, k) =>
        show.push(0x41, ...sleb(-1 - k), 0x20, ...uleb(slots[k]), 0x10, ...uleb(localHook[t])),
      );
      const restore: number[] = [];
      slots.forEach((l) => restore.push(0x20, ...uleb(l)));
      return { save, show, restore };
    };
    const site = (offset: number, show: number[]) => [
      ...gget(depth),
      ...gget(limit),
      0x4c,
      ...gget(flag),
      0x72,
      0x04,
      0x40,
      ...dump,
      ...show,
      0x41,
      ...sleb(offset),
      ...(base === null ? [0x41, 0] : [0x20, ...uleb(base)]),
      0x10,
      ...uleb(hooks.step),
      0x0b,
    ];
    // The locals' declarations, as they were (they follow the body's size), plus the scratch
    // locals of the stack's values.
    const decls = bytes.subarray(b.locals, b.firstOp);
    const out: number[] = instr ? withScratch(decls) : [...decls];
    out.push(...gget(depth), 0x41, 1, 0x6a, ...gset(depth), ...tickCode);
    out.push(0x02, ...blockType(p.funcTypes[d]));
    b.ops.forEach((op, i) => {
      if (i === last) return;
      if (sites[i]) {
        const { save, show, restore } = stackCode(i);
        out.push(...save, ...site(op.start, show), ...restore);
        steps++;
      }
      if (RETURNS.has(op.code)) out.push(...exitCode(f));
      relNew.push(out.length);
      mapOld.push(op.start);
      lengths.push(op.end - op.start);
      if ((op.code === 0x10 || op.code === 0x12 || op.code === 0xd2) && op.funcIndex !== undefined)
        out.push(op.code, ...uleb(shift(op.funcIndex)));
      else out.push(...bytes.subarray(op.start, op.end));
      if (op.code === 0x03) out.push(...tickCode);
    });
    out.push(0x0b, ...exitCode(f), 0x0b);
    const head = uleb(out.length);
    const bodyRel = codeRel + head.length;
    // Operator places so far are relative to this body's content: make them the section's.
    for (let k = mapNew.length; k < relNew.length; k++) mapNew.push(bodyRel + relNew[k]);
    codeParts.push(concat([head, out]));
    codeRel += head.length + out.length;
  });

  // The other sections, in order; the hooks' types, imports, globals and exports added.
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let codeContentStart = 0;
  let at = 8;
  const hookImports = HOOKS.map((h, i) =>
    concat([name(HOOK_MODULE), name(h), [0x00], uleb(hookType + i)]),
  );
  const push = (id: number, content: Uint8Array) => {
    const s = section(id, content);
    parts.push(s);
    if (id === 10) codeContentStart = at + s.length - content.length;
    at += s.length;
  };
  const has = (id: number) => p.sections.some((s) => s.id === id);
  const pending = new Map<number, () => void>();
  if (!has(2)) pending.set(2, () => push(2, vec(hookImports)));
  if (!has(6)) pending.set(6, () => push(6, vec(newGlobals)));
  if (!has(7)) pending.set(7, () => push(7, vec(newExports)));
  const flush = (before: number) => {
    for (const [id, emit] of [...pending]) {
      if (SECTION_ORDER.indexOf(id) < SECTION_ORDER.indexOf(before)) {
        emit();
        pending.delete(id);
      }
    }
  };
  for (const s of p.sections) {
    if (s.id === 0 && s.name?.startsWith('.debug_')) continue;
    if (s.id !== 0) flush(s.id);
    if (s.id === 1) push(1, appended(s.content, extraTypes));
    else if (s.id === 2) push(2, appended(s.content, hookImports));
    else if (s.id === 6) push(6, appended(reindex.globals(s.content, shift), newGlobals));
    else if (s.id === 7) push(7, appended(reindex.exports(s.content, shift), newExports));
    else if (s.id === 8) push(8, reindex.start(s.content, shift));
    else if (s.id === 9) push(9, reindex.elements(s.content, shift));
    else if (s.id === 10) push(10, concat([uleb(bodies.length), ...codeParts]));
    else if (s.id === 0 && s.name === 'name') {
      const r = new Reader(s.content);
      r.name();
      const named = HOOKS.map((h, i) => ({ index: p.importedFuncs + i, name: `dbg.${h}` }));
      push(0, concat([name('name'), reindex.names(s.content.subarray(r.pos), shift, named)]));
    } else push(s.id, s.content);
  }
  for (const emit of pending.values()) emit();

  const newAbs = mapNew.map((x) => x + codeContentStart);
  return {
    wasm: concat(parts),
    hooks,
    steps,
    flags,
    bodies,
    importedFuncs: p.importedFuncs,
    functionOf(offset) {
      const d = bodyAt(bodies, offset);
      return d < 0 ? -1 : p.importedFuncs + d;
    },
    toOriginal(offset) {
      // The last operator that starts at or before `offset` (an inserted hook call maps to the
      // operator it precedes).
      let lo = 0;
      let hi = newAbs.length - 1;
      let best = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (newAbs[mid] <= offset) {
          best = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (best < 0) return mapOld[0] ?? offset;
      const next = best + 1 < newAbs.length ? newAbs[best + 1] : Infinity;
      // Inside the hook call before the next operator: that operator is where the program is.
      return offset - newAbs[best] < lengths[best] || next === Infinity
        ? mapOld[best] + (offset - newAbs[best])
        : mapOld[best + 1];
    },
    originalFunction: (i) =>
      i < p.importedFuncs ? i : i < p.importedFuncs + added ? -1 : i - added,
  };
}
