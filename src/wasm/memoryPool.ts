/**
 * Pooled linear memories for fresh instances, as Wasmtime's pooling instance allocator gives them
 * (Spin's engine turns it on): an instance still gets a linear memory no other live instance
 * holds, zeroed, at the module's initial size, with its data segments written by instantiation;
 * but the memory is one the worker made before, not a new reservation of address space.
 *
 * Why: in V8 a module's own memory is a fresh reservation (several GiB of address space with its
 * guard region) freed only by a garbage collection, and the engine runs a full GC whenever those
 * reservations pile up. Measured in this Chromium (a bare `new WebAssembly.Instance` loop on the
 * 148-byte WAT hello world, in a warm worker): 7,500–8,000 instances/s with the module's own
 * memory, 85,000–110,000/s with a memory given as an import and zeroed before each instance.
 *
 * How: the module's bytes are rewritten once so that its one memory is imported
 * (`"playground:pool" "memory"`) instead of defined; the memory index space is unchanged
 * (imported memories come first and there was only the one). The user's module is never changed:
 * the rewrite is only what the runner worker compiles for the cold-start lab and handlers.
 */

/** Import module and field the rewritten module asks its memory from. */
export const POOL_MODULE = 'playground:pool';
export const POOL_FIELD = 'memory';
/** Memories larger than this are not pooled: zeroing them would cost more than a fresh one. */
export const MAX_POOLED_BYTES = 4 * 1024 * 1024;
const PAGE = 65536;

/** What the rewrite made: the bytes to compile, and the memory type to give them. */
export interface PoolableModule {
  wasm: Uint8Array;
  initialPages: number;
  maximumPages?: number;
}

function readU32(b: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    if (i >= b.length) throw new Error('unexpected end');
    const byte = b[i++];
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) break;
    shift += 7;
    if (shift > 28) throw new Error('LEB128 too long');
  }
  return [value, i];
}

