import { describe, expect, it } from 'vitest';
import type { OutputLine } from '../../store/outputStore';
import { FilterIndex, findMatches, fullText, plainLine } from './outputText';

const L = (stream: OutputLine['stream'], text: string): OutputLine => ({ stream, text });

describe('output text for copy, download, find and filter', () => {
  it('removes escape codes and applies \\r', () => {
    expect(plainLine('\x1b[1;31merror\x1b[0m: x')).toBe('error: x');
    expect(plainLine('10%\r100%')).toBe('100%');
    expect(plainLine('\x1b]0;title\x07text')).toBe('text');
  });

  it('joins every line, not the rendered ones, with the filter applied', () => {
    const lines = [L('stdout', 'a'), L('stderr', 'oops'), L('stdin', 'typed'), L('stdout', 'b')];
    expect(fullText(lines, false)).toBe('a\noops\ntyped\nb\n');
    expect(fullText(lines, true)).toBe('a\noops\ntyped\nb');
    expect(fullText(lines, false, 'stderr')).toBe('oops\n');
    expect(fullText(lines, false, 'stdout')).toBe('a\ntyped\nb\n');
    const big = Array.from({ length: 200_000 }, (_, i) => L('stdout', `line ${i}`));
    const text = fullText(big, false);
    expect(text.length).toBe(big.reduce((n, l) => n + l.text.length + 1, 0));
    expect(text.endsWith('line 199999\n')).toBe(true);
  });

  it('keeps a filter index up to date by scanning only appended lines', () => {
    const lines = [L('stdout', 'a'), L('stderr', 'b')];
    const idx = new FilterIndex();
    expect([...idx.update(lines, 'stderr')]).toEqual([1]);
    lines.push(L('stderr', 'c'), L('stdout', 'd'));
    expect([...idx.update(lines, 'stderr')]).toEqual([1, 2]);
    expect([...idx.update(lines, 'stdout')]).toEqual([0, 3]);
    expect([...idx.update([L('stdout', 'x')], 'stdout')]).toEqual([0]);
  });

  it('finds matches in lines never rendered, case-insensitively, counting each occurrence', () => {
    const lines = Array.from({ length: 1_000_000 }, (_, i) =>
      L(i % 2 ? 'stderr' : 'stdout', i % 250_000 === 7 ? 'Needle and needle' : `row ${i}`),
    );
    const t = performance.now();
    const all = findMatches(lines, null, 'needle');
    expect(performance.now() - t).toBeLessThan(2000);
    expect(all.rows).toEqual([7, 250_007, 500_007, 750_007]);
    expect(all.count).toBe(8);
    const rows = new FilterIndex().update(lines, 'stderr');
    expect(findMatches(lines, rows, 'needle').count).toBe(8);
    expect(findMatches(lines, rows, 'row 800000').count).toBe(0); // an even row: stdout
  });
});

describe('WrapIndex', () => {
  it('maps visual rows to lines and re-indexes a growing last line', async () => {
    const { WrapIndex } = await import('./wrapIndex');
    const lens = [5, 0, 25, 10];
    const w = new WrapIndex();
    w.update(lens.length, (i) => lens[i], 10, 'a');
    expect(w.total).toBe(1 + 1 + 3 + 1);
    expect([0, 1, 2, 3, 4, 5].map((r) => w.lineAt(r))).toEqual([0, 1, 2, 2, 2, 3]);
    expect(w.rowOf(3)).toBe(5);
    lens[3] = 31; // the open last line grew
    lens.push(1);
    w.update(lens.length, (i) => lens[i], 10, 'a');
    expect(w.total).toBe(1 + 1 + 3 + 4 + 1);
    w.update(lens.length, (i) => lens[i], 100, 'a');
    expect(w.total).toBe(5);
    const many = new WrapIndex();
    many.update(1_000_000, () => 15, 10, 'b');
    expect(many.total).toBe(2_000_000);
    expect(many.lineAt(1_999_999)).toBe(999_999);
  });
});
