import { describe, expect, it } from 'vitest';
import { ATE, type Type } from './dwarf/types';
import { evaluate, WatchError, type Binding } from './watch';

const INT: Type = { kind: 'base', name: 'int', size: 4, encoding: ATE.signed };
const CHAR: Type = { kind: 'base', name: 'char', size: 1, encoding: ATE.signedChar };
const DOUBLE: Type = { kind: 'base', name: 'double', size: 8, encoding: ATE.float };
const POINT: Type = {
  kind: 'struct',
  name: 'struct point',
  size: 8,
  members: [
    { name: 'x', offset: 0, type: INT },
    { name: 'y', offset: 4, type: INT },
  ],
};
const ptr = (target: Type): Type => ({
  kind: 'pointer',
  name: `${target.name} *`,
  size: 4,
  target,
});
const ARR: Type = { kind: 'array', name: 'int[3]', size: 12, element: INT, count: 3 };

// Memory: a point {3, 4} at 16, int[3] {10, 20, 30} at 32, "box" at 64, a pointer to the point
// at 80, a double 2.5 at 88, and an int 7 at 100.
const mem = new Uint8Array(128);
const dv = new DataView(mem.buffer);
dv.setInt32(16, 3, true);
dv.setInt32(20, 4, true);
[10, 20, 30].forEach((v, i) => dv.setInt32(32 + i * 4, v, true));
mem.set(new TextEncoder().encode('box\0'), 64);
dv.setUint32(80, 16, true);
dv.setFloat64(88, 2.5, true);
dv.setInt32(100, 7, true);
const read = (a: number, n: number) => (a + n <= mem.length ? mem.slice(a, a + n) : null);
const scope = new Map<string, Binding>([
  ['pt', { type: POINT, address: 16 }],
  ['nums', { type: ARR, address: 32 }],
  ['name', { type: ptr(CHAR), address: 120 }],
  ['p', { type: ptr(POINT), address: 80 }],
  ['d', { type: DOUBLE, address: 88 }],
  ['x', { type: INT, address: 100 }],
  ['gone', { type: INT, address: null }],
  ['l', { type: INT, address: null, value: 5 }],
]);
dv.setUint32(120, 64, true);
const ev = (e: string) => evaluate(e, (n) => scope.get(n) ?? null, read);

describe('watch expressions', () => {
  it('evaluates C over the frame: arithmetic, members, pointers, arrays, floats, locals', () => {
    expect(ev('x*x+1').value).toBe('50');
    expect(ev('(x - 10) / 2').value).toBe('-1');
    expect(ev('x % 4 == 3 && x > 0').value).toBe('1');
    expect(ev('pt.x + pt.y').value).toBe('7');
    expect(ev('p->y').value).toBe('4');
    expect(ev('(*p).x').value).toBe('3');
    expect(ev('nums[2]').value).toBe('30');
    expect(ev('*(nums + 1)').value).toBe('20');
    expect(ev('name[1]').text).toBe("111 'o'");
    expect(ev('*name').value).toBe('98');
    expect(ev('d * 2').value).toBe('5');
    expect(ev('&pt').value).toBe('0x00000010');
    expect(ev('l + 1').value).toBe('6');
    expect(ev("'A' + 1").value).toBe('66');
    expect(ev('0x10 << 1').value).toBe('32');
    // A struct as a whole, expandable.
    expect(ev('pt').text).toBe('{x: 3, y: 4}');
    expect(ev('*p').children!().map((c) => c.value)).toEqual(['3', '4']);
  });

  it('says why an expression cannot be evaluated', () => {
    const why = (e: string) => {
      try {
        ev(e);
        return 'no error';
      } catch (err) {
        expect(err).toBeInstanceOf(WatchError);
        return (err as Error).message;
      }
    };
    expect(why('nope + 1')).toBe('"nope" is not in scope');
    expect(why('gone')).toBe('"gone" is optimised out');
    expect(why('x / 0')).toBe('division by zero');
    expect(why('pt.z')).toBe('struct point has no member "z"');
    expect(why('*x')).toBe('cannot dereference an int');
    expect(why('x +')).toBe('expression ends too soon');
    expect(why('(x')).toBe('expected ")"');
    expect(why('x $ 1')).toMatch(/unexpected/);
    expect(why('')).toBe('empty expression');
  });
});