function u32(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function name(s: string): number[] {
  const b = [...new TextEncoder().encode(s)];
  return [...u32(b.length), ...b];
}

function section(id: number, body: number[] | Uint8Array): Uint8Array {
  const size = u32(body.length);
  const out = new Uint8Array(1 + size.length + body.length);
  out[0] = id;
  out.set(size, 1);
  out.set(body, 1 + size.length);
  return out;
}

/**
 * The module rewritten to import its memory, or null when it cannot be pooled: no memory of its
 * own, more than one, a shared or 64-bit memory (or custom page sizes), or a memory larger than
 * MAX_POOLED_BYTES. (A module that imports a memory as well as defining one
 * is told apart by its compile: see FreshInstances.)
 */
export function poolableModule(wasm: Uint8Array): PoolableModule | null {
  if (wasm.length < 8) return null;
  try {
    const sections: { id: number; start: number; end: number; body: number }[] = [];
    let at = 8;
    while (at < wasm.length) {
      const id = wasm[at];
      const [size, body] = readU32(wasm, at + 1);
      const end = body + size;
      if (end > wasm.length) return null;
      sections.push({ id, start: at, end, body });
      at = end;
    }
    const mems = sections.filter((s) => s.id === 5);
    if (mems.length !== 1) return null;
    const mem = mems[0];
    const [count, lim] = readU32(wasm, mem.body);
    if (count !== 1) return null;
    const flags = wasm[lim];
    if (flags !== 0 && flags !== 1) return null;
    const [initialPages, next] = readU32(wasm, lim + 1);
    const maximumPages = flags === 1 ? readU32(wasm, next)[0] : undefined;
    if (initialPages * PAGE > MAX_POOLED_BYTES) return null;
    // The import entry: module, field, kind 0x02 (memory), the same limits.
    const entry = [
      ...name(POOL_MODULE),
      ...name(POOL_FIELD),
      0x02,
      flags,
      ...u32(initialPages),
      ...(maximumPages !== undefined ? u32(maximumPages) : []),
    ];
    const imp = sections.find((s) => s.id === 2);
    let newImports: Uint8Array;
    if (imp) {
      const [n, rest] = readU32(wasm, imp.body);
      newImports = section(2, [...u32(n + 1), ...wasm.subarray(rest, imp.end), ...entry]);
    } else newImports = section(2, [1, ...entry]);
    const parts: Uint8Array[] = [wasm.subarray(0, 8)];
    // A new import section goes before the first known section after the type section.
    let placed = false;
    for (const s of sections) {
      if (s === mem) continue;
      if (s === imp) {
        parts.push(newImports);
        placed = true;
        continue;
      }
      if (!placed && s.id !== 0 && s.id !== 1) {
        parts.push(newImports);
        placed = true;
      }
      parts.push(wasm.subarray(s.start, s.end));
    }
    if (!placed) parts.push(newImports);
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return { wasm: out, initialPages, maximumPages };
  } catch {
    return null;
  }
}

/** A pooled memory with its byte view (made once). */
export interface PooledMemory {
  memory: WebAssembly.Memory;
  bytes: Uint8Array;
}

/**
 * Linear memories of one type, handed to one instance at a time. `take` gives a memory at its
 * initial size with every byte zero; `give` takes it back once its instance is done (a memory the
 * instance grew is dropped: it cannot shrink).
 */
export class MemoryPool {
  private free: PooledMemory[] = [];
  private readonly size: number;
  /** Memories made (the rest of the takes reused one). */
  made = 0;

  constructor(
    private readonly type: { initialPages: number; maximumPages?: number },
    private readonly keep = 4,
  ) {
    this.size = type.initialPages * PAGE;
  }

  take(): PooledMemory {
    const m = this.free.pop();
    if (m) {
      // Zeroed on the way out, so that no byte of the last instance can reach the next.
      m.bytes.fill(0);
      return m;
    }
    this.made++;
    const memory = new WebAssembly.Memory({
      initial: this.type.initialPages,
      ...(this.type.maximumPages !== undefined ? { maximum: this.type.maximumPages } : {}),
    });
    return { memory, bytes: new Uint8Array(memory.buffer) };
  }

  give(m: PooledMemory): void {
    if (m.memory.buffer.byteLength !== this.size || this.free.length >= this.keep) return;
    this.free.push(m);
  }
}

/**
 * Fresh instances of one module, with pooled memories when the module can take one (and
 * `pooled` is asked), else each with a memory of its own making.
 */
export class FreshInstances {
  /** What to compile: the module, rewritten to import its memory when pooled. */
  readonly bytes: Uint8Array;
  readonly module: WebAssembly.Module;
  readonly pool: MemoryPool | null = null;
  /** The imports given to every instance: the caller's, plus the pool's entry. */
  private readonly poolEntry: Record<string, WebAssembly.Memory> = {};

  /** Compiles `wasm` (throws its compile error as `new WebAssembly.Module` does). */
  constructor(wasm: Uint8Array, pooled: boolean) {
    const rewritten = pooled ? poolableModule(wasm) : null;
    let mod: WebAssembly.Module | null = null;
    if (rewritten) {
      try {
        mod = new WebAssembly.Module(rewritten.wasm as BufferSource);
        // A module that imported a memory of its own now imports two: not poolable.
        if (WebAssembly.Module.imports(mod).filter((i) => i.kind === 'memory').length !== 1)
          mod = null;
      } catch {
        mod = null; // the original's own compile error is the one to show
      }
    }
    if (mod && rewritten) {
      this.bytes = rewritten.wasm;
      this.module = mod;
      this.pool = new MemoryPool(rewritten);
    } else {
      this.bytes = wasm;
      this.module = new WebAssembly.Module(wasm as BufferSource);
    }
  }

  /**
   * A new instance of `mod` (this.module, or a compile of this.bytes) with `imports` and, when
   * pooled, a memory from the pool; give `memory` back with `release` once the instance is done.
   */
  instantiate(
    imports: WebAssembly.Imports,
    mod: WebAssembly.Module = this.module,
  ): {
    instance: WebAssembly.Instance;
    memory: WebAssembly.Memory | null;
    pooled: PooledMemory | null;
  } {
    if (!this.pool) {
      const instance = new WebAssembly.Instance(mod, imports);
      const memory = instance.exports.memory;
      return {
        instance,
        memory: memory instanceof WebAssembly.Memory ? memory : null,
        pooled: null,
      };
    }
    const pooled = this.pool.take();
    this.poolEntry[POOL_FIELD] = pooled.memory;
    imports[POOL_MODULE] = this.poolEntry;
    try {
      return { instance: new WebAssembly.Instance(mod, imports), memory: pooled.memory, pooled };
    } catch (e) {
      this.pool.give(pooled);
      throw e;
    }
  }

  release(pooled: PooledMemory | null): void {
    if (pooled) this.pool?.give(pooled);
  }
}
