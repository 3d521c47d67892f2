import { describe, expect, it } from 'vitest';
import { compile } from '../testing';
import { cMeta } from '../languages/c/meta';
import {
  FreshInstances,
  MAX_POOLED_BYTES,
  MemoryPool,
  POOL_FIELD,
  POOL_MODULE,
  poolableModule,
} from './memoryPool';

async function wat(src: string): Promise<Uint8Array> {
  const r = await compile('wat', src);
  expect(r.ok, r.log).toBe(true);
  return r.wasm!;
}

// Keeps a byte of memory across calls: `poke` writes 0x2a at 100, `peek` reads it.
const counter = `(module
  (import "host" "log" (func $log (param i32)))
  (memory (export "memory") 1 3)
  (data (i32.const 16) "hi")
  (func (export "poke") (i32.store8 (i32.const 100) (i32.const 42)))
  (func (export "peek") (result i32) (i32.load8_u (i32.const 100)))
  (func (export "data") (result i32) (i32.load8_u (i32.const 16)))
  (func (export "grow") (drop (memory.grow (i32.const 1))))
  (func (export "size") (result i32) (memory.size)))`;

describe('pooled memories (a module rewritten to import its memory)', () => {
  it('rewrites the memory into an import of the same type; exports and indices keep working', async () => {
    const wasm = await wat(counter);
    const p = poolableModule(wasm)!;
    expect(p).not.toBeNull();
    expect(p.initialPages).toBe(1);
    expect(p.maximumPages).toBe(3);
    const mod = new WebAssembly.Module(p.wasm as BufferSource);
    expect(WebAssembly.Module.imports(mod)).toEqual([
      { module: 'host', name: 'log', kind: 'function' },
      { module: POOL_MODULE, name: POOL_FIELD, kind: 'memory' },
    ]);
    expect(WebAssembly.Module.exports(mod)).toEqual(
      WebAssembly.Module.exports(new WebAssembly.Module(wasm as BufferSource)),
    );
  });

  it('adds an import section where the module had none', async () => {
    const wasm = await wat(`(module (memory 2) (func (export "size") (result i32) (memory.size)))`);
    const fresh = new FreshInstances(wasm, true);
    expect(fresh.pool).not.toBeNull();
    const { instance, memory } = fresh.instantiate({});
    expect((instance.exports.size as () => number)()).toBe(2);
    expect(memory!.buffer.byteLength).toBe(2 * 65536);
  });

  it('every instance sees a zeroed memory with its data segments, even after the last wrote to it', async () => {
    const fresh = new FreshInstances(await wat(counter), true);
    const imports = () => ({ host: { log: () => {} } });
    const a = fresh.instantiate(imports());
    const ea = a.instance.exports as Record<string, () => number>;
    expect(ea.peek()).toBe(0);
    ea.poke();
    expect(ea.peek()).toBe(42);
    expect(ea.data()).toBe('h'.charCodeAt(0));
    new Uint8Array(a.memory!.buffer).fill(7, 200, 60000);
    fresh.release(a.pooled);
    const b = fresh.instantiate(imports());
    // The same memory object, given again …
    expect(b.memory).toBe(a.memory);
    expect(b.instance.exports.memory).toBe(b.memory);
    const eb = b.instance.exports as Record<string, () => number>;
    // … zeroed, with the data segment written again by instantiation.
    expect(eb.peek()).toBe(0);
    expect(eb.data()).toBe('h'.charCodeAt(0));
    const bytes = new Uint8Array(b.memory!.buffer);
    expect(bytes.slice(200, 60000).every((x) => x === 0)).toBe(true);
    expect(fresh.pool!.made).toBe(1);
  });

  it('a memory its instance grew is not given again', async () => {
    const fresh = new FreshInstances(await wat(counter), true);
    const a = fresh.instantiate({ host: { log: () => {} } });
    (a.instance.exports.grow as () => void)();
    fresh.release(a.pooled);
    const b = fresh.instantiate({ host: { log: () => {} } });
    expect(b.memory).not.toBe(a.memory);
    expect((b.instance.exports.size as () => number)()).toBe(1);
    expect(fresh.pool!.made).toBe(2);
  });

  it('two instances alive at once never share a memory', () => {
    const pool = new MemoryPool({ initialPages: 1 });
    const a = pool.take();
    const b = pool.take();
    expect(a.memory).not.toBe(b.memory);
    pool.give(a);
    expect(pool.take().memory).toBe(a.memory);
  });

  it('leaves alone what cannot be pooled: no memory, a shared or imported one, a large one', async () => {
    expect(poolableModule(await wat(`(module (func (export "_start")))`))).toBeNull();
    // (memory 1 1 shared): limits flags 0x03.
    const shared = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 5, 4, 1, 3, 1, 1]);
    expect(poolableModule(shared)).toBeNull();
    expect(poolableModule(shared.map((b, i) => (i === 11 ? 1 : b)))).not.toBeNull();
    const imported = await wat(`(module (import "env" "memory" (memory 1)))`);
    expect(poolableModule(imported)).toBeNull();
    const big = MAX_POOLED_BYTES / 65536 + 1;
    expect(poolableModule(await wat(`(module (memory ${big}))`))).toBeNull();
    // Not poolable: FreshInstances compiles the module as it is.
    const fresh = new FreshInstances(await wat(`(module (memory (export "memory") ${big}))`), true);
    expect(fresh.pool).toBeNull();
    expect(fresh.instantiate({}).memory!.buffer.byteLength).toBe(big * 65536);
    // A module that is not valid throws its own compile error.
    expect(
      () => new FreshInstances(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 5, 1]), true),
    ).toThrow(WebAssembly.CompileError);
  });

  it('pools the C hello handler (clang + wasi-libc)', { timeout: 120_000 }, async () => {
    const src = cMeta.examples.find((e) => e.id === 'handler-hello')!.source;
    const r = await compile('c', src);
    expect(r.ok, r.log).toBe(true);
    const p = poolableModule(r.wasm!);
    expect(p).not.toBeNull();
    expect(p!.initialPages).toBeGreaterThan(0);
  });
});
