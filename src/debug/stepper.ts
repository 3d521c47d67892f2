// The debug host's decisions, with no waiting in them: at each step site (and at each exit the
// instrumented code reports) whether the program pauses there — a breakpoint, Pause, or the
// step the user asked for — and the depth limit the code's own checks use until then. The call
// depth comes from the program (a global it keeps). Pure, so it is tested as it is.
import type { DebugFrame as Frame, PauseReason } from '../protocol/debug';

export type { Frame, PauseReason };

/** What the user asked the program to do after a pause. */
export type Resume = { kind: 'continue' } | { kind: 'into' } | { kind: 'over' } | { kind: 'out' };

/** A limit no depth reaches: every site calls the host. */
export const EVERY_SITE = 0x7fffffff;

/**
 * Breakpoints are original code offsets (a source line resolves to one or more). A step ends at
 * the next step site on another line (`lineOf`; without it every site is its own line): in any
 * frame (into), in this frame or a caller (over), in a caller (out).
 */
export class Stepper {
  private breakpoints = new Set<number>();
  private resume: Resume = { kind: 'continue' };
  /** The depth and line the current step started at. */
  private depth = 0;
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

  /**
   * Sites at a depth up to this call the host (functions with a breakpoint call it anyway):
   * none while running on, every one for Step into or Pause, the frame's and its callers' for
   * Step over, the callers' for Step out.
   */
  limit(): number {
    if (this.stopAtEntry || this.pauseAsked || this.resume.kind === 'into') return EVERY_SITE;
    if (this.resume.kind === 'over') return this.depth;
    if (this.resume.kind === 'out') return this.depth - 1;
    return -1;
  }

  /** The program reached `offset` (a step site) at call depth `depth`: pause there, or null. */
  step(offset: number, depth: number): PauseReason | null {
    const moved = () => depth !== this.depth || this.lineOf(offset) !== this.line;
    let reason: PauseReason | null = null;
    if (this.stopAtEntry) reason = 'entry';
    else if (this.pauseAsked) reason = 'pause';
    else if (this.breakpoints.has(offset)) reason = 'breakpoint';
    else if (this.resume.kind === 'into' && moved()) reason = 'step';
    else if (this.resume.kind === 'over' && depth <= this.depth && moved()) reason = 'step';
    else if (this.resume.kind === 'out' && depth < this.depth) reason = 'step';
    if (reason) {
      this.stopAtEntry = false;
      this.pauseAsked = false;
      this.resume = { kind: 'continue' };
    }
    return reason;
  }

  /**
   * A function returned; `depth` is its caller's. True when a step ends here: the step left the
   * frame it started in, so the caller pauses on the line of its call (as a debugger shows the
   * caller after Step out), not at its next line.
   */
  leave(depth: number): boolean {
    if (this.resume.kind === 'continue' || depth >= this.depth || depth < 1) return false;
    this.resume = { kind: 'continue' };
    return true;
  }

  /** Goes on after a pause at `offset`, `depth` deep, as asked. */
  go(resume: Resume, depth: number, offset: number): void {
    this.resume = resume;
    this.depth = depth;
    this.line = this.lineOf(offset);
  }
}
