import { describe, expect, it } from 'vitest';
import { parseEnv, splitArgs } from './args';

describe('splitArgs', () => {
  it('splits on whitespace and honours quotes and escapes', () => {
    expect(splitArgs('')).toEqual([]);
    expect(splitArgs('  a  b ')).toEqual(['a', 'b']);
    expect(splitArgs(`one "two words" 'single "q"' a\\ b ""`)).toEqual([
      'one',
      'two words',
      'single "q"',
      'a b',
      '',
    ]);
    expect(splitArgs('ünï cødé')).toEqual(['ünï', 'cødé']);
  });
});

describe('parseEnv', () => {
  it('keeps KEY=value lines and drops blanks, comments and malformed lines', () => {
    expect(parseEnv('A=1\n\n# c\nB=x=y\nnovalue\n=bad\r\nC=')).toEqual(['A=1', 'B=x=y', 'C=']);
  });
});
