import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../protocol/compile';
import { groupProblems } from './problemGroups';

const at = (
  file: string,
  line: number,
  message: string,
  severity: Diagnostic['severity'] = 'error',
) => ({ file, line, column: 1, endLine: line, endColumn: 2, message, severity }) as Diagnostic;

describe('groupProblems', () => {
  it('makes one row of a message repeated across files, with its count, in first-seen order', () => {
    const sig = "unknown type name 'sig_atomic_t'";
    const groups = groupProblems(
      [
        at('a.c', 3, sig),
        at('b.c', 9, 'other'),
        at('b.c', 4, sig),
        at('c.c', 1, sig),
        at('c.c', 7, sig),
      ],
      'main.c',
    );
    expect(groups.map((g) => [g.first.file, g.first.message, g.all.length, g.files])).toEqual([
      ['a.c', sig, 4, 3],
      ['b.c', 'other', 1, 1],
    ]);
  });

  it('keeps a warning and an error with the same text apart', () => {
    expect(groupProblems([at('a.c', 1, 'x', 'warning'), at('a.c', 2, 'x')], 'a.c')).toHaveLength(2);
  });
});
