/** What a key press in the terminal does: show text, send a line, end input, or stop. */
export type LineAction =
  | { type: 'echo'; text: string }
  | { type: 'send'; text: string }
  | { type: 'eof' }
  | { type: 'interrupt' };

const HISTORY_MAX = 200;
// Escape sequences xterm sends for the keys the editor knows (normal and application mode).
const KEYS: Record<string, string> = {
  '\x1b[A': 'up',
  '\x1bOA': 'up',
  '\x1b[B': 'down',
  '\x1bOB': 'down',
  '\x1b[C': 'right',
  '\x1bOC': 'right',
  '\x1b[D': 'left',
  '\x1bOD': 'left',
  '\x1b[H': 'home',
  '\x1bOH': 'home',
  '\x1b[1~': 'home',
  '\x1b[F': 'end',
  '\x1bOF': 'end',
  '\x1b[4~': 'end',
  '\x1b[3~': 'delete',
};

/**
 * A terminal's line discipline (what a Unix tty does in canonical mode with echo): the line is
 * edited locally and reaches the program on Enter. Left/right/Home/End move, Backspace/Delete
 * erase, Up/Down walk the history, Ctrl+U/K/W cut, Ctrl+A/E jump; Ctrl+D ends input on an
 * empty line (else sends the line without a newline, as a tty does); Ctrl+C interrupts.
 * Pasted text arrives as one string and is handled key by key. Characters count as one column.
 */
export class LineEditor {
  private line: string[] = [];
  private cursor = 0;
  private history: string[] = [];
  /** Position in the history while walking it (history.length = the line being typed). */
  private walk = 0;
  private draft: string[] = [];

  /** The line typed so far (not yet sent). */
  get text(): string {
    return this.line.join('');
  }

  /** Feeds what the terminal reports for keys or a paste; returns what to do, in order. */
  input(data: string): LineAction[] {
    const out: LineAction[] = [];
    let echo = '';
    const flushEcho = () => {
      if (echo) out.push({ type: 'echo', text: echo });
      echo = '';
    };
    for (let i = 0; i < data.length;) {
      if (data[i] === '\x1b') {
        // eslint-disable-next-line no-control-regex -- escape sequences are what it parses
        const seq = /^\x1b(?:\[[0-9;?]*[ -/]*[@-~]|O[@-~])?/.exec(data.slice(i))![0];
        i += Math.max(1, seq.length);
        echo += this.key(KEYS[seq]);
        continue;
      }
      const cp = String.fromCodePoint(data.codePointAt(i)!);
      i += cp.length;
      switch (cp) {
        case '\r':
        case '\n': {
          // A pasted CRLF is one Enter.
          if (cp === '\r' && data[i] === '\n') i++;
          const text = this.text;
          echo += this.moveTo(this.line.length) + '\r\n';
          flushEcho();
          out.push({ type: 'send', text: text + '\n' });
          this.remember(text);
          this.reset();
          break;
        }
        case '\x04': // Ctrl+D
          flushEcho();
          if (this.line.length === 0) out.push({ type: 'eof' });
          else {
            out.push({ type: 'send', text: this.text });
            this.reset();
          }
          break;
        case '\x03': // Ctrl+C
          echo += this.moveTo(this.line.length) + '^C\r\n';
          flushEcho();
          out.push({ type: 'interrupt' });
          this.reset();
          break;
        case '\x7f':
        case '\b':
          echo += this.erase(this.cursor - 1);
          break;
        case '\x15': // Ctrl+U: cut to the start
          echo += this.cut(0, this.cursor);
          break;
        case '\x0b': // Ctrl+K: cut to the end
          echo += this.cut(this.cursor, this.line.length);
          break;
        case '\x17': {
          // Ctrl+W: cut the word before the cursor
          let j = this.cursor;
          while (j > 0 && this.line[j - 1] === ' ') j--;
          while (j > 0 && this.line[j - 1] !== ' ') j--;
          echo += this.cut(j, this.cursor);
          break;
        }
        case '\x01':
          echo += this.key('home');
          break;
        case '\x05':
          echo += this.key('end');
          break;
        default:
          if (cp >= ' ' || cp === '\t') echo += this.insert(cp);
      }
    }
    flushEcho();
    return out;
  }

  /** Forgets the line being typed (a new run); the history stays. */
  clear() {
    this.reset();
  }

  private reset() {
    this.line = [];
    this.cursor = 0;
    this.walk = this.history.length;
    this.draft = [];
  }

  private remember(text: string) {
    if (text && this.history[this.history.length - 1] !== text) this.history.push(text);
    if (this.history.length > HISTORY_MAX) this.history.shift();
    this.walk = this.history.length;
  }

  /** Escape codes that move the cursor from where it is to column `to` of the line. */
  private moveTo(to: number): string {
    const d = to - this.cursor;
    this.cursor = to;
    return d > 0 ? `\x1b[${d}C` : d < 0 ? `\x1b[${-d}D` : '';
  }

  /** Redraws from the cursor to the end (after an edit), leaving the cursor at `at`. */
  private redrawTail(at: number, erased = 0): string {
    const tail = this.line.slice(this.cursor).join('');
    const pad = ' '.repeat(erased);
    const back = tail.length + erased - (at - this.cursor);
    const moved = tail + pad + (back > 0 ? `\x1b[${back}D` : '');
    this.cursor = at;
    return moved;
  }

  private insert(cp: string): string {
    this.line.splice(this.cursor, 0, cp);
    this.cursor++;
    if (this.cursor === this.line.length) return cp;
    return cp + this.redrawTail(this.cursor);
  }

  /** Deletes the character at `at` (Backspace: the one before the cursor). */
  private erase(at: number): string {
    if (at < 0 || at >= this.line.length) return '';
    const move = this.moveTo(at);
    this.line.splice(at, 1);
    return move + this.redrawTail(at, 1);
  }

  private cut(from: number, to: number): string {
    if (to <= from) return '';
    const move = this.moveTo(from);
    this.line.splice(from, to - from);
    return move + this.redrawTail(from, to - from);
  }

  private replaceLine(next: string[]): string {
    const move = this.moveTo(0);
    const old = this.line.length;
    this.line = [...next];
    const text = this.text;
    const pad = Math.max(0, old - next.length);
    this.cursor = next.length;
    return move + text + ' '.repeat(pad) + (pad ? `\x1b[${pad}D` : '');
  }

  private key(name: string | undefined): string {
    switch (name) {
      case 'left':
        return this.cursor > 0 ? this.moveTo(this.cursor - 1) : '';
      case 'right':
        return this.cursor < this.line.length ? this.moveTo(this.cursor + 1) : '';
      case 'home':
        return this.moveTo(0);
      case 'end':
        return this.moveTo(this.line.length);
      case 'delete':
        return this.erase(this.cursor);
      case 'up':
        if (this.walk === 0) return '';
        if (this.walk === this.history.length) this.draft = [...this.line];
        this.walk--;
        return this.replaceLine(Array.from(this.history[this.walk]));
      case 'down':
        if (this.walk >= this.history.length) return '';
        this.walk++;
        return this.replaceLine(
          this.walk === this.history.length ? this.draft : Array.from(this.history[this.walk]),
        );
      default:
        return '';
    }
  }
}
