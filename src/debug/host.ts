// Runner worker only: the hooks a debug build imports (module "dbg"), wired to the stepper and
// to the page through the shared channel. A pause posts where the program is, then blocks the
// worker until the page resumes it (answering its memory reads meanwhile).
import { DebugPort } from './channel';
import { Stepper, type Frame, type PauseReason } from './stepper';

/** What the page is told when the program pauses. */
export interface PauseEvent {
  reason: PauseReason;
  /** The paused instruction's offset in the original module. */
  offset: number;
  /** Innermost first: each frame's function (original index) and offset. */
  frames: Frame[];
}

export class DebugHost {
  readonly stepper: Stepper;
  /** The program's memory, once instantiated (memory reads while paused). */
  memory: WebAssembly.Memory | null = null;
  private readonly port: DebugPort;

  constructor(
    channel: SharedArrayBuffer,
    private readonly onPause: (e: PauseEvent) => void,
    opts: { breakpoints?: number[]; stopAtEntry?: boolean } = {},
  ) {
    this.port = new DebugPort(channel);
    this.stepper = new Stepper(opts);
  }

  /** The imports of the instrumented module's "dbg" module. */
  readonly hooks = {
    step: (offset: number) => {
      if (this.port.takePauseRequest()) this.stepper.requestPause();
      const breakpoints = this.port.newBreakpoints();
      if (breakpoints) this.stepper.setBreakpoints(breakpoints);
      const reason = this.stepper.step(offset);
      if (!reason) return;
      this.port.enterPause();
      this.onPause({ reason, offset, frames: this.stepper.frames() });
      const resume = this.port.waitForResume(() =>
        this.memory ? new Uint8Array(this.memory.buffer) : null,
      );
      this.stepper.go(resume);
    },
    enter: (f: number) => this.stepper.enter(f),
    leave: (f: number) => this.stepper.leave(f),
  };
}
