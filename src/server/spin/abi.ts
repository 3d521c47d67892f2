/**
 * The canonical ABI's memory side for one instance of a core module (the direct host): strings
 * and lists read from and written into linear memory (allocations through the module's
 * `cabi_realloc`), and the instance's resource table (handles from 1; own handles are taken,
 * borrowed ones looked up). Views are made afresh on each access: memory may grow in any call.
 */
const enc = new TextEncoder();
const dec = new TextDecoder();

export class Abi {
  memory: WebAssembly.Memory | null = null;
  realloc: ((old: number, oldSize: number, align: number, size: number) => number) | null = null;
  private table = new Map<number, unknown>();
  private next = 1;

  /** A fresh instance's: memory and realloc bound, the table empty. */
  reset(memory: WebAssembly.Memory | null, realloc: Abi['realloc']) {
    this.memory = memory;
    this.realloc = realloc;
    this.table.clear();
    this.next = 1;
  }

  get dv() {
    return new DataView(this.memory!.buffer);
  }
  bytes(ptr: number, len: number): Uint8Array {
    return new Uint8Array(this.memory!.buffer, ptr >>> 0, len >>> 0).slice();
  }
  str(ptr: number, len: number): string {
    return dec.decode(new Uint8Array(this.memory!.buffer, ptr >>> 0, len >>> 0));
  }

  /** Copies `b` into guest memory (allocated by the guest); its pointer. */
  alloc(b: Uint8Array, align = 1): number {
    if (b.length === 0) return align;
    const p = this.realloc!(0, 0, align, b.length);
    new Uint8Array(this.memory!.buffer, p, b.length).set(b);
    return p;
  }
  /** A list of `size`-byte elements, zeroed; its pointer. */
  allocList(count: number, size: number, align: number): number {
    if (count === 0) return align;
    const p = this.realloc!(0, 0, align, count * size);
    new Uint8Array(this.memory!.buffer, p, count * size).fill(0);
    return p;
  }

  u8(p: number, v: number) {
    this.dv.setUint8(p, v);
  }
  i32(p: number, v: number) {
    this.dv.setInt32(p, v, true);
  }
  /** Writes a string (ptr at `p`, length at `p + 4`). */
  putStr(p: number, s: string) {
    this.putBytes(p, enc.encode(s));
  }
  putBytes(p: number, b: Uint8Array) {
    const ptr = this.alloc(b);
    this.i32(p, ptr);
    this.i32(p + 4, b.length);
  }
  /** Writes a list<string> (ptr, len at `p`). */
  putStrings(p: number, xs: string[]) {
    const list = this.allocList(xs.length, 8, 4);
    xs.forEach((s, i) => this.putStr(list + 8 * i, s));
    this.i32(p, list);
    this.i32(p + 4, xs.length);
  }

  /** A new handle for `v`. */
  own(v: unknown): number {
    const h = this.next++;
    this.table.set(h, v);
    return h;
  }
  /** The resource behind a borrowed handle (throws on a dead one: the guest traps). */
  get<T>(h: number): T {
    if (!this.table.has(h)) throw new WebAssembly.RuntimeError(`unknown handle ${h}`);
    return this.table.get(h) as T;
  }
  /** Takes an own handle (its resource moves to the host). */
  take<T>(h: number): T {
    const v = this.get<T>(h);
    this.table.delete(h);
    return v;
  }
  drop = (h: number) => void this.table.delete(h);
}

/** Runs `f`; writes result<_, _>'s tag at `ret` (1 when `f` threw a WIT error value). */
export function tryResult<T>(
  abi: Abi,
  ret: number,
  f: () => T,
  ok?: (v: T) => void,
  err?: (e: { tag?: string; val?: unknown }) => void,
) {
  let v: T;
  try {
    v = f();
  } catch (e) {
    if (e instanceof Error) throw e;
    abi.u8(ret, 1);
    err?.((e ?? {}) as { tag?: string; val?: unknown });
    return;
  }
  abi.u8(ret, 0);
  ok?.(v);
}
