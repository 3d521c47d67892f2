import wabtInit from 'wabt';
import { describe, expect, it } from 'vitest';
import { DebugHost } from './host';
import { instrument } from './instrument';

const wabt = await wabtInit();
const wat = (text: string) => {
  const m = wabt.parseWat('t.wat', text);
  try {
    return new Uint8Array(m.toBinary({}).buffer);
  } finally {
    m.destroy();
  }
};

const PROGRAM = `(module
  (func $f (param $a i32) (param $b f64) (result f64)
    (f64.add (f64.convert_i32_s (i32.mul (local.get $a) (i32.const 3))) (local.get $b)))
  (func (export "main") (result f64)
    (block (result f64)
      (call $f (i32.const 7) (f64.const 0.5)))))`;

describe('the value stack at an instruction-level pause', () => {
  it('is saved, shown and put back: the program computes what it did', () => {
    const original = wat(PROGRAM);
    const out = instrument(original, undefined, undefined, () => true);
    expect(WebAssembly.validate(out.wasm as BufferSource)).toBe(true);
    const seen: string[] = [];
    const host = new DebugHost(null, out, () => {}, {
      stopAtEntry: true,
      answer: (e) => {
        const stack = (e.locals ?? []).filter((l) => l.index < 0);
        stack.sort((x, y) => y.index - x.index);
        seen.push(stack.map((l) => `${l.type}:${l.value}`).join(' '));
        return { kind: 'into' };
      },
    });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(out.wasm as BufferSource), {
      dbg: host.hooks,
    });
    host.bind(instance);
    expect((instance.exports.main as () => number)()).toBe(21.5);
    // Before i32.mul: 7 and 3; before f64.add: 21 and 0.5.
    expect(seen).toContain('i32:7 i32:3');
    expect(seen).toContain('f64:21 f64:0.5');
  });
});
