// Writing wasm binary pieces: LEB128 numbers, vectors and sections.

/** An unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}

/** A signed LEB128 (i32.const, block types as s33). */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n = Math.floor(n / 128);
    const done = (n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}

/** Concatenates byte arrays. */
export function concat(parts: (Uint8Array | number[])[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A vector: its length, then its items. */
export const vec = (items: (Uint8Array | number[])[]): Uint8Array =>
  concat([uleb(items.length), ...items]);

/** A section: its id, its size, its content. */
export const section = (id: number, content: Uint8Array): Uint8Array =>
  concat([[id], uleb(content.length), content]);

/** A name as wasm writes one (length, UTF-8). */
export function name(s: string): Uint8Array {
  const b = new TextEncoder().encode(s);
  return concat([uleb(b.length), b]);
}
