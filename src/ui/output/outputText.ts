import type { OutputLine } from '../../store/outputStore';
import { overwriteCarriageReturns } from './ansi';

/** Which streams the list shows. */
export type OutputFilter = 'all' | 'stdout' | 'stderr';

// CSI sequences (colours, cursor moves) and OSC sequences (titles, links).
// eslint-disable-next-line no-control-regex -- escape sequences are what it removes
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/** A line as plain text: escape codes removed, `\r` applied. */
export function plainLine(text: string): string {
  const shown = overwriteCarriageReturns(text);
  return shown.includes('\x1b') ? shown.replace(ANSI, '') : shown;
}

/** Whether a line passes the filter (typed input shows with stdout, as in a terminal). */
export const passes = (line: OutputLine, filter: OutputFilter) =>
  filter === 'all' || (filter === 'stderr' ? line.stream === 'stderr' : line.stream !== 'stderr');

/**
 * The whole output as plain text (all lines, not the rendered ones), one `\n` after each line
 * but an open last one. Built in pieces: a million lines join without one giant concatenation.
 */
export function fullText(lines: OutputLine[], open: boolean, filter: OutputFilter = 'all'): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!passes(lines[i], filter)) continue;
    parts.push(plainLine(lines[i].text));
  }
  const text = parts.join('\n');
  return open || parts.length === 0 ? text : text + '\n';
}

/**
 * Keeps the indices of the lines that pass a filter, scanning only lines appended since the
 * last call (the output store appends in place; a cleared store is a new array).
 */
export class FilterIndex {
  private lines: OutputLine[] | null = null;
  private filter: OutputFilter = 'all';
  private scanned = 0;
  readonly rows: number[] = [];

  update(lines: OutputLine[], filter: OutputFilter): number[] {
    if (lines !== this.lines || filter !== this.filter || lines.length < this.scanned) {
      this.lines = lines;
      this.filter = filter;
      this.scanned = 0;
      this.rows.length = 0;
    }
    for (; this.scanned < lines.length; this.scanned++)
      if (passes(lines[this.scanned], filter)) this.rows.push(this.scanned);
    return this.rows;
  }
}

/** Matches past this many are counted as "at least". */
export const MAX_MATCHES = 1_000_000;

/** Every line (index into `rows`) where `query` occurs, and how often it occurs in all (case-insensitive). */
export function findMatches(
  lines: OutputLine[],
  rows: number[] | null,
  query: string,
): { rows: number[]; count: number; capped: boolean } {
  const out: number[] = [];
  let count = 0;
  if (!query) return { rows: out, count, capped: false };
  const q = query.toLowerCase();
  const n = rows ? rows.length : lines.length;
  for (let r = 0; r < n; r++) {
    const text = plainLine(lines[rows ? rows[r] : r].text).toLowerCase();
    let at = text.indexOf(q);
    if (at < 0) continue;
    out.push(r);
    while (at >= 0) {
      count++;
      if (count >= MAX_MATCHES) return { rows: out, count, capped: true };
      at = text.indexOf(q, at + q.length);
    }
  }
  return { rows: out, count, capped: false };
}
