import { Disassembly } from './wat';
import type { WatLines, WatSummary, WatMatch } from '../protocol/inspect';
export type { WatLines, WatSummary, WatMatch };

/**
 * Lines the WAT view's editor holds at a time. Monaco builds a view of every line it is given
 * (≈ 5 µs a line on this machine's 2 cores, in one task), so a 1 MB module's 500,000 lines would
 * freeze the page for seconds; the inspect worker keeps the whole text and the editor gets
 * windows of it, each put in within a 100 ms task.
 */
export const WAT_WINDOW = 2_000;

/** Bytes disassembled per piece: ≈ 10–30 ms of work, so other calls are answered in between. */
const PIECE = 16 * 1024;

/**
 * A module's whole WebAssembly text, kept in the inspect worker. The first window is made at
 * once; the rest piece by piece (`finish`), while windows and searches are answered.
 */
export class WatDocument {
  private readonly d: Disassembly;
  private lower: string[] = [];
  private finishing: Promise<WatSummary> | null = null;
  private stopped = false;
  private stop: ((e: Error) => void) | null = null;

  constructor(
    readonly key: number,
    bytes: Uint8Array,
  ) {
    this.d = new Disassembly(bytes);
    while (this.d.lines.length < WAT_WINDOW && !this.d.step(PIECE));
  }

  summary(first = true): WatSummary {
    return {
      key: this.key,
      lineCount: this.d.lines.length,
      functions: this.d.functions,
      ...(this.d.error ? { error: this.d.error } : {}),
      first: first ? this.slice(0, WAT_WINDOW) : { from: 0, text: '', offsets: [], count: 0 },
      done: this.d.done,
    };
  }

  /** Disassembles the rest, a piece per task; the whole outline (without a window) when done. */
  finish(): Promise<WatSummary> {
    this.finishing ??= new Promise((resolve, reject) => {
      this.stop = reject;
      const next = () => {
        if (this.stopped) return reject(new Error('the module was replaced'));
        const t0 = performance.now();
        // Pieces until ≈ 20 ms have passed, then the event loop (a window or a search may wait).
        while (!this.d.step(PIECE) && performance.now() - t0 < 20);
        if (this.d.done) resolve(this.summary(false));
        else setTimeout(next, 0);
      };
      next();
    });
    return this.finishing;
  }

  /** Stops a `finish` in progress, or any later one (another module replaced this one). */
  cancel() {
    this.stopped = true;
    this.stop?.(new Error('the module was replaced'));
  }

  /** Lines [from, to) (clamped to the text made so far). */
  slice(from: number, to: number): WatLines {
    const lines = this.d.lines;
    const a = Math.max(0, Math.min(from, lines.length));
    const b = Math.max(a, Math.min(to, lines.length));
    return {
      from: a,
      text: lines.slice(a, b).join('\n'),
      offsets: this.d.offsets.slice(a, b),
      count: b - a,
    };
  }

  /**
   * The next occurrence of `query` (case-insensitive) after line `line`, column `column`
   * (1-based; the match must start after it), or before it when `backwards`; wraps around.
   * Searches the text made so far.
   */
  find(query: string, line: number, column: number, backwards = false): WatMatch | null {
    const q = query.toLowerCase();
    const all = this.d.lines;
    if (!q || !all.length) return null;
    for (let i = this.lower.length; i < all.length; i++) this.lower.push(all[i].toLowerCase());
    const lines = this.lower;
    const n = lines.length;
    const start = Math.max(0, Math.min(line, n - 1));
    // The starting line first (after/before the column), then every other line, then the
    // starting line's other side (a wrap-around back to it).
    const here = lines[start];
    const first = backwards
      ? column - 2 >= 0
        ? here.lastIndexOf(q, column - 2)
        : -1
      : here.indexOf(q, column);
    if (first >= 0) return { line: start, column: first + 1 };
    for (let k = 1; k <= n; k++) {
      const i = backwards ? (start - k + n) % n : (start + k) % n;
      const at = backwards ? lines[i].lastIndexOf(q) : lines[i].indexOf(q);
      if (at >= 0) return { line: i, column: at + 1 };
    }
    return null;
  }
}
