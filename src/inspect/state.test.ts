// The inspector's state: which module it shows, and what its sizes are compared with. The
// inspect worker's functions run in the test's own thread (the real parser on real modules).
import { describe, expect, it, vi } from 'vitest';
import { compile } from '../testing';
import { useStore } from '../store/store';
import { inspectModule } from './inspection';
import { useInspect, watchInspections } from './state';
import { WatDocument } from './watDocument';

vi.mock('./client', () => ({
  inspectCall: <T>(call: (api: unknown) => Promise<T>) =>
    call({
      inspect: (wasm: Uint8Array) => inspectModule(wasm),
      watOpen: async (key: number, wasm: Uint8Array) => new WatDocument(key, wasm).summary(),
    }),
}));

const WAT = (fns: number) => `(module
  (memory (export "memory") 1)
  ${Array.from({ length: fns }, (_, i) => `(func $f${i} (result i32) i32.const ${i})`).join('\n  ')}
  (func (export "_start")))`;

async function build(fns: number): Promise<Uint8Array> {
  const r = await compile('wat', WAT(fns));
  if (!r.ok) throw new Error(r.log);
  return r.wasm!;
}

const settled = () => vi.waitFor(() => expect(useInspect.getState().busy).toBe(false));

describe('inspector state', () => {
  it('compares a build with the same project’s previous build, an opened module with nothing', async () => {
    const stop = watchInspections();
    const patch = useStore.getState().patchRun;
    patch({ status: 'idle', wasm: await build(2), wasmBuilt: true });
    await settled();
    expect(useInspect.getState().totalDelta).toBeNull();
    patch({ wasm: await build(4), wasmBuilt: true });
    await settled();
    expect(useInspect.getState().totalDelta).toBeGreaterThan(0);
    expect(useInspect.getState().added.size).toBeGreaterThan(0);
    // An opened file: no deltas, no "removed" rows, whatever was built before.
    patch({ wasm: await build(1), wasmBuilt: false });
    await settled();
    expect(useInspect.getState().totalDelta).toBeNull();
    expect(useInspect.getState().removed).toEqual([]);
    expect(useInspect.getState().deltas).toEqual({});
    // …and it does not become the project's "previous build".
    patch({ wasm: await build(4), wasmBuilt: true });
    await settled();
    expect(useInspect.getState().totalDelta).toBe(0);
    stop();
  });

  it('a running module is inspected when its run ends, not before', async () => {
    const stop = watchInspections();
    const patch = useStore.getState().patchRun;
    const wasm = await build(3);
    patch({ status: 'running', wasm, wasmBuilt: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(useInspect.getState().wasm).not.toBe(wasm);
    patch({ status: 'idle' });
    await settled();
    expect(useInspect.getState().wasm).toBe(wasm);
    expect(useInspect.getState().inspection?.sizes.total).toBe(wasm.byteLength);
    stop();
  });
});
