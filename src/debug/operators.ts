// Where each instruction of a function body starts and ends: a decoder of immediates for the
// instruction set clang, wasm-ld, Emscripten, AssemblyScript and wabt emit (MVP, sign extension,
// saturating conversions, bulk memory, reference types, SIMD, threads, exception handling, tail
// calls, typed function references). Ours rather than a library's: linkers write padded LEB128
// immediates (call_indirect's table index as `80 80 80 80 00`), which a decoder that reads that
// index as one reserved byte gets wrong.
import { Reader } from '../wasm/reader';

/** One instruction: its opcode (prefixed ones as prefix << 8 | sub), place, and function index. */
export interface Op {
  code: number;
  start: number;
  end: number;
  /** call, return_call and ref.func: the function they name. */
  funcIndex?: number;
}

const MEMARG = new Set([
  ...range(0x28, 0x3e), // loads and stores
]);
const ONE_INDEX = new Set([
  0x0c, 0x0d, 0x10, 0x12, 0x14, 0x15, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x08, 0x09, 0x18,
  0x07, 0xd0, 0xd2, 0xd5, 0xd6,
]);

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** A block type: 0x40, a value type, or a type index (s33). */
function blockType(r: Reader) {
  const b = r.bytes[r.pos];
  if (b === 0x40 || (b >= 0x6f && b <= 0x7f) || b === 0x63 || b === 0x64) r.valtype();
  else r.skipLeb();
}

function memarg(r: Reader) {
  const align = r.u32();
  // Multi-memory: bit 6 of the alignment says a memory index follows.
  if (align & 0x40) r.u32();
  r.u32();
}

/** The 0xFC-prefixed instructions' immediates. */
function prefixedFC(r: Reader, sub: number) {
  if (sub <= 7) return; // saturating conversions
  if (sub === 8) return void (r.u32(), r.u32()); // memory.init data mem
  if (sub === 9 || sub === 13 || sub === 15 || sub === 16 || sub === 17 || sub === 11)
    return void r.u32();
  if (sub === 10 || sub === 12 || sub === 14) return void (r.u32(), r.u32());
  throw new Error(`unknown instruction 0xfc ${sub}`);
}

/** The 0xFD-prefixed (SIMD) instructions' immediates. */
function prefixedFD(r: Reader, sub: number) {
  if (sub <= 11 || sub === 92 || sub === 93) return memarg(r); // loads, stores, load_zero
  if (sub === 12 || sub === 13) return r.skip(16); // v128.const, i8x16.shuffle
  if (sub >= 21 && sub <= 34) return r.skip(1); // extract/replace lane
  if (sub >= 84 && sub <= 91) {
    memarg(r);
    return r.skip(1); // load/store lane
  }
}

/** The instructions of the body whose operators run from `start` to `end` (its final `end` included). */
export function operators(bytes: Uint8Array, start: number, end: number): Op[] {
  const r = new Reader(bytes, start, end);
  const out: Op[] = [];
  while (r.pos < end) {
    const at = r.pos;
    let code = r.byte();
    let funcIndex: number | undefined;
    if (code === 0x02 || code === 0x03 || code === 0x04 || code === 0x06) blockType(r);
    else if (code === 0x1f) {
      blockType(r);
      for (let n = r.u32(); n > 0; n--) {
        const kind = r.byte();
        if (kind === 0 || kind === 1) r.u32();
        r.u32();
      }
    } else if (code === 0x0e) {
      for (let n = r.u32() + 1; n > 0; n--) r.u32();
    } else if (code === 0x11 || code === 0x13) {
      r.u32();
      r.u32();
    } else if (code === 0x10 || code === 0x12 || code === 0xd2) funcIndex = r.u32();
    else if (ONE_INDEX.has(code)) r.u32();
    else if (code === 0x1c) {
      for (let n = r.u32(); n > 0; n--) r.valtype();
    } else if (MEMARG.has(code)) memarg(r);
    else if (code === 0x3f || code === 0x40) r.u32();
    else if (code === 0x41 || code === 0x42) r.skipLeb();
    else if (code === 0x43) r.skip(4);
    else if (code === 0x44) r.skip(8);
    else if (code === 0xfc || code === 0xfd || code === 0xfe) {
      const sub = r.u32();
      if (code === 0xfc) prefixedFC(r, sub);
      else if (code === 0xfd) prefixedFD(r, sub);
      else if (sub !== 3)
        memarg(r); // atomics (atomic.fence has one reserved byte)
      else r.skip(1);
      code = (code << 8) | sub;
    } else if (code === 0xfb)
      throw new Error('GC instructions are not supported by the debugger yet');
    out.push(
      funcIndex === undefined
        ? { code, start: at, end: r.pos }
        : { code, start: at, end: r.pos, funcIndex },
    );
  }
  return out;
}
