import type { Diagnostic } from '../protocol/compile';

/** `./a/../b.h` → `b.h`: a path as the compiler printed it, as a project path. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/**
 * Parses `file:line:col: error: message` lines (wabt, clang) into diagnostics. With `fileName`,
 * only that file's; with `projectFiles`, those of any project file, each naming its `file`
 * (messages in system headers stay in the log only).
 */
export function parseLocatedMessages(
  log: string,
  fileName?: string,
  projectFiles?: ReadonlySet<string>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A header two units include reports its error once per unit: Problems lists it once.
  const seen = new Set<string>();
  const re = /^([^\s:][^:\n]*?):(\d+):(\d+):\s+(fatal error|error|warning|note):\s+(.*)$/gm;
  for (let m = re.exec(log); m; m = re.exec(log)) {
    const path = m[1].startsWith('/') ? null : normalizePath(m[1]);
    let file: string | undefined;
    if (projectFiles) {
      if (!path || !projectFiles.has(path)) continue;
      file = path;
    } else if (fileName && m[1].slice(m[1].lastIndexOf('/') + 1) !== fileName) continue;
    const kind = m[4];
    const line = Number(m[2]);
    const column = Number(m[3]);
    // wabt and clang print the source line and a caret line (`  ^^^^`) under the message.
    const rest = log.slice(re.lastIndex + 1).split('\n', 2);
    // clang 22 prefixes both with a gutter: `    2 |   int x;` / `      |       ^~~~`.
    const caret = rest[1] !== undefined ? /^\s*(?:\d*\s*\|)?\s*([\^~]+)/.exec(rest[1]) : null;
    const width = caret ? caret[1].length : 1;
    const key = `${file ?? ''}\0${line}\0${column}\0${kind}\0${m[5]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      ...(file ? { file } : {}),
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
