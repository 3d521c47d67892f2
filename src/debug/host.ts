// Runner worker only: the hooks a debug build imports (module "dbg"), wired to the stepper and
// to the page through the shared channel. A pause posts where the program is — the call stack
// read from the engine's own stack trace, frame bases followed up the stack — then blocks the
// worker until the page resumes it (answering its memory reads meanwhile).
import type { PauseEvent, WasmLocal } from '../protocol/debug';
import { DebugPort } from './channel';
import { DEPTH, LIMIT, SP, TICK, TICKS, type Instrumented } from './instrument';
import { Stepper, type Frame, type PauseReason, type Resume } from './stepper';

export type { PauseEvent };

/** The wasm frames of a V8 stack trace, innermost first: function index and module offset. */
export function wasmFrames(stack: string | undefined): { func: number; offset: number }[] {
  const out: { func: number; offset: number }[] = [];
  for (const m of (stack ?? '').matchAll(/wasm-function\[(\d+)\]:0x([0-9a-f]+)/g))
    out.push({ func: Number(m[1]), offset: parseInt(m[2], 16) });
  return out;
}

type Globals = Record<string, WebAssembly.Global>;

export class DebugHost {
  readonly stepper: Stepper;
  private readonly port: DebugPort | null;
  private memory: WebAssembly.Memory | null = null;
  private globals: Globals = {};

  private readonly answer?: (e: PauseEvent) => Resume;

  constructor(
    channel: SharedArrayBuffer | null,
    private readonly mod: Instrumented,
    private readonly onPause: (e: PauseEvent) => void,
    opts: {
      breakpoints?: number[];
      stopAtEntry?: boolean;
      lineOf?: (offset: number) => number | undefined;
      /** Answers a pause at once instead of waiting for the page (tests in one thread). */
      answer?: (e: PauseEvent) => Resume;
    } = {},
  ) {
    this.port = channel ? new DebugPort(channel) : null;
    this.answer = opts.answer;
    this.stepper = new Stepper(opts);
    this.breakpoints = opts.breakpoints ?? [];
  }

  private breakpoints: number[];
  /** The locals the paused site handed over (instruction-level functions). */
  private locals: WasmLocal[] = [];
  private local(type: WasmLocal['type']) {
    return (index: number, value: number | bigint) =>
      void this.locals.push({ index, type, value: String(value) });
  }

  /** The instance's memory and the globals its checks read; the breakpoints armed. */
  bind(instance: WebAssembly.Instance): void {
    const e = instance.exports;
    this.memory = (e.memory as WebAssembly.Memory | undefined) ?? null;
    this.globals = e as unknown as Globals;
    this.arm(this.breakpoints);
    this.globals[LIMIT].value = this.stepper.limit();
  }

  /** Raises the breakpoint flag of each function holding one. */
  private arm(offsets: number[]): void {
    this.breakpoints = offsets;
    this.stepper.setBreakpoints(offsets);
    for (const name of this.mod.flags.values())
      if (this.globals[name]) this.globals[name].value = 0;
    for (const o of offsets) {
      const flag = this.mod.flags.get(this.mod.functionOf(o));
      if (flag && this.globals[flag]) this.globals[flag].value = 1;
    }
  }

  private depth(): number {
    return Number(this.globals[DEPTH]?.value ?? 0);
  }

  /** The call stack from `stack` (innermost first), `base` the innermost frame's (0: unknown). */
  private frames(stack: string | undefined, base: number, skip = 0): Frame[] {
    const frames = wasmFrames(stack)
      .slice(skip)
      .map((f) => ({
        func: this.mod.originalFunction(f.func),
        offset: this.mod.toOriginal(f.offset),
        base: 0,
      }))
      .filter((f) => f.func >= 0);
    const size = (f: Frame) => this.mod.bodies[f.func - this.mod.importedFuncs]?.frameSize ?? 0;
    if (frames.length && !base) {
      // No frame-base local: the stack pointer says (a leaf's frame is below it).
      const sp = Number(this.globals[SP]?.value ?? 0);
      const body = this.mod.bodies[frames[0].func - this.mod.importedFuncs];
      base = body && !body.writesSp ? sp - body.frameSize : sp;
    }
    // Each caller's frame starts where its callee's ends.
    for (const f of frames) {
      f.base = base;
      base += size(f);
    }
    return frames;
  }

  /** Pauses: posts the event, blocks until the page resumes the program, goes on as asked. */
  private pause(reason: PauseReason, frames: Frame[], message?: string, locals?: WasmLocal[]) {
    const offset = frames[0]?.offset ?? -1;
    const event: PauseEvent = { reason, offset, frames, ...(message ? { message } : {}) };
    if (locals?.length) event.locals = locals;
    let resume: Resume;
    if (this.port) {
      this.port.enterPause();
      this.onPause(event);
      resume = this.port.waitForResume(() =>
        this.memory ? new Uint8Array(this.memory.buffer) : null,
      );
    } else {
      this.onPause(event);
      resume = this.answer?.(event) ?? { kind: 'continue' };
    }
    this.poll();
    this.stepper.go(resume, frames.length, offset);
    if (this.globals[LIMIT]) this.globals[LIMIT].value = this.stepper.limit();
  }

  /**
   * The program trapped (`stack` is the trap's): it pauses there with the stack it had, so the
   * user sees where and why; whatever they press next, the run then ends with the trap.
   */
  trapped(stack: string | undefined, message: string): void {
    this.pause('trap', this.frames(stack, 0), message);
  }

  /** Pause and new breakpoints, as the page asked since the last look. */
  private poll(): void {
    if (!this.port) return;
    if (this.port.takePauseRequest()) this.stepper.requestPause();
    const breakpoints = this.port.newBreakpoints();
    if (breakpoints) this.arm(breakpoints);
    if (this.globals[LIMIT]) this.globals[LIMIT].value = this.stepper.limit();
  }

  /** The imports of the instrumented module's "dbg" module. */
  readonly hooks = {
    step: (offset: number, base: number) => {
      const locals = this.locals;
      this.locals = [];
      this.poll();
      const reason = this.stepper.step(offset, this.depth());
      if (!reason) return;
      const frames = this.frames(new Error().stack, base);
      if (frames[0]) frames[0].offset = offset;
      this.pause(reason, frames, undefined, locals);
    },
    leave: () => {
      if (!this.stepper.leave(this.depth())) return;
      // The function that returns is still on the engine's stack: its caller is the top.
      this.pause('step', this.frames(new Error().stack, 0, 1));
    },
    poll: () => {
      if (this.globals[TICK]) this.globals[TICK].value = TICKS;
      this.poll();
    },
    local_i32: this.local('i32'),
    local_i64: this.local('i64'),
    local_f32: this.local('f32'),
    local_f64: this.local('f64'),
  };
}
