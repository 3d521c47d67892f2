/**
 * Standard input of a run and how a program waits for it.
 *
 * A WASI program runs synchronously, so a read that has nothing to return must block it. Three
 * ways, best first:
 * - `jspi`: the read and poll imports are `WebAssembly.Suspending`; the program is suspended on a
 *   promise and the worker's event loop keeps running (input arrives as port messages). Needs no
 *   cross-origin isolation, so it works in embeds.
 * - `atomics`: the worker blocks in `Atomics.wait` on a SharedArrayBuffer the page writes input
 *   into. Needs a cross-origin isolated page.
 * - `none`: nothing can block: stdin is the preset text only, and sleeps spin.
 */
import type { WaitMode } from '../protocol/run';

export type { WaitMode };

/** The bytes of stdin: the preset text first, then (interactive runs) what arrives later. */
export class StdinStream {
  private chunks: Uint8Array[] = [];
  private offset = 0;
  private size = 0;
  private closed: boolean;

  /** `interactive`: more input may arrive after `preset`; else EOF follows it. */
  constructor(
    preset: Uint8Array,
    readonly interactive: boolean,
  ) {
    if (preset.length) this.push(preset);
    this.closed = !interactive;
  }

  /** Bytes that can be read now. */
  get available(): number {
    return this.size;
  }

  /** True once every byte was read and no more will come (a read returns 0). */
  get ended(): boolean {
    return this.closed && this.size === 0;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  push(bytes: Uint8Array) {
    if (this.closed || bytes.length === 0) return;
    this.chunks.push(bytes);
    this.size += bytes.length;
  }

  /** End of file after what is buffered. */
  close() {
    this.closed = true;
  }

  /** Takes up to `max` bytes. */
  read(max: number): Uint8Array {
    const n = Math.min(max, this.size);
    const out = new Uint8Array(n);
    let done = 0;
    while (done < n) {
      const c = this.chunks[0];
      const take = Math.min(c.length - this.offset, n - done);
      out.set(c.subarray(this.offset, this.offset + take), done);
      done += take;
      this.offset += take;
      if (this.offset === c.length) {
        this.chunks.shift();
        this.offset = 0;
      }
    }
    this.size -= n;
    return out;
  }
}

/** How the host blocks for input or time; `pull` moves arrived input into the stream. */
export interface Waiter {
  readonly mode: WaitMode;
  /** Moves input that has arrived into the stream, without waiting. */
  pull(stream: StdinStream): void;
  /** atomics: blocks up to `ms` (Infinity = no limit) or until input arrives. */
  waitSync?(ms: number): void;
  /** jspi: resolves after `ms` or when input arrives. */
  waitAsync?(ms: number): Promise<void>;
}

/** Blocks the thread for `ms` without input: Atomics.wait where allowed, else a busy loop. */
export function sleepSync(ms: number) {
  if (ms <= 0) return;
  if (typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated !== false) {
    try {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      return;
    } catch {
      // Atomics.wait is not allowed here (a main thread): fall through to spinning.
    }
  }
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // Nothing else can block a synchronous program without isolation.
  }
}

/** No way to wait for input: stdin is what was preset; sleeps block with `sleepSync`. */
export const noWaiter: Waiter = { mode: 'none', pull() {} };

// The ring's header (Int32 slots) before its data bytes.
const SEQ = 0; // bumped on every write or close: what the reader waits on
const WRITTEN = 1; // bytes written in all (wraps at 2^32)
const READ = 2; // bytes read in all
const CLOSED = 3;
const HEADER_BYTES = 16;

/** Bytes of typed input the ring holds before the page queues the rest. */
export const RING_BYTES = 64 * 1024;

export function createRing(bytes = RING_BYTES): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + bytes);
}

/**
 * The page's end of a stdin ring: writes what fits, keeps the rest until the program has read
 * (it says so when it waits, and the ring is empty then).
 */
