// Rewrites every function index outside the code section when k functions are imported after
// the module's own imports (the debugger's hooks): exports, start, elements, globals' initial
// values, and the name section. Each rewriter takes a section's content and returns the new one.
import { Reader } from '../wasm/reader';
import { concat, name, uleb, vec } from './encode';

/** A function index after `added` imports were appended to the `imported` function imports. */
export type Shift = (index: number) => number;
export const shiftBy =
  (imported: number, added: number): Shift =>
  (i) =>
    i >= imported ? i + added : i;

const slice = (r: Reader, from: number) => r.bytes.subarray(from, r.pos);

/** A constant expression, copied with its `ref.func` indices shifted. */
export function constExpr(r: Reader, shift: Shift): number[] {
  const out: number[] = [];
  for (;;) {
    if (r.bytes[r.pos] === 0xd2) {
      r.byte();
      out.push(0xd2, ...uleb(shift(r.u32())));
      continue;
    }
    const start = r.pos;
    const op = r.constInstr();
    out.push(...slice(r, start));
    if (op === 0x0b) return out;
  }
}

export function exports(content: Uint8Array, shift: Shift): Uint8Array {
  const r = new Reader(content);
  const n = r.u32();
  const items: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const start = r.pos;
    r.name();
    const kind = r.byte();
    const head = slice(r, start);
    const index = r.u32();
    items.push(concat([head, uleb(kind === 0 ? shift(index) : index)]));
  }
  return vec(items);
}

export const start = (content: Uint8Array, shift: Shift) =>
  new Uint8Array(uleb(shift(new Reader(content).u32())));

export function globals(content: Uint8Array, shift: Shift): Uint8Array {
  const r = new Reader(content);
  const n = r.u32();
  const items: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const from = r.pos;
    r.valtype();
    r.byte();
    items.push(concat([slice(r, from), constExpr(r, shift)]));
  }
  return vec(items);
}

/** Element segments, in all eight encodings (flags 0–7). */
export function elements(content: Uint8Array, shift: Shift): Uint8Array {
  const r = new Reader(content);
  const n = r.u32();
  const items: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const flags = r.u32();
    const out: number[] = [...uleb(flags)];
    if (flags === 2 || flags === 6) out.push(...uleb(r.u32()));
    if ((flags & 1) === 0) out.push(...constExpr(r, shift));
    const exprs = (flags & 4) !== 0;
    if (flags & 3) {
      const from = r.pos;
      if (exprs) r.valtype();
      else r.byte();
      out.push(...slice(r, from));
    }
    const count = r.u32();
    out.push(...uleb(count));
    for (let j = 0; j < count; j++)
      out.push(...(exprs ? constExpr(r, shift) : uleb(shift(r.u32()))));
    items.push(new Uint8Array(out));
  }
  return vec(items);
}

/** A name map (index → name), its indices shifted. */
function nameMap(r: Reader, shift: Shift): Uint8Array {
  const n = r.u32();
  const items: Uint8Array[] = [];
  for (let i = 0; i < n; i++) items.push(concat([uleb(shift(r.u32())), name(r.name())]));
  return vec(items);
}

/**
 * The "name" custom section's content: function names (1) and the local and label names keyed
 * by function (2, 3) are shifted; the new imports get `names`; other subsections are copied.
 */
export function names(
  content: Uint8Array,
  shift: Shift,
  added: { index: number; name: string }[],
): Uint8Array {
  const r = new Reader(content);
  const parts: { id: number; bytes: Uint8Array }[] = [];
  let sawFunctions = false;
  const addedMap = () => added.map((a) => concat([uleb(a.index), name(a.name)]));
  while (r.pos < r.end) {
    const id = r.byte();
    const size = r.u32();
    const end = r.pos + size;
    const sub = new Reader(r.bytes, r.pos, end);
    let body: Uint8Array;
    if (id === 1) {
      sawFunctions = true;
      // Function names are sorted by index: the hooks' come after the imports' names.
      const n = sub.u32();
      const entries: [number, Uint8Array][] = [];
      for (let i = 0; i < n; i++) {
        const idx = shift(sub.u32());
        entries.push([idx, name(sub.name())]);
      }
      for (const a of added) entries.push([a.index, name(a.name)]);
      entries.sort((a, b) => a[0] - b[0]);
      body = vec(entries.map(([i, nm]) => concat([uleb(i), nm])));
    } else if (id === 2 || id === 3) {
      const n = sub.u32();
      const items: Uint8Array[] = [];
      for (let i = 0; i < n; i++)
        items.push(concat([uleb(shift(sub.u32())), nameMap(sub, (x) => x)]));
      body = vec(items);
    } else body = r.bytes.subarray(r.pos, end);
    parts.push({ id, bytes: concat([[id], uleb(body.length), body]) });
    r.pos = end;
  }
  if (!sawFunctions) {
    const body = vec(addedMap());
    parts.push({ id: 1, bytes: concat([[1], uleb(body.length), body]) });
  }
  // Subsections stay in the order of their ids (a stable sort keeps the rest as they were).
  return concat(parts.sort((a, b) => a.id - b.id).map((p) => p.bytes));
}
