import wabtInit from 'wabt';
import { describe, expect, it } from 'vitest';
import { moduleFunctions } from './instrument';
import { watLines } from './watLines';

const wabt = await wabtInit();
const SOURCE = `(module
  (import "env" "f" (func $f (param i32)))
  ;; a comment (with parens)
  (func $add (param $a i32) (param $b i32) (result i32)
    (i32.add (local.get $a) (local.get $b)))
  (func $flat (param i32) (result i32)
    local.get 0
    if (result i32)
      i32.const 1
    else
      i32.const 2
    end)
  (func (export "main") (local $x i32)
    (local.set $x (call $add (i32.const 40) (i32.const 2)))
    (if (local.get $x)
      (then (call $f (local.get $x)))
      (else (call $f (i32.const 0))))))`;

describe('WAT instruction places', () => {
  it('pairs every instruction of the binary with its place in the text, folded or flat', () => {
    const m = wabt.parseWat('t.wat', SOURCE);
    const wasm = new Uint8Array(m.toBinary({}).buffer);
    m.destroy();
    const map = watLines(SOURCE, moduleFunctions(wasm).bodies)!;
    const at = (o: number) => {
      const p = map.placeOf(o)!;
      return `${p.line}:${SOURCE.split('\n')[p.line - 1].slice(p.column - 1, p.column - 1 + p.length)}`;
    };
    const names = map.sites.map(at);
    expect(names).toEqual([
      // $add: the operands, then the add
      '5:local.get',
      '5:local.get',
      '5:i32.add',
      // $flat
      '7:local.get',
      '8:if',
      '9:i32.const',
      '10:else',
      '11:i32.const',
      '12:end',
      // main
      '14:i32.const',
      '14:i32.const',
      '14:call',
      '14:local.set',
      '15:local.get',
      '15:if',
      '16:local.get',
      '16:call',
      '17:(else',
      '17:i32.const',
      '17:call',
      '15:if',
    ]);
    expect(map.breakpoint(13)).toEqual({ line: 14, offsets: [map.sites[9]] });
    expect(map.breakpoint(99)).toBeNull();
  });
});
