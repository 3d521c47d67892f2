// The debug build's instrumenter: before each chosen instruction the module calls an imported
// `dbg.step(offset)` with the instruction's offset in the ORIGINAL module, and `dbg.enter(f)` /
// `dbg.leave(f)` around every function, so the host keeps a shadow stack and can pause (the
// symbols backend only ever sees original offsets). Pure: bytes in, bytes and an offset map out.
import { Reader } from '../wasm/reader';
import { concat, name, section, sleb, uleb, vec } from './encode';
import { operators, type Op } from './operators';
import * as reindex from './reindex';

/** The import module of the hooks, and their names in function index order. */
export const HOOK_MODULE = 'dbg';
export const HOOKS = ['step', 'enter', 'leave'] as const;

/** An instrumented module and how to read it back. */
export interface Instrumented {
  wasm: Uint8Array;
  /** The function index of each hook in the instrumented module. */
  hooks: Record<(typeof HOOKS)[number], number>;
  /** How many step sites were inserted. */
  steps: number;
  /** An offset in the instrumented module (a trap's position) → the original's. */
  toOriginal(offset: number): number;
  /** A function index of the instrumented module → the original's (-1: a hook). */
  originalFunction(index: number): number;
}

// Operators that only mark structure: no step before them.
const MARKERS = new Set([0x0b, 0x05, 0x07, 0x19, 0x18]);
const RETURNS = new Set([0x0f, 0x12, 0x13, 0x15]);

export interface Body {
  /** Where the body starts (its size), where its locals' declarations start, its first operator. */
  start: number;
  locals: number;
  firstOp: number;
  ops: Op[];
}

/** Every function body of the code section: its locals and its instructions. */
function readBodies(bytes: Uint8Array, code: { start: number; content: Uint8Array } | undefined) {
  if (!code) return [];
  const base = code.content.byteOffset - bytes.byteOffset;
  const r = new Reader(bytes, base, base + code.content.length);
  const bodies: Body[] = [];
  for (let n = r.u32(); n > 0; n--) {
    const start = r.pos;
    const size = r.u32();
    const locals = r.pos;
    const end = r.pos + size;
    for (let k = r.u32(); k > 0; k--) {
      r.u32();
      r.valtype();
    }
    bodies.push({ start, locals, firstOp: r.pos, ops: operators(bytes, r.pos, end) });
    r.pos = end;
  }
  return bodies;
}

interface Parsed {
  sections: { id: number; start: number; content: Uint8Array; name?: string }[];
  /** Each type's results, as raw value types, and their count (func types only). */
  results: { raw: Uint8Array; count: number }[];
  importedFuncs: number;
  funcTypes: number[];
}

function parse(bytes: Uint8Array): Parsed {
  const r = new Reader(bytes, 8);
  const out: Parsed = { sections: [], results: [], importedFuncs: 0, funcTypes: [] };
  while (r.pos < r.end) {
    const start = r.pos;
    const id = r.byte();
    const size = r.u32();
    const content = bytes.subarray(r.pos, r.pos + size);
    const s = new Reader(bytes, r.pos, r.pos + size);
    const sec: Parsed['sections'][number] = { id, start, content };
    if (id === 0) sec.name = s.name();
    if (id === 1) {
      for (let n = s.u32(), i = 0; i < n; i++) {
        if (s.byte() !== 0x60) throw new Error('GC types are not supported by the debugger yet');
        for (let k = s.u32(); k > 0; k--) s.valtype();
        const count = s.u32();
        const from = s.pos;
        for (let k = 0; k < count; k++) s.valtype();
        out.results.push({ raw: bytes.subarray(from, s.pos), count });
      }
    } else if (id === 2) {
      for (let n = s.u32(), i = 0; i < n; i++) {
        s.name();
        s.name();
        const kind = s.byte();
        s.importDesc(kind);
        if (kind === 0) out.importedFuncs++;
      }
    } else if (id === 3) for (let n = s.u32(), i = 0; i < n; i++) out.funcTypes.push(s.u32());
    out.sections.push(sec);
    r.pos += size;
  }
  return out;
}

/** The module's function bodies (with their instructions) and how many functions it imports. */
export function moduleFunctions(bytes: Uint8Array): { importedFuncs: number; bodies: Body[] } {
  const p = parse(bytes);
  return {
    importedFuncs: p.importedFuncs,
    bodies: readBodies(
      bytes,
      p.sections.find((x) => x.id === 10),
    ),
  };
}

