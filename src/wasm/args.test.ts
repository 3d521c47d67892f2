import { describe, expect, it } from 'vitest';
import { formatEnv, parseEnv, splitArgs } from './args';

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

describe('env values with line breaks and quotes (wasi-testsuite environ_get-multiple-variables)', () => {
  it('reads a double-quoted value with escapes, and keeps other quotes as they are', () => {
    expect(parseEnv('a=text\nb=escap " ing\nc="new\\nline"\nd="say \\"hi\\"\\t\\\\"')).toEqual([
      'a=text',
      'b=escap " ing',
      'c=new\nline',
      'd=say "hi"\t\\',
    ]);
  });

  it('formatEnv writes what parseEnv reads back exactly', () => {
    const vars = {
      a: 'text',
      b: 'escap " ing',
      c: 'new\nline',
      d: ' edge ',
      e: '"quoted"',
      f: 'x\\y',
    };
    expect(parseEnv(formatEnv(vars))).toEqual(Object.entries(vars).map(([k, v]) => `${k}=${v}`));
  });
});
