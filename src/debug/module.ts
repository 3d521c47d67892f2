// A module's structure as the instrumenter needs it: sections, types' results, imports, the
// globals it defines, and each function body with its instructions and stack frame.
import { Reader } from '../wasm/reader';
import { operators, type Op } from './operators';

export interface Body {
  /** Where the body starts (its size), where its locals' declarations start, its first operator. */
  start: number;
  locals: number;
  firstOp: number;
  ops: Op[];
  /**
   * Bytes its prologue takes off the stack pointer (global 0): `global.get 0; i32.const N;
   * i32.sub` (clang's frames); 0 without one.
   */
  frameSize: number;
  /** It stores the stack pointer (a function that calls; a leaf's frame is below the pointer). */
  writesSp: boolean;
  /** How many locals it declares (after its parameters). */
  localCount: number;
  /** Its declared locals' value types (first byte; after the parameters). */
  localTypes: number[];
}

export interface Parsed {
  sections: { id: number; start: number; content: Uint8Array; name?: string }[];
  /** Each type's results, as raw value types, and their count (func types only). */
  results: { raw: Uint8Array; count: number }[];
  /** Each type's parameters' value types (first byte of each). */
  params: number[][];
  importedFuncs: number;
  importedGlobals: number;
  definedGlobals: number;
  /** Global 0 is a mutable i32 (clang's __stack_pointer). */
  spGlobal: boolean;
  /** The type index of each defined function. */
  funcTypes: number[];
  /** The type index of every function, imported ones first. */
  allFuncTypes: number[];
  /** Every global's value type (first byte), imported ones first. */
  globalTypes: number[];
  /** Each type's results' value types (first byte of each). */
  resultTypes: number[][];
}

/** Locals shown per function at most. */
export const MAX_LOCALS = 256;

const lebAt = (bytes: Uint8Array, at: number) => new Reader(bytes, at).u32();

function frameOf(bytes: Uint8Array, ops: Op[]): { frameSize: number; writesSp: boolean } {
  let frameSize = 0;
  const [a, b, c] = ops;
  if (a?.code === 0x23 && lebAt(bytes, a.start + 1) === 0 && b?.code === 0x41 && c?.code === 0x6b)
    frameSize = lebAt(bytes, b.start + 1);
  const writesSp = ops.some((o) => o.code === 0x24 && lebAt(bytes, o.start + 1) === 0);
  return { frameSize, writesSp };
}

/** Every function body of the code section: its locals and its instructions. */
export function readBodies(
  bytes: Uint8Array,
  code: { start: number; content: Uint8Array } | undefined,
): Body[] {
  if (!code) return [];
  const base = code.content.byteOffset - bytes.byteOffset;
  const r = new Reader(bytes, base, base + code.content.length);
  const bodies: Body[] = [];
  for (let n = r.u32(); n > 0; n--) {
    const start = r.pos;
    const size = r.u32();
    const locals = r.pos;
    const end = r.pos + size;
    const localTypes: number[] = [];
    let localCount = 0;
    for (let k = r.u32(); k > 0; k--) {
      const n = r.u32();
      localCount += n;
      const t = r.bytes[r.pos];
      r.valtype();
      // A function with very many locals shows the first ones.
      for (let i = 0; i < n && localTypes.length < MAX_LOCALS; i++) localTypes.push(t);
    }
    const ops = operators(bytes, r.pos, end);
    bodies.push({
      start,
      locals,
      firstOp: r.pos,
      ops,
      localTypes,
      localCount,
      ...frameOf(bytes, ops),
    });
    r.pos = end;
  }
  return bodies;
}

export function parse(bytes: Uint8Array): Parsed {
  const r = new Reader(bytes, 8);
  const out: Parsed = {
    sections: [],
    results: [],
    params: [],
    importedFuncs: 0,
    importedGlobals: 0,
    definedGlobals: 0,
    spGlobal: false,
    funcTypes: [],
    allFuncTypes: [],
    globalTypes: [],
    resultTypes: [],
  };
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
        const params: number[] = [];
        for (let k = s.u32(); k > 0; k--) {
          params.push(s.bytes[s.pos]);
          s.valtype();
        }
        out.params.push(params);
        const count = s.u32();
        const from = s.pos;
        const results: number[] = [];
        for (let k = 0; k < count; k++) {
          results.push(s.bytes[s.pos]);
          s.valtype();
        }
        out.results.push({ raw: bytes.subarray(from, s.pos), count });
        out.resultTypes.push(results);
      }
    } else if (id === 2) {
      for (let n = s.u32(), i = 0; i < n; i++) {
        s.name();
        s.name();
        const kind = s.byte();
        if (kind === 3 && out.importedGlobals === 0) {
          const t = s.bytes[s.pos];
          out.spGlobal = t === 0x7f && s.bytes[s.pos + 1] === 1;
        }
        if (kind === 3) out.globalTypes.push(s.bytes[s.pos]);
        if (kind === 0) out.allFuncTypes.push(new Reader(s.bytes, s.pos).u32());
        s.importDesc(kind);
        if (kind === 0) out.importedFuncs++;
        if (kind === 3) out.importedGlobals++;
      }
    } else if (id === 3) {
      for (let n = s.u32(), i = 0; i < n; i++) out.funcTypes.push(s.u32());
      out.allFuncTypes.push(...out.funcTypes);
    } else if (id === 6) {
      out.definedGlobals = s.u32();
      if (out.importedGlobals === 0 && out.definedGlobals > 0)
        out.spGlobal = s.bytes[s.pos] === 0x7f && s.bytes[s.pos + 1] === 1;
      for (let i = 0; i < out.definedGlobals; i++) {
        out.globalTypes.push(s.bytes[s.pos]);
        s.valtype();
        s.byte();
        s.constExpr();
      }
    }
    out.sections.push(sec);
    r.pos += size;
  }
  return out;
}

/** The index of the body an offset falls in (from its size to the next body); -1 outside. */
export function bodyAt(bodies: Body[], offset: number): number {
  for (let d = 0; d < bodies.length; d++) {
    const end = d + 1 < bodies.length ? bodies[d + 1].start : Infinity;
    if (offset >= bodies[d].start && offset < end) return d;
  }
  return -1;
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