/**
 * Instruments `bytes`: a step before every instruction for which `stepAt(offset, opcode)` is
 * true (default: every instruction but the structural markers end/else/catch), enter and leave
 * around every function. Debug info (.debug_* sections) is left out: the engine does not read
 * it, and it describes the original module, which the symbols backend is given instead.
 */
export function instrument(
  bytes: Uint8Array,
  stepAt: (offset: number, opcode: number) => boolean = () => true,
  frameLocal: (func: number) => number | null = () => null,
): Instrumented {
  const p = parse(bytes);
  // The hooks' type goes into the type section (a module without one has no code to debug).
  if (!p.sections.some((s) => s.id === 1))
    throw new Error('a module without a type section has no functions to debug');
  const bodies = readBodies(
    bytes,
    p.sections.find((x) => x.id === 10),
  );
  const added = HOOKS.length;
  const shift = reindex.shiftBy(p.importedFuncs, added);
  const hookType = p.results.length;
  // enter/leave take the function; step takes the offset and the frame base (a local's value).
  const extraTypes: number[][] = [
    [0x60, 1, 0x7f, 0],
    [0x60, 2, 0x7f, 0x7f, 0],
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
  const hooks = {
    step: p.importedFuncs,
    enter: p.importedFuncs + 1,
    leave: p.importedFuncs + 2,
  };
  const call = (hook: number, arg: number) => [0x41, ...sleb(arg), 0x10, ...uleb(hook)];
  const step = (offset: number, base: number | null) => [
    0x41,
    ...sleb(offset),
    ...(base === null ? [0x41, 0] : [0x20, ...uleb(base)]),
    0x10,
    ...uleb(hooks.step),
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
    // The locals' declarations, as they were (they follow the body's size).
    const out: number[] = [...bytes.subarray(b.locals, b.firstOp)];
    out.push(...call(hooks.enter, f), 0x02, ...blockType(p.funcTypes[d]));
    const last = b.ops.length - 1;
    b.ops.forEach((op, i) => {
      if (i === last) return;
      if (!MARKERS.has(op.code) && stepAt(op.start, op.code)) {
        out.push(...step(op.start, base));
        steps++;
      }
      if (RETURNS.has(op.code)) out.push(...call(hooks.leave, f));
      relNew.push(out.length);
      mapOld.push(op.start);
      lengths.push(op.end - op.start);
      if ((op.code === 0x10 || op.code === 0x12 || op.code === 0xd2) && op.funcIndex !== undefined)
        out.push(op.code, ...uleb(shift(op.funcIndex)));
      else out.push(...bytes.subarray(op.start, op.end));
    });
    out.push(0x0b, ...call(hooks.leave, f), 0x0b);
    const head = uleb(out.length);
    const bodyRel = codeRel + head.length;
    // Operator places so far are relative to this body's content: make them the section's.
    for (let k = mapNew.length; k < relNew.length; k++) mapNew.push(bodyRel + relNew[k]);
    codeParts.push(concat([head, out]));
    codeRel += head.length + out.length;
  });

  // The other sections, in order; the hooks' type and imports added where they belong.
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let codeContentStart = 0;
  let at = 8;
  const hasImports = p.sections.some((s) => s.id === 2);
  const hookImports = HOOKS.map((h) =>
    concat([name(HOOK_MODULE), name(h), [0x00], uleb(h === 'step' ? hookType + 1 : hookType)]),
  );
  const push = (id: number, content: Uint8Array) => {
    const s = section(id, content);
    parts.push(s);
    if (id === 10) codeContentStart = at + s.length - content.length;
    at += s.length;
  };
  for (const s of p.sections) {
    if (s.id === 0 && s.name?.startsWith('.debug_')) continue;
    if (s.id === 1) {
      const r = new Reader(s.content);
      const n = r.u32();
      push(1, concat([uleb(n + extraTypes.length), s.content.subarray(r.pos), ...extraTypes]));
    } else if (s.id === 2) {
      const r = new Reader(s.content);
      const n = r.u32();
      push(2, concat([uleb(n + added), s.content.subarray(r.pos), ...hookImports]));
    } else if (s.id === 3 && !hasImports) {
      push(2, vec(hookImports));
      push(3, s.content);
    } else if (s.id === 6) push(6, reindex.globals(s.content, shift));
    else if (s.id === 7) push(7, reindex.exports(s.content, shift));
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

  const newAbs = mapNew.map((x) => x + codeContentStart);
  return {
    wasm: concat(parts),
    hooks,
    steps,
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
