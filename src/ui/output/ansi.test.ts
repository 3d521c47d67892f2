import { describe, expect, it } from 'vitest';
import { overwriteCarriageReturns, renderLine } from './ansi';

describe('list view line rendering', () => {
  it('overwrites from the start of the line at each carriage return', () => {
    expect(overwriteCarriageReturns('progress 10%\rprogress 50%\rprogress 100%')).toBe(
      'progress 100%',
    );
    expect(overwriteCarriageReturns('abcdef\rXY')).toBe('XYcdef');
    expect(overwriteCarriageReturns('done\r')).toBe('done');
    expect(overwriteCarriageReturns('\x1b[32m 10%\r\x1b[32m 90%\x1b[0m\r')).toBe(
      '\x1b[32m 90%\x1b[0m',
    );
  });

  it('turns SGR colours into escaped HTML with classes, and leaves plain text alone', () => {
    expect(renderLine('plain <b>')).toEqual({ text: 'plain <b>' });
    const r = renderLine('\x1b[1;31merror\x1b[0m: <script>');
    expect('html' in r && r.html).toMatch(/class="ansi-red-fg"/);
    expect('html' in r && r.html).toContain('&lt;script&gt;');
    expect('html' in r && r.html).not.toContain('\x1b');
  });
});
