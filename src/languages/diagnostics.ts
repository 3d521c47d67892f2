import type { Diagnostic } from '../workers/protocol';

/** Parses `file:line:col: error: message` lines (wabt, clang) into diagnostics. */
export function parseLocatedMessages(log: string, fileName?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const re = /^(?:.*?\/)?([^\s:]+):(\d+):(\d+):\s+(fatal error|error|warning|note):\s+(.*)$/gm;
  for (let m = re.exec(log); m; m = re.exec(log)) {
    if (fileName && m[1] !== fileName) continue;
    const kind = m[4];
    const line = Number(m[2]);
    const column = Number(m[3]);
    // wabt and clang print the source line and a caret line (`  ^^^^`) under the message.
    const rest = log.slice(re.lastIndex + 1).split('\n', 2);
    // clang 22 prefixes both with a gutter: `    2 |   int x;` / `      |       ^~~~`.
    const caret = rest[1] !== undefined ? /^\s*(?:\d*\s*\|)?\s*([\^~]+)/.exec(rest[1]) : null;
    const width = caret ? caret[1].length : 1;
    out.push({
      severity: kind === 'warning' ? 'warning' : kind === 'note' ? 'info' : 'error',
      message: m[5],
      line,
      column,
      endLine: line,
      endColumn: column + width,
    });
  }
  return out;
}

/** Converts a character offset in `text` to a 1-based line and column. */
export function offsetToLineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
