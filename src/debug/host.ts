// Runner worker only: the hooks a debug build imports (module "dbg"), wired to the stepper and
// to the page through the shared channel. A pause posts where the program is, then blocks the
// worker until the page resumes it (answering its memory reads meanwhile).
import { DebugPort } from './channel';
import type { PauseEvent } from '../protocol/debug';
import { Stepper, type Frame, type PauseReason } from './stepper';

export type { PauseEvent };

export class DebugHost {
  readonly stepper: Stepper;
  /** The program's memory, once instantiated (memory reads while paused). */
  memory: WebAssembly.Memory | null = null;
  private readonly port: DebugPort;

  constructor(
    channel: SharedArrayBuffer,
    private readonly onPause: (e: PauseEvent) => void,
    opts: {
      breakpoints?: number[];
      stopAtEntry?: boolean;
      lineOf?: (offset: number) => number | undefined;
    } = {},
  ) {
    this.port = new DebugPort(channel);
    this.stepper = new Stepper(opts);
  }

  /** Pauses where the program is: posts the event, blocks until the page resumes it. */
  private pause(reason: PauseReason, offset: number, frames: Frame[], message?: string) {
    this.port.enterPause();
    this.onPause({ reason, offset, frames, ...(message ? { message } : {}) });
    return this.port.waitForResume(() => (this.memory ? new Uint8Array(this.memory.buffer) : null));
  }

  /**
   * The program trapped at `offset` (original): it pauses there with the stack it had, so the
   * user sees where and why; whatever they press next, the run then ends with the trap.
   */
  trapped(offset: number, message: string): void {
    const frames = this.stepper.frames();
    if (frames[0] && offset >= 0) frames[0] = { ...frames[0], offset };
    this.pause('trap', offset, frames, message);
    this.stepper.reset();
  }

  /** The imports of the instrumented module's "dbg" module. */
  readonly hooks = {
    step: (offset: number, base: number) => {
      if (this.port.takePauseRequest()) this.stepper.requestPause();
      const breakpoints = this.port.newBreakpoints();
      if (breakpoints) this.stepper.setBreakpoints(breakpoints);
      const reason = this.stepper.step(offset, base);
      if (!reason) return;
      this.stepper.go(this.pause(reason, offset, this.stepper.frames()));
    },
    enter: (f: number) => this.stepper.enter(f),
    leave: (f: number) => {
      if (!this.stepper.leave(f)) return;
      const frames = this.stepper.frames();
      this.stepper.go(this.pause('step', frames[0].offset, frames));
    },
  };
}
