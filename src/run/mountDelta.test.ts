import { describe, expect, it } from 'vitest';
import { MountTracker } from './mountDelta';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('MountTracker: a run sends only what changed since the worker last had it', () => {
  it('sends everything the first time (reset), then nothing for an unchanged project', () => {
    const m = new MountTracker();
    const files = { 'main.c': 'int main(){}', 'data/': '', 'img.bin': new Uint8Array([1, 2]) };
    const first = m.delta(files);
    expect(first.delta.reset).toBe(true);
    expect(Object.keys(first.delta.put).sort()).toEqual(['data/', 'img.bin', 'main.c']);
    expect(first.transfer).toHaveLength(3);
    const again = m.delta(files);
    expect(again.delta).toEqual({ reset: false, put: {}, remove: [] });
    expect(again.transfer).toEqual([]);
  });

  it('sends an edited file, a new one and the paths that are gone', () => {
    const m = new MountTracker();
    m.delta({ 'a.txt': 'a', 'b.txt': 'b', 'c.txt': 'c' });
    const d = m.delta({ 'a.txt': 'A', 'c.txt': 'c', 'd.txt': 'd' }).delta;
    expect(d.reset).toBe(false);
    expect(Object.fromEntries(Object.entries(d.put).map(([p, b]) => [p, text(b)]))).toEqual({
      'a.txt': 'A',
      'd.txt': 'd',
    });
    expect(d.remove).toEqual(['b.txt']);
  });

  it('never hands over the store’s own bytes (they are transferred)', () => {
    const m = new MountTracker();
    const stored = new Uint8Array([7, 8, 9]);
    const { delta, transfer } = m.delta({ 'x.bin': stored });
    expect(delta.put['x.bin']).not.toBe(stored);
    expect(transfer[0]).not.toBe(stored.buffer);
    expect([...delta.put['x.bin']]).toEqual([7, 8, 9]);
  });

  it('a replaced binary value is sent again even with the same bytes', () => {
    const m = new MountTracker();
    m.delta({ 'x.bin': new Uint8Array([1]) });
    expect(Object.keys(m.delta({ 'x.bin': new Uint8Array([1]) }).delta.put)).toEqual(['x.bin']);
  });
});
