import wabtInit from 'wabt';
import { describe, expect, it } from 'vitest';
import { BinaryReader } from 'wasmparser/dist/esm/WasmParser.js';
import { HOOKS, instrument } from './instrument';

const wabt = await wabtInit();
function wat(text: string): Uint8Array {
  const m = wabt.parseWat('t.wat', text, { exceptions: true, tail_call: true });
  try {
    return new Uint8Array(m.toBinary({ write_debug_names: true }).buffer);
  } finally {
    m.destroy();
  }
}

/** Every instruction's offset in a module (wasmparser), the markers included. */
function operatorOffsets(bytes: Uint8Array): number[] {
  const r = new BinaryReader();
  r.setData(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength, true);
  const out: number[] = [];
  let before = r.position;
  while (r.read()) {
    if ((r.state as number) === 30) out.push(before);
    before = r.position;
  }
  return out;
}

const PROGRAM = `(module
  (import "env" "print" (func $print (param i32)))
  (func $fact (param $n i32) (result i32)
    (if (result i32) (i32.le_s (local.get $n) (i32.const 1))
      (then (i32.const 1))
      (else (i32.mul (local.get $n) (call $fact (i32.sub (local.get $n) (i32.const 1)))))))
  (func $early (param i32) (result i32)
    (block $out
      (br_if $out (local.get 0))
      (return (i32.const 7)))
    (br 0 (i32.const 9)))
  (func $pair (result i32 i32) (i32.const 1) (i32.const 2))
  (func $boom (unreachable))
  (table 2 funcref)
  (elem (i32.const 0) $fact $early)
  (global $g funcref (ref.func $pair))
  (func (export "main") (param i32) (result i32)
    (call $print (call $fact (i32.const 5)))
    (call $print (call $early (i32.const 0)))
    (call $print (call $early (i32.const 1)))
    (call $print (call_indirect (param i32) (result i32) (i32.const 4) (i32.const 0)))
    (drop (drop (call $pair)))
    (if (local.get 0) (then (call $boom)))
    (i32.const 0))
  (export "fact" (func $fact)))`;

type Hooks = { step: number[]; leave: number[]; depth?: number };

async function run(bytes: Uint8Array, arg = 0, hooks?: Hooks) {
  const printed: number[] = [];
  const imports: WebAssembly.Imports = { env: { print: (x: number) => void printed.push(x) } };
  if (hooks)
    imports.dbg = {
      step: (o: number) => void hooks.step.push(o),
      leave: (f: number) => void hooks.leave.push(f),
      poll: () => {},
      local_i32: () => {},
      local_i64: () => {},
      local_f32: () => {},
      local_f64: () => {},
    };
  const { instance } = (await WebAssembly.instantiate(bytes, imports)) as unknown as {
    instance: WebAssembly.Instance;
  };
  // Every site and every exit calls the host.
  const limit = instance.exports.__dbg_limit as WebAssembly.Global | undefined;
  if (limit) limit.value = 0x7fffffff;
  const result = (instance.exports.main as (x: number) => number)(arg);
  if (hooks) hooks.depth = Number((instance.exports.__dbg_depth as WebAssembly.Global).value);
  return { printed, result };
}

describe('the debug instrumenter', () => {
  it('makes a module that validates and computes what the original does', async () => {
    const original = wat(PROGRAM);
    const out = instrument(original);
    expect(WebAssembly.validate(out.wasm as BufferSource)).toBe(true);
    const hooks: Hooks = { step: [], leave: [] };
    expect(await run(out.wasm, 0, hooks)).toEqual(await run(original));
    expect((await run(original)).printed).toEqual([120, 7, 9, 24]);
    // Every entry has its exit (returns and branches out of the body included): main's own
    // exit brings the depth back to 0.
    expect(hooks.depth).toBe(0);
    // fact(5) recurses 5 deep; through the table, fact(4) 4 deep.
    expect(hooks.leave.filter((f) => f === 1).length).toBe(9);
  });

  it('reports original offsets, and maps the new offsets back', async () => {
    const original = wat(PROGRAM);
    const offsets = new Set(operatorOffsets(original));
    const out = instrument(original);
    const hooks: Hooks = { step: [], leave: [] };
    await run(out.wasm, 0, hooks);
    expect(hooks.step.length).toBeGreaterThan(50);
    for (const o of hooks.step) expect(offsets.has(o)).toBe(true);
    // A trap's position in the instrumented module is the unreachable's in the original.
    const unreachable = operatorOffsets(original).find((o) => original[o] === 0x00)!;
    const err = await run(out.wasm, 1, { step: [], leave: [] }).catch((e: Error) => e);
    const at = /wasm-function\[\d+\]:0x([0-9a-f]+)/.exec(String((err as Error).stack))![1];
    expect(out.toOriginal(parseInt(at, 16))).toBe(unreachable);
  });

  it('steps only where asked, and keeps the function names', () => {
    const original = wat(PROGRAM);
    const none = instrument(original, () => false);
    expect(none.steps).toBe(0);
    expect(WebAssembly.validate(none.wasm as BufferSource)).toBe(true);
    const mod = new WebAssembly.Module(none.wasm as BufferSource);
    expect(WebAssembly.Module.imports(mod).map((i) => `${i.module}.${i.name}`)).toEqual([
      'env.print',
      'dbg.step',
      'dbg.leave',
      'dbg.poll',
      'dbg.local_i32',
      'dbg.local_i64',
      'dbg.local_f32',
      'dbg.local_f64',
    ]);
    // The globals the host drives, and no breakpoint flag where there are no sites.
    expect(WebAssembly.Module.exports(mod).map((e) => e.name)).toEqual([
      'main',
      'fact',
      '__dbg_depth',
      '__dbg_limit',
      '__dbg_tick',
    ]);
    expect(none.originalFunction(1 + HOOKS.length)).toBe(1);
    expect(none.originalFunction(2)).toBe(-1);
    const text = wabt.readWasm(none.wasm, { readDebugNames: true });
    text.applyNames();
    const printed = text.toText({});
    text.destroy();
    expect(printed).toContain('(func $fact');
    expect(printed).toContain('call $fact');
  });
});

describe('the debug instrumenter on real toolchains’ output', () => {
  const modules = [
    // wasm-tools' preview 1 adapter (Rust), MicroPython (Emscripten: padded LEB128 immediates
    // from wasm-ld, call_indirect's table index among them), ruff's formatter (Rust, wasm-bindgen).
    'src/component/wasi_snapshot_preview1.command.wasm',
    'node_modules/@micropython/micropython-webassembly-pyscript/micropython.wasm',
    'node_modules/@wasm-fmt/ruff_fmt/ruff_fmt_bg.wasm',
  ];
  for (const file of modules)
    it(`${file.split('/').pop()}: every instruction stepped, and it validates`, async () => {
      const { readFileSync } = await import('node:fs');
      const bytes = new Uint8Array(readFileSync(file));
      const out = instrument(bytes);
      expect(out.steps).toBeGreaterThan(1000);
      expect(WebAssembly.validate(out.wasm as BufferSource)).toBe(true);
      // Instruction level too: every function's locals and value stack saved at every site.
      const all = instrument(bytes, undefined, undefined, () => true);
      expect(WebAssembly.validate(all.wasm as BufferSource)).toBe(true);
    }, 60_000);
});
