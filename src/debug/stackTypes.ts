// The value stack's types before each instruction of a function, as a validator tracks them
// (MVP numeric code: what WAT programs are made of). The instruction-level debugger saves the
// values there and shows them. Null where the stack is not known: after br/return/unreachable
// until the block ends, or from an instruction this does not model on.
import { Reader } from '../wasm/reader';
import type { Body, Parsed } from './module';

const I32 = 0x7f;
const I64 = 0x7e;
const F32 = 0x7d;
const F64 = 0x7c;

/** [pops, pushes] of the numeric instructions 0x45…0xc4, by opcode. */
const NUMERIC = new Map<number, [number[], number[]]>();
const put = (from: number, to: number, pops: number[], pushes: number[]) => {
  for (let c = from; c <= to; c++) NUMERIC.set(c, [pops, pushes]);
};
put(0x45, 0x45, [I32], [I32]);
put(0x46, 0x4f, [I32, I32], [I32]);
put(0x50, 0x50, [I64], [I32]);
put(0x51, 0x5a, [I64, I64], [I32]);
put(0x5b, 0x60, [F32, F32], [I32]);
put(0x61, 0x66, [F64, F64], [I32]);
put(0x67, 0x69, [I32], [I32]);
put(0x6a, 0x78, [I32, I32], [I32]);
put(0x79, 0x7b, [I64], [I64]);
put(0x7c, 0x8a, [I64, I64], [I64]);
put(0x8b, 0x91, [F32], [F32]);
put(0x92, 0x98, [F32, F32], [F32]);
put(0x99, 0x9f, [F64], [F64]);
put(0xa0, 0xa6, [F64, F64], [F64]);
put(0xa7, 0xa7, [I64], [I32]);
put(0xa8, 0xa9, [F32], [I32]);
put(0xaa, 0xab, [F64], [I32]);
put(0xac, 0xad, [I32], [I64]);
put(0xae, 0xaf, [F32], [I64]);
put(0xb0, 0xb1, [F64], [I64]);
put(0xb2, 0xb3, [I32], [F32]);
put(0xb4, 0xb5, [I64], [F32]);
put(0xb6, 0xb6, [F64], [F32]);
put(0xb7, 0xb8, [I32], [F64]);
put(0xb9, 0xba, [I64], [F64]);
put(0xbb, 0xbb, [F32], [F64]);
put(0xbc, 0xbc, [F32], [I32]);
put(0xbd, 0xbd, [F64], [I64]);
put(0xbe, 0xbe, [I32], [F32]);
put(0xbf, 0xbf, [I64], [F64]);
put(0xc0, 0xc1, [I32], [I32]);
put(0xc2, 0xc4, [I64], [I64]);
// Loads (address → value) and stores (address, value → nothing).
const LOADS = [I32, I64, F32, F64, I32, I32, I32, I32, I64, I64, I64, I64, I64, I64];
LOADS.forEach((t, i) => NUMERIC.set(0x28 + i, [[I32], [t]]));
[I32, I64, F32, F64, I32, I32, I64, I64, I64].forEach((t, i) =>
  NUMERIC.set(0x36 + i, [[I32, t], []]),
);
NUMERIC.set(0x3f, [[], [I32]]);
NUMERIC.set(0x40, [[I32], [I32]]);
// Saturating truncations (0xfc 0…7).
[F32, F32, F64, F64].forEach((t, i) => NUMERIC.set(0xfc00 + i, [[t], [I32]]));
[F32, F32, F64, F64].forEach((t, i) => NUMERIC.set(0xfc04 + i, [[t], [I64]]));
// memory.copy / memory.fill take three i32 (memory.init too).
NUMERIC.set(0xfc08, [[I32, I32, I32], []]);
NUMERIC.set(0xfc0a, [[I32, I32, I32], []]);
NUMERIC.set(0xfc0b, [[I32, I32, I32], []]);

interface Frame {
  height: number;
  params: number[];
  results: number[];
  /** After br, return or unreachable: the rest of the block is not tracked. */
  lost: boolean;
}

/**
 * Each instruction's operand stack (bottom first) before it runs — the values of its innermost
 * block; null where not known.
 */
export function operandStacks(
  bytes: Uint8Array,
  body: Body,
  p: Parsed,
  defined: number,
): (number[] | null)[] {
  const type = p.funcTypes[defined];
  const locals = [...(p.params[type] ?? []), ...body.localTypes];
  const out: (number[] | null)[] = [];
  const stack: number[] = [];
  const frames: Frame[] = [
    { height: 0, params: [], results: p.resultTypes[type] ?? [], lost: false },
  ];
  let broken = false;
  const imm = (op: { start: number }, skip = 1) => new Reader(bytes, op.start + skip);
  const blockType = (op: { start: number }): [number[], number[]] => {
    const b = bytes[op.start + 1];
    if (b === 0x40) return [[], []];
    if (b >= 0x7c && b <= 0x7f) return [[], [b]];
    const r = imm(op);
    // A type index (s33, non-negative here).
    const t = r.u32();
    return [p.params[t] ?? [], p.resultTypes[t] ?? []];
  };
  for (const op of body.ops) {
    const frame = frames[frames.length - 1];
    // Only the values of the innermost block can be reached from inside it.
    out.push(broken || !frame || frame.lost ? null : stack.slice(frame.height));
    if (broken || !frame) continue;
    const c = op.code;
    const pop = (n: number) => {
      if (stack.length - n < frame.height && !frame.lost) broken = true;
      stack.length = Math.max(frame.height, stack.length - n);
    };
    if (c === 0x02 || c === 0x03 || c === 0x04) {
      if (c === 0x04) pop(1);
      const [params, results] = blockType(op);
      frames.push({ height: stack.length - params.length, params, results, lost: frame.lost });
    } else if (c === 0x05) {
      stack.length = frame.height;
      stack.push(...frame.params);
      frame.lost = false;
    } else if (c === 0x0b) {
      frames.pop();
      stack.length = frame.height;
      stack.push(...frame.results);
    } else if (c === 0x0c || c === 0x0f || c === 0x00 || c === 0x0e) {
      frame.lost = true;
    } else if (c === 0x0d) pop(1);
    else if (c === 0x01) {
      // nop
    } else if (c === 0x10 || c === 0x11) {
      const t = c === 0x10 ? p.allFuncTypes[op.funcIndex ?? -1] : imm(op).u32();
      if (c === 0x11) pop(1);
      if (t === undefined) broken = true;
      else {
        pop((p.params[t] ?? []).length);
        stack.push(...(p.resultTypes[t] ?? []));
      }
    } else if (c === 0x1a) pop(1);
    else if (c === 0x1b || c === 0x1c) {
      pop(1);
      const t = stack[stack.length - 1];
      pop(2);
      stack.push(t);
    } else if (c === 0x20) stack.push(locals[imm(op).u32()]);
    else if (c === 0x21) pop(1);
    else if (c === 0x22) {
      pop(1);
      stack.push(locals[imm(op).u32()]);
    } else if (c === 0x23) stack.push(p.globalTypes[imm(op).u32()]);
    else if (c === 0x24) pop(1);
    else if (c >= 0x41 && c <= 0x44) stack.push([I32, I64, F32, F64][c - 0x41]);
    else {
      const n = NUMERIC.get(c);
      if (!n) broken = true;
      else {
        pop(n[0].length);
        stack.push(...n[1]);
      }
    }
    if (!frame.lost && stack.some((t) => t === undefined)) broken = true;
  }
  return out;
}
