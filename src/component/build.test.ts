import { describe, expect, it } from 'vitest';
import { compile } from '../testing';
import watHello from '../languages/wat/examples/hello.wat?raw';
import asHello from '../languages/assemblyscript/examples/hello.ts?raw';
import { componentize, transpile } from './build';
import { isComponent } from './detect';

// wasm-tools and jco's bindgen run here as they run in the compiler worker (both are wasm).
describe(
  'components: component-new with the preview 1 adapter, then jco',
  { timeout: 120_000 },
  () => {
    for (const [language, source] of [
      ['wat', watHello],
      ['assemblyscript', asHello],
    ] as const) {
      it(`builds a ${language} command as a wasi:cli/command component and transpiles it`, async () => {
        const core = await compile(language, source);
        expect(core.ok).toBe(true);
        const b = await componentize(core.wasm!);
        expect(b.error).toBeUndefined();
        expect(b.ok).toBe(true);
        expect(isComponent(b.component!)).toBe(true);
        expect(b.runnable).toBe(true);
        expect(b.wit).toMatch(/export wasi:cli\/run@0\.2\.\d+;/);
        expect(b.wit).toMatch(/import wasi:cli\/stdout@/);
        expect(b.coreBytes).toBe(core.wasm!.byteLength);
        expect(b.adapterBytes).toBeGreaterThan(40_000);
        expect(b.phases.map((p) => p.name)).toEqual(['component-new', 'wit', 'transpile']);
        // The ES module asks for its core modules by name; every one it names is there.
        const asked = [...b.transpiled!.js.matchAll(/'(component\.core\d*\.wasm)'/g)].map(
          (m) => m[1],
        );
        expect(asked.length).toBeGreaterThan(0);
        for (const name of asked) expect(Object.keys(b.transpiled!.cores)).toContain(name);
        // Read again as an opened file: the same world.
        const again = await transpile(b.component!);
        expect(again.ok).toBe(true);
        expect(again.wit).toBe(b.wit);
      });
    }

    it('says what blocks a module, and refuses bytes that are not a module', async () => {
      const wabt = await (await import('wabt')).default();
      const m = wabt.parseWat(
        'x.wat',
        '(module (import "env" "now" (func (result i32))) (func (export "_start")))',
      );
      const b = await componentize(new Uint8Array(m.toBinary({}).buffer));
      expect(b.ok).toBe(false);
      expect(b.error).toMatch(/the import env\.now blocks it/);
      expect((await componentize(new Uint8Array([1, 2, 3]))).error).toMatch(/not a valid module/);
      expect((await transpile(new Uint8Array([0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0, 9]))).ok).toBe(
        false,
      );
    });
  },
);
