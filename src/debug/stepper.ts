// The debug host's decisions, with no waiting in them: the shadow call stack the enter/leave
// hooks keep, and at each step whether the program pauses there (a breakpoint, Pause, or the
// step the user asked for). The runner's hooks call it; it is pure, so it is tested as it is.

/** What the user asked the program to do after a pause. */
export type Resume = { kind: 'continue' } | { kind: 'into' } | { kind: 'over' } | { kind: 'out' };

import type { DebugFrame as Frame, PauseReason } from '../protocol/debug';

export type { Frame, PauseReason };

/**
 * Breakpoints are original code offsets (a source line resolves to one or more). A step ends at
 * the next step site on another line (`lineOf`; without it every site is its own line): in any
 * frame (into), in this frame or a caller (over), in a caller (out).
 */
export class Stepper {
  readonly stack: Frame[] = [];
  private breakpoints = new Set<number>();
  private resume: Resume = { kind: 'continue' };
  /** The depth the current step started at (over/out). */
  private depth = 0;
  /** The line the current step started on (over/into). */
  private line = -1;
  private pauseAsked = false;
  private stopAtEntry: boolean;
  private readonly lineOf: (offset: number) => number;

  constructor(
    opts: {
      breakpoints?: Iterable<number>;
      stopAtEntry?: boolean;
      lineOf?: (offset: number) => number | undefined;
    } = {},
  ) {
    this.setBreakpoints(opts.breakpoints ?? []);
    this.stopAtEntry = opts.stopAtEntry ?? false;
    const lineOf = opts.lineOf;
    this.lineOf = lineOf ? (o) => lineOf(o) ?? -1 - o : (o) => -1 - o;
  }

  setBreakpoints(offsets: Iterable<number>): void {
    this.breakpoints = new Set(offsets);
  }

  /** Pause at the next step site, whatever it is (the Pause button). */
  requestPause(): void {
    this.pauseAsked = true;
  }

  enter(func: number): void {
    this.stack.push({ func, offset: -1, base: 0 });
  }

  /**
   * A function returned (or branched out of its body). True when a step ends here: the step
   * left the frame it started in, so the caller pauses on the line of its call (as a debugger
   * shows the caller after Step out), not at its next line.
   */
  leave(func: number): boolean {
    // Unwinding by an exception skips leave hooks: pop down to the frame that is leaving.
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i].func === func) {
        this.stack.length = i;
        break;
      }
    }
    if (this.resume.kind === 'continue' || this.stack.length >= this.depth || !this.stack.length)
      return false;
    this.resume = { kind: 'continue' };
    return true;
  }

  /** A trap or an exception ended frames without their leave: the stack starts over. */
  reset(): void {
    this.stack.length = 0;
  }

  /** The program reached `offset` (a step site); the reason to pause there, or null. */
  step(offset: number, base = 0): PauseReason | null {
    const top = this.stack[this.stack.length - 1];
    if (top) {
      top.offset = offset;
      top.base = base;
    }
    const depth = this.stack.length;
    const moved = () => depth !== this.depth || this.lineOf(offset) !== this.line;
    let reason: PauseReason | null = null;
    if (this.stopAtEntry) {
      this.stopAtEntry = false;
      reason = 'entry';
    } else if (this.pauseAsked) reason = 'pause';
    else if (this.breakpoints.has(offset)) reason = 'breakpoint';
    else if (this.resume.kind === 'into' && moved()) reason = 'step';
    else if (this.resume.kind === 'over' && depth <= this.depth && moved()) reason = 'step';
    else if (this.resume.kind === 'out' && depth < this.depth) reason = 'step';
    if (reason) {
      this.pauseAsked = false;
      this.resume = { kind: 'continue' };
    }
    return reason;
  }

  /** Goes on after a pause as asked. */
  go(resume: Resume): void {
    this.resume = resume;
    this.depth = this.stack.length;
    const top = this.stack[this.stack.length - 1];
    this.line = top ? this.lineOf(top.offset) : -1;
  }

  /** The call stack, innermost frame first. */
  frames(): Frame[] {
    return [...this.stack].reverse();
  }
}
