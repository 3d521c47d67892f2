import { describe, expect, it } from 'vitest';
import { Budget, DirNode, FileNode, resolve } from './memfs';
import { MountedProject } from './mount';

const enc = new TextEncoder();
const bytes = (s: string) => enc.encode(s);

function fileAt(root: DirNode, path: string): FileNode {
  const r = resolve(root, path, true);
  if (typeof r === 'number' || !(r.node instanceof FileNode)) throw new Error(`no file ${path}`);
  return r.node;
}

describe('MountedProject: the runner keeps the project between runs', () => {
  it('applies deltas: reset, put, remove', () => {
    const m = new MountedProject();
    m.apply({ reset: true, put: { 'a.txt': bytes('a'), 'd/': new Uint8Array(0) }, remove: [] });
    m.apply({ reset: false, put: { 'b.txt': bytes('b') }, remove: ['a.txt'] });
    expect([...m.files.keys()].sort()).toEqual(['b.txt', 'd/']);
    m.apply({ reset: true, put: { 'c.txt': bytes('c') }, remove: [] });
    expect([...m.files.keys()]).toEqual(['c.txt']);
  });

  it('mounts without copying, and a write never reaches the kept bytes', () => {
    const m = new MountedProject();
    const kept = bytes('hello');
    m.apply({ reset: true, put: { 'h.txt': kept }, remove: [] });
    const root = m.tree(new Budget());
    const f = fileAt(root, 'h.txt');
    expect(f.buf).toBe(kept); // shared, not copied
    f.writable().set(bytes('J'), 0);
    expect(new TextDecoder().decode(kept)).toBe('hello');
    expect(new TextDecoder().decode(f.data)).toBe('Jello');
    // Truncating and growing a shared file leaves the kept bytes alone too.
    const g = fileAt(m.tree(new Budget()), 'h.txt');
    expect(g.resize(2)).toBe(true);
    expect(g.resize(4)).toBe(true);
    expect([...g.data]).toEqual([104, 101, 0, 0]);
    expect(new TextDecoder().decode(kept)).toBe('hello');
  });

  it('reports only what the run changed, compared in the worker', () => {
    const m = new MountedProject();
    m.apply({
      reset: true,
      put: {
        'main.c': bytes('x'),
        'data.txt': bytes('a'),
        'same.txt': bytes('s'),
        'old.txt': bytes('o'),
        'keep/': new Uint8Array(0),
        'src/a.c': new Uint8Array(0),
      },
      remove: [],
    });
    const root = m.tree(new Budget());
    fileAt(root, 'data.txt').writable().set(bytes('b'), 0);
    // Rewritten with the same bytes: not a change.
    fileAt(root, 'same.txt').writable().set(bytes('s'), 0);
    root.entries.delete('old.txt');
    root.entries.set('new.bin', new FileNode(new Uint8Array([1]), new Budget()));
    root.entries.set('out', new DirNode(root));
    const d = m.changes(root);
    expect(d.changes).toEqual({
      'data.txt': 'modified',
      'new.bin': 'created',
      'old.txt': 'deleted',
      'out/': 'created',
    });
    expect([...d.after['new.bin']]).toEqual([1]);
    expect(new TextDecoder().decode(d.after['data.txt'])).toBe('b');
  });

  it('an untouched sandbox has no changes; the next run starts from the project again', () => {
    const m = new MountedProject();
    m.apply({ reset: true, put: { 'a.txt': bytes('a') }, remove: [] });
    const first = m.tree(new Budget());
    fileAt(first, 'a.txt').writable().set(bytes('z'), 0);
    expect(m.changes(first).changes).toEqual({ 'a.txt': 'modified' });
    const second = m.tree(new Budget());
    expect(new TextDecoder().decode(fileAt(second, 'a.txt').data)).toBe('a');
    expect(m.changes(second).changes).toEqual({});
  });
});
