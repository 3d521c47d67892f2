/**
 * The WASI 0.2 a Spin component gets beside Spin's own interfaces, synchronous and small: io
 * (errors, streams, pollables, poll), cli (environment, exit, stdio into the request's log, no
 * terminal), clocks, random (the filesystem, the manifest's files read-only, is wasiFs.ts). Classes, not the
 * preview2-shim's: jco checks resources with `instanceof`, so wasi:http's streams must be these.
 * Keys are unversioned (jco's import object): any 0.2.x a component names is served.
 */

/** A wasi:io/error. */
export class IoError {
  constructor(readonly message: string) {}
  toDebugString() {
    return this.message;
  }
}

/** Ready at once, or when `readyAt` (performance.now() ms) has passed. */
export class Pollable {
  constructor(readonly readyAt = 0) {}
  ready() {
    return performance.now() >= this.readyAt;
  }
  block() {
    sleepUntil(this.readyAt);
  }
}

let sleeper: Int32Array | null | undefined;
/** Waits in this worker (Atomics.wait where there is shared memory; else it spins). */
function sleepUntil(t: number) {
  if (sleeper === undefined)
    sleeper =
      typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(4)) : null;
  for (let left = t - performance.now(); left > 0; left = t - performance.now())
    if (sleeper) Atomics.wait(sleeper, 0, 0, left);
}

export interface StreamSource {
  /** Up to `n` bytes; an empty array at the end. */
  read(n: number): Uint8Array;
}

export class InputStream {
  constructor(private source: StreamSource) {}
  read(len: bigint): Uint8Array {
    const b = this.source.read(Number(len > 65536n ? 65536n : len));
    if (b.length === 0 && len > 0n) throw { tag: 'closed' };
    return b;
  }
  blockingRead(len: bigint) {
    return this.read(len);
  }
  skip(len: bigint): bigint {
    return BigInt(this.read(len).length);
  }
  blockingSkip(len: bigint) {
    return this.skip(len);
  }
  subscribe() {
    return new Pollable();
  }
}

/** Bytes from an array, then the end. */
export function bytesSource(bytes: Uint8Array): StreamSource {
  let at = 0;
  return {
    read(n) {
      const b = bytes.subarray(at, at + n);
      at += b.length;
      return b;
    },
  };
}

export class OutputStream {
  closed = false;
  constructor(private sink: (b: Uint8Array) => void) {}
  checkWrite(): bigint {
    if (this.closed) throw { tag: 'closed' };
    return 65536n;
  }
  write(b: Uint8Array) {
    if (this.closed) throw { tag: 'closed' };
    this.sink(b.slice());
  }
  blockingWriteAndFlush(b: Uint8Array) {
    this.write(b);
  }
  flush() {}
  blockingFlush() {}
  subscribe() {
    return new Pollable();
  }
  writeZeroes(n: bigint) {
    this.write(new Uint8Array(Number(n)));
  }
  blockingWriteZeroesAndFlush(n: bigint) {
    this.writeZeroes(n);
  }
  splice(src: InputStream, len: bigint): bigint {
    const b = src.read(len);
    this.write(b);
    return BigInt(b.length);
  }
  blockingSplice(src: InputStream, len: bigint) {
    return this.splice(src, len);
  }
}

/** wasi:cli/exit: the guest asked to stop (a handler should not; it answers 500). */
export class GuestExit {
  constructor(readonly code: number) {}
}

class TerminalInput {}
class TerminalOutput {}

export interface WasiOptions {
  env: [string, string][];
  /** What the guest prints (stdout and stderr, in order). */
  log: (b: Uint8Array) => void;
}

/** The import object's WASI part for one instance. */
export function wasiImports(o: WasiOptions): Record<string, object> {
  const out = new OutputStream(o.log);
  const random = (n: bigint) => crypto.getRandomValues(new Uint8Array(Number(n)));
  const u64 = () => new BigUint64Array(crypto.getRandomValues(new BigUint64Array(1)).buffer)[0];
  const origin = performance.timeOrigin;
  return {
    'wasi:io/error': { Error: IoError },
    'wasi:io/poll': {
      Pollable,
      poll(list: Pollable[]): Uint32Array {
        for (;;) {
          const ready = list.flatMap((p, i) => (p.ready() ? [i] : []));
          if (ready.length) return Uint32Array.from(ready);
          sleepUntil(Math.min(...list.map((p) => p.readyAt)));
        }
      },
    },
    'wasi:io/streams': { InputStream, OutputStream },
    'wasi:cli/environment': {
      getEnvironment: () => o.env,
      getArguments: () => [],
      initialCwd: () => undefined,
    },
    'wasi:cli/exit': {
      exit(status: { tag: string }) {
        throw new GuestExit(status.tag === 'ok' ? 0 : 1);
      },
    },
    'wasi:cli/stdin': { getStdin: () => new InputStream(bytesSource(new Uint8Array())) },
    'wasi:cli/stdout': { getStdout: () => out },
    'wasi:cli/stderr': { getStderr: () => out },
    'wasi:cli/terminal-input': { TerminalInput },
    'wasi:cli/terminal-output': { TerminalOutput },
    'wasi:cli/terminal-stdin': { getTerminalStdin: () => undefined },
    'wasi:cli/terminal-stdout': { getTerminalStdout: () => undefined },
    'wasi:cli/terminal-stderr': { getTerminalStderr: () => undefined },
    'wasi:clocks/monotonic-clock': {
      now: () => BigInt(Math.round(performance.now() * 1e6)),
      resolution: () => 1000n,
      subscribeInstant: (ns: bigint) => new Pollable(Number(ns) / 1e6),
      subscribeDuration: (ns: bigint) => new Pollable(performance.now() + Number(ns) / 1e6),
    },
    'wasi:clocks/wall-clock': {
      now() {
        const ms = origin + performance.now();
        const seconds = Math.floor(ms / 1000);
        return { seconds: BigInt(seconds), nanoseconds: Math.floor((ms - seconds * 1000) * 1e6) };
      },
      resolution: () => ({ seconds: 0n, nanoseconds: 1000 }),
    },
    'wasi:random/random': { getRandomBytes: random, getRandomU64: u64 },
    'wasi:random/insecure': { getInsecureRandomBytes: random, getInsecureRandomU64: u64 },
    'wasi:random/insecure-seed': { insecureSeed: () => [u64(), u64()] },
  };
}
