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
 * only that file's; with `projectFiles`, those of any project file, each naming its `file`. A
 * message located in a system header (a `#error` that names the flag to add, a deprecation) is
 * put on the project line that included that header, its text saying which header it is in; a
 * system header's notes stay in the log only.
 */
export function parseLocatedMessages(
  log: string,
  fileName?: string,
  projectFiles?: ReadonlySet<string>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A header two units include reports its error once per unit: Problems lists it once.
  const seen = new Set<string>();
  const lines = log.split('\n');
  const located = /^([^\s:][^:]*?):(\d+):(\d+):\s+(fatal error|error|warning|note):\s+(.*)$/;
  const included = /^In file included from (.+?):(\d+):$/;
  /** The include chain printed before the next message, outermost first. */
  let chain: { path: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const inc = included.exec(lines[i]);
    if (inc) {
      chain.push({ path: normalizePath(inc[1]), line: Number(inc[2]) });
      continue;
    }
    const m = located.exec(lines[i]);
    if (!m) continue;
    const includedBy = chain;
    chain = [];
    const kind = m[4];
    const path = m[1].startsWith('/') ? null : normalizePath(m[1]);
    let file: string | undefined;
    let line = Number(m[2]);
    let column = Number(m[3]);
    let message = m[5];
    let width = 1;
    if (projectFiles) {
      if (path && projectFiles.has(path)) file = path;
      else {
        const from =
          kind === 'note' ? undefined : includedBy.findLast((c) => projectFiles.has(c.path));
        if (!from) continue;
        file = from.path;
        line = from.line;
        column = 1;
        message = `in ${m[1].slice(m[1].lastIndexOf('/') + 1)}: ${message}`;
      }
    } else if (fileName && m[1].slice(m[1].lastIndexOf('/') + 1) !== fileName) continue;
    if (file === undefined || file === path) {
      // wabt and clang print the source line and a caret line (`  ^^^^`) under the message;
      // clang 22 prefixes both with a gutter: `    2 |   int x;` / `      |       ^~~~`.
      const caret =
        lines[i + 2] !== undefined ? /^\s*(?:\d*\s*\|)?\s*([\^~]+)/.exec(lines[i + 2]) : null;
      width = caret ? caret[1].length : 1;
    }
    const key = `${file ?? ''}\0${line}\0${column}\0${kind}\0${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      ...(file ? { file } : {}),
      severity: kind === 'warning' ? 'warning' : kind === 'note' ? 'info' : 'error',
      message,
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
