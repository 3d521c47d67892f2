// A little-endian cursor over a DWARF section (wasm32: 4-byte addresses, DWARF32 offsets).

export class DwarfError extends Error {}

export class Cursor {
  pos: number;
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    pos = 0,
    readonly end = bytes.length,
  ) {
    this.pos = pos;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(n: number) {
    if (this.pos + n > this.end) throw new DwarfError(`DWARF read past its end at ${this.pos}`);
  }
  u8(): number {
    this.need(1);
    return this.bytes[this.pos++];
  }
  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  /** A 64-bit number as a JS number (addresses and sizes of wasm32 fit). */
  u64(): number {
    const lo = this.u32();
    const hi = this.u32();
    return hi * 2 ** 32 + lo;
  }
  uleb(): number {
    let result = 0;
    let mul = 1;
    for (;;) {
      const b = this.u8();
      result += (b & 0x7f) * mul;
      if (!(b & 0x80)) return result;
      mul *= 128;
    }
  }
  sleb(): number {
    let result = 0;
    let mul = 1;
    for (;;) {
      const b = this.u8();
      result += (b & 0x7f) * mul;
      mul *= 128;
      if (!(b & 0x80)) return b & 0x40 ? result - mul : result;
    }
  }
  /** A NUL-terminated UTF-8 string. */
  cstr(): string {
    const start = this.pos;
    while (this.u8() !== 0);
    return new TextDecoder().decode(this.bytes.subarray(start, this.pos - 1));
  }
  skip(n: number) {
    this.need(n);
    this.pos += n;
  }
  take(n: number): Uint8Array {
    this.need(n);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

/** A NUL-terminated string at `offset` of a string section. */
export function strAt(section: Uint8Array | undefined, offset: number): string {
  if (!section) return '';
  return new Cursor(section, offset).cstr();
}
