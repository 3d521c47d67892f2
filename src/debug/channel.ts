// The page ↔ runner channel of a debug session, in shared memory: the runner's hooks run
// synchronously inside the program, and a paused program blocks its worker (Atomics.wait), so
// nothing can reach it by postMessage. Commands, breakpoints and memory reads go through here.
//
// Layout of the Int32 header:
//   [STATE]  RUNNING | PAUSED | RESUME | SERVE (the page asks for memory while paused)
//   [CMD]    what to do on RESUME (Resume kinds, in RESUMES order)
//   [PAUSE]  1: pause at the next step site (the Pause button)
//   [BP_GEN] bumped when the breakpoints change; [BP_COUNT] how many follow in the list
//   [ADDR] [LEN] a memory read's address and length; [GOT] how many bytes were copied
// then MAX_BREAKPOINTS Int32 offsets, then MEMORY_WINDOW bytes for memory reads.
import type { Resume } from './stepper';

const STATE = 0;
const CMD = 1;
const PAUSE = 2;
const BP_GEN = 3;
const BP_COUNT = 4;
const ADDR = 5;
const LEN = 6;
const GOT = 7;
const HEADER = 8;
export const MAX_BREAKPOINTS = 1024;
export const MEMORY_WINDOW = 64 * 1024;

export const RUNNING = 0;
export const PAUSED = 1;
const RESUME = 2;
const SERVE = 3;
const RESUMES: Resume['kind'][] = ['continue', 'into', 'over', 'out'];

/** A new channel's shared memory. */
export function createChannel(): SharedArrayBuffer {
  return new SharedArrayBuffer((HEADER + MAX_BREAKPOINTS) * 4 + MEMORY_WINDOW);
}

function views(sab: SharedArrayBuffer) {
  return {
    head: new Int32Array(sab, 0, HEADER + MAX_BREAKPOINTS),
    window: new Uint8Array(sab, (HEADER + MAX_BREAKPOINTS) * 4, MEMORY_WINDOW),
  };
}

/** The page's end: resume, pause, breakpoints, memory reads while paused. */
export class DebugControl {
  private readonly head: Int32Array;
  private readonly window: Uint8Array;
  constructor(readonly sab: SharedArrayBuffer) {
    ({ head: this.head, window: this.window } = views(sab));
  }

  get paused(): boolean {
    return Atomics.load(this.head, STATE) === PAUSED;
  }

  resume(kind: Resume['kind']): void {
    Atomics.store(this.head, CMD, RESUMES.indexOf(kind));
    Atomics.store(this.head, STATE, RESUME);
    Atomics.notify(this.head, STATE);
  }

  requestPause(): void {
    Atomics.store(this.head, PAUSE, 1);
  }

  /** The breakpoints (original offsets); the program sees them at its next step site. */
  setBreakpoints(offsets: number[]): void {
    const n = Math.min(offsets.length, MAX_BREAKPOINTS);
    for (let i = 0; i < n; i++) this.head[HEADER + i] = offsets[i];
    Atomics.store(this.head, BP_COUNT, n);
    Atomics.add(this.head, BP_GEN, 1);
  }

  /**
   * Reads the paused program's linear memory (up to MEMORY_WINDOW bytes): the worker copies it
   * while it waits. Null when the program is not paused or did not answer within `timeoutMs`.
   */
  readMemory(address: number, length: number, timeoutMs = 1000): Uint8Array | null {
    if (!this.paused) return null;
    Atomics.store(this.head, ADDR, address);
    Atomics.store(this.head, LEN, Math.min(length, MEMORY_WINDOW));
    Atomics.store(this.head, STATE, SERVE);
    Atomics.notify(this.head, STATE);
    const end = performance.now() + timeoutMs;
    // The page may not block (Atomics.wait is refused on a main thread): it spins briefly; the
    // worker answers in microseconds.
    while (Atomics.load(this.head, STATE) === SERVE) if (performance.now() > end) return null;
    return this.window.slice(0, Atomics.load(this.head, GOT));
  }
}

/** The runner's end, called from the program's step hook. */
export class DebugPort {
  private readonly head: Int32Array;
  private readonly window: Uint8Array;
  private generation = 0;
  constructor(sab: SharedArrayBuffer) {
    ({ head: this.head, window: this.window } = views(sab));
  }

  /** Pause asked since the last look (cleared). */
  takePauseRequest(): boolean {
    return Atomics.exchange(this.head, PAUSE, 0) === 1;
  }

  /** The breakpoints, when they changed since the last look. */
  newBreakpoints(): number[] | null {
    const g = Atomics.load(this.head, BP_GEN);
    if (g === this.generation) return null;
    this.generation = g;
    const n = Atomics.load(this.head, BP_COUNT);
    return Array.from(this.head.subarray(HEADER, HEADER + n));
  }

  /** The program is paused from now on (before the page is told, so it sees it paused). */
  enterPause(): void {
    Atomics.store(this.head, STATE, PAUSED);
  }

  /**
   * Blocks until the page resumes the program (after enterPause), serving its memory reads
   * meanwhile; returns what the user asked for.
   */
  waitForResume(memory: () => Uint8Array | null): Resume {
    for (;;) {
      Atomics.wait(this.head, STATE, PAUSED);
      const state = Atomics.load(this.head, STATE);
      if (state === SERVE) {
        const mem = memory();
        const addr = Atomics.load(this.head, ADDR);
        const len = Atomics.load(this.head, LEN);
        const got = mem ? mem.subarray(addr, Math.min(addr + len, mem.length)) : new Uint8Array(0);
        this.window.set(got);
        Atomics.store(this.head, GOT, got.length);
        Atomics.store(this.head, STATE, PAUSED);
        continue;
      }
      if (state === RESUME) {
        Atomics.store(this.head, STATE, RUNNING);
        return { kind: RESUMES[Atomics.load(this.head, CMD)] ?? 'continue' };
      }
    }
  }
}
