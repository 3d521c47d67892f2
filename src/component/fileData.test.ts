import { describe, expect, it } from 'vitest';
import { fromFileData, toFileData } from './fileData';
import { componentBlocker, isComponent, worldOf } from './detect';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('component helpers', () => {
  it('turns project files into the in-memory tree and back', () => {
    const files = { 'a.txt': bytes('A'), 'd/e/f.txt': bytes('F'), 'empty/': new Uint8Array() };
    const tree = toFileData(files);
    expect(tree.dir!['d'].dir!['e'].dir!['f.txt'].source).toEqual(bytes('F'));
    // The adapter writes into the tree; the run's result is read back from it.
    tree.dir!['new.txt'] = { source: bytes('N') };
    expect(fromFileData(tree)).toEqual({ ...files, 'new.txt': bytes('N') });
  });

  it('tells a component from a core module by its layer', () => {
    expect(isComponent(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))).toBe(false);
    expect(isComponent(new Uint8Array([0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0]))).toBe(true);
    expect(isComponent(new Uint8Array([1, 2, 3]))).toBe(false);
  });

  it('names the import that keeps a module from becoming a command component', () => {
    const start = [{ name: '_start', kind: 'function' }];
    const p1 = { module: 'wasi_snapshot_preview1', name: 'fd_write', kind: 'function' };
    expect(componentBlocker([p1], start)).toBeNull();
    expect(
      componentBlocker([p1, { module: 'env', name: 'js_log', kind: 'function' }], start),
    ).toMatch(/env\.js_log/);
    expect(componentBlocker([p1], [])).toMatch(/no _start/);
  });

  it('reads the world and whether it runs from WIT', () => {
    const wit = `package root:component;\n\nworld root {\n  import wasi:cli/stdout@0.2.12;\n\n  export wasi:cli/run@0.2.12;\n}\n`;
    expect(worldOf(wit)).toEqual({
      world: 'root',
      runnable: true,
      exports: ['wasi:cli/run@0.2.12'],
    });
    expect(worldOf('world adder {\n  export docs:adder/add@0.1.0;\n}').runnable).toBe(false);
  });
});
