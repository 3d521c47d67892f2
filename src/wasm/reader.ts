// A cursor over a module's bytes: LEB128 numbers, names, value types, constant expressions
// (the inspector's structure reader and the debugger's instrumenter read with it).

/** Where and why a read went past what the bytes hold. */
export class ReadError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export class Reader {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    pos = 0,
    readonly end = bytes.length,
  ) {
    this.pos = pos;
  }
  byte(): number {
    if (this.pos >= this.end) throw new ReadError('unexpected end', this.pos);
    return this.bytes[this.pos++];
  }
  /** An unsigned LEB128 (up to 64 bits; larger values lose precision, which sizes never need). */
  u32(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.byte();
      result += (b & 0x7f) * mul;
      if (!(b & 0x80)) return result;
      mul *= 128;
    }
    throw new ReadError('LEB128 number too long', this.pos);
  }
  /** A signed LEB128, skipped (its value is not needed). */
  skipLeb(): void {
    for (let i = 0; i < 10; i++) if (!(this.byte() & 0x80)) return;
    throw new ReadError('LEB128 number too long', this.pos);
  }
  skip(n: number) {
    if (this.pos + n > this.end) throw new ReadError('unexpected end', this.pos);
    this.pos += n;
  }
  name(): string {
    const len = this.u32();
    const start = this.pos;
    this.skip(len);
    return new TextDecoder().decode(this.bytes.subarray(start, start + len));
  }
  /** A value type; reference types with a heap type (GC) carry one more number. */
  valtype(): void {
    const t = this.byte();
    if (t === 0x63 || t === 0x64) this.skipLeb();
  }
  limits(): { flags: number } {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
    return { flags };
  }
  /** A constant expression, up to and including its `end`. */
  constExpr(): void {
    while (this.constInstr() !== 0x0b);
  }
  /** One instruction of a constant expression, its immediates skipped; returns its opcode. */
  constInstr(): number {
    const op = this.byte();
    if (op === 0x41 || op === 0x42 || op === 0x23 || op === 0xd2) this.skipLeb();
    else if (op === 0x43) this.skip(4);
    else if (op === 0x44) this.skip(8);
    else if (op === 0xd0) this.skipLeb();
    else if (op === 0xfd) {
      this.u32();
      this.skip(16);
    } else if (op === 0xfb) {
      // GC constant instructions: struct.new/array.new* take one or two indices.
      const sub = this.u32();
      if (sub === 0 || sub === 1 || sub === 6 || sub === 7) this.u32();
      if (sub === 8 || sub === 9 || sub === 10) {
        this.u32();
        this.u32();
      }
    }
    // Other opcodes allowed in constant expressions (i32.add, end, …) have no immediates.
    return op;
  }
  /**
   * An import's descriptor, after its kind byte (0 function, 1 table, 2 memory, 3 global, 4 tag):
   * a table's or memory's limits flags, a global's mutability.
   */
  importDesc(kind: number): { limits?: number; mutable?: boolean } {
    if (kind === 0) {
      this.u32();
      return {};
    }
    if (kind === 1) {
      this.valtype();
      return { limits: this.limits().flags };
    }
    if (kind === 2) return { limits: this.limits().flags };
    if (kind === 3) {
      this.valtype();
      return { mutable: this.byte() === 1 };
    }
    if (kind === 4) {
      this.byte();
      this.u32();
      return {};
    }
    throw new ReadError(`unknown import kind ${kind}`, this.pos - 1);
  }
}
