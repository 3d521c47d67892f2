import { describe, expect, it } from 'vitest';
import { run } from '../testing';
import { checkMagic } from './runWasi';

describe('runWasi', () => {
  it('rejects bytes that are not wasm with a clear message', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(checkMagic(png)).toMatch(/bad magic/);
    expect((await run(png)).error).toMatch(/not a WebAssembly module: bad magic/);
    expect((await run(new Uint8Array([0, 0x61]))).error).toMatch(/only 2 bytes/);
  });

  it('reports an engine validation error for a corrupt module', async () => {
    const bytes = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0x01, 0x05, 0xff]);
    const r = await run(bytes);
    expect(r.error).toMatch(/^invalid module: /);
  });

  it('refuses a module without _start', async () => {
    const empty = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    expect((await run(empty)).error).toMatch(/no _start/);
  });
});

describe('warm-up module', () => {
  it('is a valid WASI command that prints ok', async () => {
    const { warmupWasm } = await import('./warmup');
    const r = await run(warmupWasm());
    expect(r.stdout).toBe('ok\n');
    expect(r.exitCode).toBe(0);
  });
});
