import { describe, expect, it } from 'vitest';
import { contentHash, ModuleCache } from './moduleCache';

// (module) and (module (func)) — two tiny valid modules.
const EMPTY = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
const ONE_FUNC = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 4, 1, 2, 0, 11,
]);

describe('ModuleCache', () => {
  it('compiles once per content and hands the same module back', async () => {
    const cache = new ModuleCache();
    const a = await cache.compile(EMPTY);
    const b = await cache.compile(EMPTY.slice());
    expect(a.cached).toBe(false);
    expect(b.cached).toBe(true);
    expect(b.module).toBe(a.module);
    const c = await cache.compile(ONE_FUNC);
    expect(c.cached).toBe(false);
    expect(c.module).not.toBe(a.module);
  });

  it('keeps its own copy: changing the caller’s bytes later changes nothing', async () => {
    const cache = new ModuleCache();
    const bytes = ONE_FUNC.slice();
    await cache.compile(bytes);
    bytes[bytes.length - 1] = 0x0f; // no longer the same module
    expect(cache.get(bytes)).toBeNull();
    expect(cache.get(ONE_FUNC)).not.toBeNull();
  });

  it('a hash collision is not a hit (bytes are compared)', () => {
    const cache = new ModuleCache();
    const m = new WebAssembly.Module(EMPTY);
    cache.put(EMPTY, m, 42);
    expect(cache.get(ONE_FUNC, 42)).toBeNull();
    expect(cache.get(EMPTY, 42)).toBe(m);
  });

  it('forgets the least recently used past its capacity', async () => {
    const cache = new ModuleCache(1);
    await cache.compile(EMPTY);
    await cache.compile(ONE_FUNC);
    expect(cache.get(EMPTY)).toBeNull();
    expect(cache.get(ONE_FUNC)).not.toBeNull();
  });

  it('hashes content, not identity', () => {
    expect(contentHash(EMPTY)).toBe(contentHash(EMPTY.slice()));
    expect(contentHash(EMPTY)).not.toBe(contentHash(ONE_FUNC));
  });
});
