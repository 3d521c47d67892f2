import { describe, expect, it } from 'vitest';
import type { OutputChunk } from '../protocol/run';
import { FLUSH_CHARS, OutputBatcher } from './outputBatcher';

describe('OutputBatcher', () => {
  it('sends the first write at once, batches a burst, and flushes by size', () => {
    const batches: OutputChunk[][] = [];
    let now = 0;
    const b = new OutputBatcher(
      (c) => batches.push(c),
      () => now,
    );
    b.push('stdout', 'a\n');
    expect(batches).toHaveLength(1);
    b.push('stdout', 'b\n');
    b.push('stderr', 'e\n');
    b.push('stdout', 'c\n');
    expect(batches).toHaveLength(1);
    now = 20;
    b.push('stdout', 'd\n');
    expect(batches[1]).toEqual([
      { stream: 'stdout', text: 'b\n' },
      { stream: 'stderr', text: 'e\n' },
      { stream: 'stdout', text: 'c\nd\n' },
    ]);
    b.push('stdout', 'x'.repeat(FLUSH_CHARS));
    expect(batches).toHaveLength(3);
  });

  it('decodes UTF-8 split across writes', () => {
    const out: string[] = [];
    const b = new OutputBatcher(
      (c) => out.push(...c.map((x) => x.text)),
      () => 0,
    );
    const bytes = new TextEncoder().encode('é€');
    b.write('stdout', bytes.slice(0, 1));
    b.write('stdout', bytes.slice(1, 3));
    b.write('stdout', bytes.slice(3));
    b.flush(0, true);
    expect(out.join('')).toBe('é€');
  });
});