export class RingWriter {
  private h: Int32Array;
  private data: Uint8Array;
  private queue: Uint8Array[] = [];
  private closing = false;

  constructor(sab: SharedArrayBuffer) {
    this.h = new Int32Array(sab, 0, 4);
    this.data = new Uint8Array(sab, HEADER_BYTES);
  }

  write(bytes: Uint8Array) {
    if (bytes.length) this.queue.push(bytes);
    this.flush();
  }

  close() {
    this.closing = true;
    this.flush();
  }

  /** Moves queued bytes into the ring as space allows. */
  flush() {
    const cap = this.data.length;
    let w = Atomics.load(this.h, WRITTEN) >>> 0;
    while (this.queue.length) {
      const used = (w - (Atomics.load(this.h, READ) >>> 0)) >>> 0;
      const free = cap - used;
      if (free === 0) break;
      const b = this.queue[0];
      const n = Math.min(free, b.length);
      for (let i = 0; i < n; i++) this.data[(w + i) % cap] = b[i];
      w = (w + n) >>> 0;
      if (n === b.length) this.queue.shift();
      else this.queue[0] = b.subarray(n);
    }
    Atomics.store(this.h, WRITTEN, w | 0);
    if (this.closing && this.queue.length === 0) Atomics.store(this.h, CLOSED, 1);
    Atomics.add(this.h, SEQ, 1);
    Atomics.notify(this.h, SEQ);
  }
}

/** The program's end of a stdin ring: blocks the worker in Atomics.wait until input or a timeout. */
export class RingWaiter implements Waiter {
  readonly mode = 'atomics' as const;
  private h: Int32Array;
  private data: Uint8Array;

  constructor(sab: SharedArrayBuffer) {
    this.h = new Int32Array(sab, 0, 4);
    this.data = new Uint8Array(sab, HEADER_BYTES);
  }

  pull(stream: StdinStream) {
    const cap = this.data.length;
    const w = Atomics.load(this.h, WRITTEN) >>> 0;
    let r = Atomics.load(this.h, READ) >>> 0;
    const n = (w - r) >>> 0;
    if (n > 0) {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = this.data[(r + i) % cap];
      r = (r + n) >>> 0;
      Atomics.store(this.h, READ, r | 0);
      stream.push(out);
    }
    if (Atomics.load(this.h, CLOSED) && !stream.isClosed) stream.close();
  }

  waitSync(ms: number) {
    const seq = Atomics.load(this.h, SEQ);
    // Input may have come between the caller's pull and now: the sequence number tells.
    if (Atomics.load(this.h, WRITTEN) >>> 0 !== Atomics.load(this.h, READ) >>> 0) return;
    if (Atomics.load(this.h, CLOSED)) return;
    Atomics.wait(this.h, SEQ, seq, ms === Infinity ? undefined : Math.max(0, ms));
  }
}

/** Input message on a run's stdin port (page → runner worker). */
export type StdinPortMessage = { bytes: Uint8Array } | { eof: true };

/**
 * JSPI's waiter: input arrives as messages on `port` while the program is suspended (the
 * worker's event loop runs then); `waitAsync` resolves on input or after the timeout.
 */
export class PortWaiter implements Waiter {
  readonly mode = 'jspi' as const;
  private arrived: StdinPortMessage[] = [];
  private wake: (() => void) | null = null;

  constructor(port: MessagePort | null) {
    if (port) {
      port.onmessage = (e: MessageEvent<StdinPortMessage>) => {
        this.arrived.push(e.data);
        this.wake?.();
      };
    }
  }

  pull(stream: StdinStream) {
    for (const m of this.arrived.splice(0)) {
      if ('eof' in m) stream.close();
      else stream.push(m.bytes);
    }
  }

  waitAsync(ms: number): Promise<void> {
    if (this.arrived.length) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = null;
        resolve();
      };
      if (ms !== Infinity) timer = setTimeout(done, Math.max(0, ms));
      this.wake = done;
    });
  }
}
