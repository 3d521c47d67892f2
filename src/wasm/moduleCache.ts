// Compiled modules kept by content, per runner worker: Run again on an unchanged program
// instantiates without compiling again. (Handlers and the cold-start lab compile once per
// handler or loop in their own workers: src/wasm/memoryPool.ts, FreshInstances.)
import { sameBytes } from '../util/bytes';

/** FNV-1a over the bytes, 32 bits: cheap (≈ 1 ns a byte); a hit is checked byte for byte. */
export function contentHash(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Entry {
  bytes: Uint8Array;
  module: WebAssembly.Module;
}

/** A few compiled modules by content, the last used kept longest. */
export class ModuleCache {
  private readonly entries = new Map<number, Entry>();
  hits = 0;

  constructor(private readonly capacity = 8) {}

  /** The cached module for these bytes, or null. */
  get(bytes: Uint8Array, hash = contentHash(bytes)): WebAssembly.Module | null {
    const e = this.entries.get(hash);
    if (!e || !sameBytes(e.bytes, bytes)) return null;
    // Most recently used goes last (a Map keeps insertion order).
    this.entries.delete(hash);
    this.entries.set(hash, e);
    this.hits++;
    return e.module;
  }

  put(bytes: Uint8Array, module: WebAssembly.Module, hash = contentHash(bytes)): void {
    this.entries.delete(hash);
    // A copy: the caller's bytes may be transferred or changed later.
    this.entries.set(hash, { bytes: bytes.slice(), module });
    while (this.entries.size > this.capacity)
      this.entries.delete(this.entries.keys().next().value!);
  }

  /**
   * The module for these bytes: the cached one, else compiled now (and kept). `cached` says
   * which; `ms` is the compile's time (0 on a hit, apart from the hash and the check).
   */
  async compile(
    bytes: Uint8Array,
  ): Promise<{ module: WebAssembly.Module; cached: boolean; ms: number }> {
    const t0 = performance.now();
    const hash = contentHash(bytes);
    const hit = this.get(bytes, hash);
    if (hit) return { module: hit, cached: true, ms: performance.now() - t0 };
    const module = await WebAssembly.compile(bytes as BufferSource);
    this.put(bytes, module, hash);
    return { module, cached: false, ms: performance.now() - t0 };
  }
}
