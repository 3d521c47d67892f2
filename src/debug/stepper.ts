// The debug host's decisions, with no waiting in them: the shadow call stack the enter/leave
// hooks keep, and at each step whether the program pauses there (a breakpoint, Pause, or the
// step the user asked for). The runner's hooks call it; it is pure, so it is tested as it is.

/** What the user asked the program to do after a pause. */
export type Resume = { kind: 'continue' } | { kind: 'into' } | { kind: 'over' } | { kind: 'out' };

/** One frame of the shadow stack: its function (original index) and where it is (offset). */
export interface Frame {
  func: number;
  offset: number;
}

/** Why the program paused. */
export type PauseReason = 'breakpoint' | 'step' | 'pause' | 'entry';

/**
 * Breakpoints are original code offsets (a source line resolves to one or more). A step ends at
 * the next step site: in any frame (into), in this frame or a caller (over), in a caller (out);
 * a "line" step is the caller's business (it resumes until the line changes).
 */
export class Stepper {
  readonly stack: Frame[] = [];
  private breakpoints = new Set<number>();
  private resume: Resume = { kind: 'continue' };
  /** The depth the current step started at (over/out). */
  private depth = 0;
  private pauseAsked = false;
  private stopAtEntry: boolean;

  constructor(opts: { breakpoints?: Iterable<number>; stopAtEntry?: boolean } = {}) {
    this.setBreakpoints(opts.breakpoints ?? []);
    this.stopAtEntry = opts.stopAtEntry ?? false;
  }

  setBreakpoints(offsets: Iterable<number>): void {
    this.breakpoints = new Set(offsets);
  }

  /** Pause at the next step site, whatever it is (the Pause button). */
  requestPause(): void {
    this.pauseAsked = true;
  }

  enter(func: number): void {
    this.stack.push({ func, offset: -1 });
  }

  /** A function returned (or branched out of its body). */
  leave(func: number): void {
    // Unwinding by an exception skips leave hooks: pop down to the frame that is leaving.
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i].func === func) {
        this.stack.length = i;
        return;
      }
    }
  }

  /** A trap or an exception ended frames without their leave: the stack starts over. */
  reset(): void {
    this.stack.length = 0;
  }

  /** The program reached `offset` (a step site); the reason to pause there, or null. */
  step(offset: number): PauseReason | null {
    const top = this.stack[this.stack.length - 1];
    if (top) top.offset = offset;
    const depth = this.stack.length;
    let reason: PauseReason | null = null;
    if (this.stopAtEntry) {
      this.stopAtEntry = false;
      reason = 'entry';
    } else if (this.pauseAsked) reason = 'pause';
    else if (this.breakpoints.has(offset)) reason = 'breakpoint';
    else if (this.resume.kind === 'into') reason = 'step';
    else if (this.resume.kind === 'over' && depth <= this.depth) reason = 'step';
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
  }

  /** The call stack, innermost frame first. */
  frames(): Frame[] {
    return [...this.stack].reverse();
  }
}
