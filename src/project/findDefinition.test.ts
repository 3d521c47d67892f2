import { describe, expect, it } from 'vitest';
import { findDefinition, identifierOf } from './findDefinition';

describe('identifierOf', () => {
  it('reads the names the toolchains put in the name section', () => {
    expect(identifierOf('$divide')).toBe('divide');
    expect(identifierOf('_Z6divideii')).toBe('divide');
    expect(identifierOf('_ZN3geo6Circle4areaEv')).toBe('area');
    expect(identifierOf('_ZNK3geo6Circle4areaEv')).toBe('area');
    expect(identifierOf('assembly/index/divide')).toBe('divide');
    expect(identifierOf('main/Foo#bar')).toBe('bar');
    expect(identifierOf('~lib/rt/itcms/__new')).toBe('__new');
  });
});

describe('findDefinition', () => {
  const c = `#include <stdio.h>
int divide(int a, int b);

static int
divide(int a, int b)
{
  return a / b;
}

int main(void) {
  if (divide(1, 0)) return 1;
  return 0;
}
`;
  it('finds a C definition, not its declaration or a call', () => {
    expect(findDefinition({ 'main.c': c }, 'main.c', ['divide'])).toEqual({
      name: 'divide',
      file: 'main.c',
      line: 5,
      column: 1,
    });
  });

  it('skips frames the project does not define (libc) and takes the next', () => {
    expect(
      findDefinition({ 'main.c': c }, 'main.c', ['abort', 'wasm-function[9]', 'main']),
    ).toEqual({ name: 'main', file: 'main.c', line: 10, column: 5 });
  });

  it('finds WAT funcs by $name and AssemblyScript functions and methods', () => {
    const wat =
      '(module\n  (func $div (param i32) (result i32)\n    local.get 0)\n  (func $divide))';
    expect(findDefinition({ 'main.wat': wat }, 'main.wat', ['divide'])?.line).toBe(4);
    const ts =
      'class A {\n  area(): f64 {\n    return 1;\n  }\n}\nexport function divide(a: i32): i32 {\n  return a;\n}\n';
    expect(findDefinition({ 'main.ts': ts }, 'main.ts', ['main/divide'])?.line).toBe(6);
    expect(findDefinition({ 'main.ts': ts }, 'main.ts', ['main/A#area'])?.line).toBe(2);
  });

  it('looks in other files of the project, the entry first', () => {
    const files = {
      'main.cpp': 'int main() { return area(); }\n',
      'geo/shape.cpp': 'double\ngeo::Circle::area() const {\n  return 1;\n}\n',
    };
    expect(findDefinition(files, 'main.cpp', ['_ZNK3geo6Circle4areaEv'])).toMatchObject({
      file: 'geo/shape.cpp',
      line: 2,
    });
  });

  it('says nothing when no frame maps', () => {
    expect(findDefinition({ 'main.c': c }, 'main.c', ['wasm-function[3]', 'abort'])).toBeNull();
  });
});
