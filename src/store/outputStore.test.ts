import { describe, expect, it } from 'vitest';
import { appendChunks, type OutputLine } from './outputStore';

describe('appendChunks', () => {
  it('joins partial lines of one stream and keeps streams apart', () => {
    const lines: OutputLine[] = [];
    let { open } = appendChunks(lines, false, [{ stream: 'stdout', text: 'hel' }]);
    expect(open).toBe(true);
    ({ open } = appendChunks(lines, open, [{ stream: 'stdout', text: 'lo\nwor' }]));
    ({ open } = appendChunks(lines, open, [{ stream: 'stderr', text: 'oops\n' }]));
    ({ open } = appendChunks(lines, open, [{ stream: 'stdout', text: '\n\nend\n' }]));
    expect(open).toBe(false);
    expect(lines).toEqual([
      { stream: 'stdout', text: 'hello' },
      { stream: 'stdout', text: 'wor' },
      { stream: 'stderr', text: 'oops' },
      { stream: 'stdout', text: '' },
      { stream: 'stdout', text: '' },
      { stream: 'stdout', text: 'end' },
    ]);
  });

  it('counts 100,000 lines exactly', () => {
    const lines: OutputLine[] = [];
    const text = Array.from({ length: 100_000 }, (_, i) => `line ${i}\n`).join('');
    let open = false;
    for (let i = 0; i < text.length; i += 65536) {
      ({ open } = appendChunks(lines, open, [
        { stream: 'stdout', text: text.slice(i, i + 65536) },
      ]));
    }
    expect(lines).toHaveLength(100_000);
    expect(lines[99_999].text).toBe('line 99999');
  });

  it('keeps at most `max` lines and counts the rest', () => {
    const lines: OutputLine[] = [];
    const r = appendChunks(lines, false, [{ stream: 'stdout', text: 'a\nb\nc\nd\ne' }], 3);
    expect(lines.map((l) => l.text)).toEqual(['a', 'b', 'c']);
    expect(r).toEqual({ open: false, dropped: 2 });
  });
});
