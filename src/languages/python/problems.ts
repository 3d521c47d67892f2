import type { Diagnostic } from '../../protocol/compile';

const FRAME = /^\s*File "([^"]+)", line (\d+)/;

/**
 * A Python traceback (CPython's or MicroPython's) as a Problem: the exception's line as the
 * message, at the last frame in the project's files (a SyntaxError's own frame included).
 */
export function pythonProblems(stderr: string, files: string[]): Diagnostic[] {
  const lines = stderr.replace(/\n+$/, '').split('\n');
  // CPython prints a SyntaxError of the main file without the "Traceback" line.
  let tb = lines.lastIndexOf('Traceback (most recent call last):');
  if (tb < 0) tb = lines.findIndex((l) => FRAME.test(l)) - 1;
  if (tb < -1) return [];
  const project = new Set(files);
  let at: { file: string; line: number } | null = null;
  let last = tb;
  for (let i = tb + 1; i < lines.length; i++) {
    const m = FRAME.exec(lines[i]);
    if (!m) continue;
    last = i;
    const file = m[1].replace(/^\.?\//, '');
    if (project.has(file)) at = { file, line: Number(m[2]) };
  }
  // The exception itself: the first line after the frames (and their source and caret lines)
  // that starts at the left margin.
  const message = lines.slice(last + 1).find((l) => /^\w/.test(l)) ?? lines[lines.length - 1];
  if (!at) return [];
  return [
    {
      file: at.file,
      severity: 'error',
      message: message.trim(),
      line: at.line,
      column: 1,
      endLine: at.line,
      endColumn: 1000,
    },
  ];
}
