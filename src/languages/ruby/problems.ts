import type { Diagnostic } from '../../protocol/compile';

/** `/main.rb:3:in 'Object#f': message (Class)` or `from /main.rb:3:in …` or `/main.rb:3: …`. */
const FRAME = /^\s*(?:from )?(\/?[^\s:]+\.rb):(\d+):(?:in [^:]*:)?\s?(.*)$/;

/**
 * Ruby's uncaught exception (as full_message prints it) or syntax error as a Problem: at the
 * innermost frame in the project's files, with the exception's first line as the message.
 */
export function rubyProblems(stderr: string, files: string[]): Diagnostic[] {
  const lines = stderr.split('\n');
  const project = new Set(files);
  // The report starts at the last line that is a frame with a message (not a `from` line).
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = FRAME.exec(lines[i]);
    if (m && !/^\s*from /.test(lines[i]) && m[3]) {
      start = i;
      break;
    }
  }
  if (start < 0) return [];
  const head = FRAME.exec(lines[start])!;
  // A syntax error's report points at the spot: `    |  ^ unexpected …`.
  const caret = lines
    .slice(start + 1)
    .map((l) => /^\s*\|\s*\^+\s*(.+)$/.exec(l)?.[1])
    .find(Boolean);
  const message = caret ? `${head[3].trim()}: ${caret}` : head[3].trim();
  for (let i = start; i < lines.length; i++) {
    const m = FRAME.exec(lines[i]);
    if (!m) continue;
    const file = m[1].replace(/^\//, '');
    if (!project.has(file)) continue;
    const line = Number(m[2]);
    return [{ file, severity: 'error', message, line, column: 1, endLine: line, endColumn: 1000 }];
  }
  return [];
}
