import { describe, expect, it } from 'vitest';
import { LineEditor, type LineAction } from './lineEditor';

/** A tiny terminal: applies the echo (text, CR/LF, cursor moves) to one line of cells. */
function screen(actions: LineAction[], state = { cells: [] as string[], x: 0 }) {
  for (const a of actions) {
    if (a.type !== 'echo') continue;
    const t = a.text;
    for (let i = 0; i < t.length;) {
      // eslint-disable-next-line no-control-regex -- cursor moves are what it parses
      const m = /^\x1b\[(\d+)([CD])/.exec(t.slice(i));
      if (m) {
        state.x += m[2] === 'C' ? Number(m[1]) : -Number(m[1]);
        i += m[0].length;
      } else if (t[i] === '\r') {
        state.x = 0;
        i++;
      } else if (t[i] === '\n') {
        state.cells = [];
        i++;
      } else {
        state.cells[state.x++] = t[i++];
      }
    }
  }
  return state;
}
const sent = (a: LineAction[]) => a.filter((x) => x.type === 'send').map((x) => x.text);
const shown = (s: { cells: string[] }) => s.cells.join('').trimEnd();

describe('LineEditor (the terminal line discipline)', () => {
  it('echoes typing and sends the line with a newline on Enter', () => {
    const ed = new LineEditor();
    const a = ed.input('hello');
    expect(shown(screen(a))).toBe('hello');
    expect(sent(a)).toEqual([]);
    const b = ed.input('\r');
    expect(sent(b)).toEqual(['hello\n']);
    expect(b[0]).toEqual({ type: 'echo', text: '\r\n' });
  });

  it('edits in the middle: left, insert, backspace, delete, home, end', () => {
    const ed = new LineEditor();
    const st = screen(ed.input('helo'));
    screen(ed.input('\x1b[D'), st); // before "o"
    screen(ed.input('l'), st);
    expect(shown(st)).toBe('hello');
    screen(ed.input('\x1b[H\x1b[3~'), st); // Home, Delete
    expect(shown(st)).toBe('ello');
    screen(ed.input('\x1b[F\x7f\x7f'), st); // End, Backspace ×2
    expect(shown(st)).toBe('el');
    expect(ed.text).toBe('el');
    expect(sent(ed.input('\r'))).toEqual(['el\n']);
  });

  it('walks the history with up and down, keeping the line being typed', () => {
    const ed = new LineEditor();
    ed.input('first\r');
    ed.input('second\r');
    const st = screen(ed.input('dra'));
    screen(ed.input('\x1b[A'), st);
    expect(shown(st)).toBe('second');
    screen(ed.input('\x1b[A'), st);
    expect(shown(st)).toBe('first');
    screen(ed.input('\x1b[B\x1b[B'), st);
    expect(shown(st)).toBe('dra');
    screen(ed.input('\x1b[A\x1b[A'), st);
    expect(sent(ed.input('\r'))).toEqual(['first\n']);
  });

  it('Ctrl+D ends input on an empty line, and sends a partial line without a newline', () => {
    const ed = new LineEditor();
    expect(ed.input('\x04')).toEqual([{ type: 'eof' }]);
    ed.input('abc');
    expect(sent(ed.input('\x04'))).toEqual(['abc']);
    expect(ed.text).toBe('');
  });

  it('Ctrl+C interrupts and shows ^C', () => {
    const ed = new LineEditor();
    ed.input('partial');
    const a = ed.input('\x03');
    expect(a.at(-1)).toEqual({ type: 'interrupt' });
    expect(a[0].type === 'echo' && a[0].text).toContain('^C');
    expect(ed.text).toBe('');
  });

  it('a paste of several lines sends each line (CRLF is one Enter) and keeps the rest typed', () => {
    const ed = new LineEditor();
    const a = ed.input('one\r\ntwo\nthr');
    expect(sent(a)).toEqual(['one\n', 'two\n']);
    expect(ed.text).toBe('thr');
  });

  it('Ctrl+U, Ctrl+K and Ctrl+W cut; unknown escape sequences are ignored', () => {
    const ed = new LineEditor();
    const st = screen(ed.input('foo bar baz'));
    screen(ed.input('\x17'), st);
    expect(shown(st)).toBe('foo bar');
    screen(ed.input('\x1b[D\x1b[D\x1b[D\x1b[D\x0b'), st);
    expect(shown(st)).toBe('foo');
    expect(ed.text).toBe('foo ');
    screen(ed.input('\x1b[15~\x15'), st);
    expect(shown(st)).toBe('');
    expect(ed.text).toBe('');
  });

  it('counts a character outside the BMP as one', () => {
    const ed = new LineEditor();
    ed.input('a😀b');
    ed.input('\x1b[D\x7f');
    expect(ed.text).toBe('ab');
  });
});
