import { describe, expect, it } from 'vitest';
import { compile, runTyped } from '../testing';
import { watMeta } from '../languages/wat/meta';
import { WasiHost, type StdinWaitState } from './host';
import { Budget, buildTree } from './memfs';
import { createRing, noWaiter, RingWaiter, RingWriter, StdinStream, type Waiter } from './stdin';

const enc = new TextEncoder();
const dec = new TextDecoder();

describe('StdinStream', () => {
  it('gives the preset first, then pushed input, then EOF once closed', () => {
    const s = new StdinStream(enc.encode('ab'), true);
    expect(dec.decode(s.read(1))).toBe('a');
    s.push(enc.encode('cd'));
    expect(dec.decode(s.read(10))).toBe('bcd');
    expect(s.ended).toBe(false);
    s.close();
    expect(s.ended).toBe(true);
    expect(new StdinStream(enc.encode('x'), false).isClosed).toBe(true);
  });
});

describe('stdin ring (the Atomics path)', () => {
  it('carries bytes across the wrap-around, queues what does not fit, and closes after them', () => {
    const sab = createRing(8);
    const w = new RingWriter(sab);
    const r = new RingWaiter(sab);
    const s = new StdinStream(new Uint8Array(0), true);
    w.write(enc.encode('hello'));
    r.pull(s);
    expect(dec.decode(s.read(99))).toBe('hello');
    w.write(enc.encode('0123456789ab')); // 12 bytes into 8: 4 wait in the page's queue
    w.close();
    r.pull(s);
    expect(dec.decode(s.read(99))).toBe('01234567');
    expect(s.isClosed).toBe(false); // not before the queued bytes
    w.flush(); // the program waits: the page moves the rest in
    r.pull(s);
    expect(dec.decode(s.read(99))).toBe('89ab');
    expect(s.ended).toBe(true);
  });

  it('does not block when input is already there', () => {
    const sab = createRing(8);
    new RingWriter(sab).write(enc.encode('x'));
    const t = performance.now();
    new RingWaiter(sab).waitSync(2000);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

function hostWith(waiter: Waiter, stream: StdinStream, states: StdinWaitState[]) {
  const budget = new Budget();
  const host = new WasiHost({
    args: [],
    env: [],
    stdin: stream,
    stdout: () => {},
    stderr: () => {},
    root: buildTree({}, budget),
    budget,
    waiter,
    onStdinWait: (s) => states.push(s),
  });
  host.memory = new WebAssembly.Memory({ initial: 1 });
  // iovec at 0 → 16 bytes at 100; the count lands at 8
  host.view.setUint32(0, 100, true);
  host.view.setUint32(4, 16, true);
  return host;
}
type FdRead = (fd: number, iovs: number, n: number, out: number) => number | Promise<number>;

describe('WasiHost stdin reads', () => {
  it('JSPI path: a read with nothing typed answers with a promise that settles on input', async () => {
    let wake: () => void = () => {};
    const stream = new StdinStream(new Uint8Array(0), true);
    const arrived: Uint8Array[] = [];
    const waiter: Waiter = {
      mode: 'jspi',
      pull: (s) => arrived.splice(0).forEach((b) => s.push(b)),
      waitAsync: () => new Promise<void>((r) => (wake = r)),
    };
    const states: StdinWaitState[] = [];
    const host = hostWith(waiter, stream, states);
    const r = (host.imports.fd_read as unknown as FdRead)(0, 0, 1, 8);
    expect(r).toBeInstanceOf(Promise);
    expect(states).toEqual(['waiting']);
    arrived.push(enc.encode('42\n'));
    wake();
    expect(await r).toBe(0);
    expect(states).toEqual(['waiting', 'resumed']);
    expect(host.view.getUint32(8, true)).toBe(3);
    expect(dec.decode(host.bytes.subarray(100, 103))).toBe('42\n');
  });

  it('with no way to wait, input ends after the preset and the page is told why', () => {
    const states: StdinWaitState[] = [];
    const host = hostWith(noWaiter, new StdinStream(enc.encode('hi'), true), states);
    const read = host.imports.fd_read as unknown as FdRead;
    expect(read(0, 0, 1, 8)).toBe(0);
    expect(host.view.getUint32(8, true)).toBe(2);
    expect(read(0, 0, 1, 8)).toBe(0);
    expect(host.view.getUint32(8, true)).toBe(0); // EOF
    expect(states).toEqual(['unavailable']);
  });

  it('reports stdio as a terminal only when asked (isatty)', () => {
    const budget = new Budget();
    const host = new WasiHost({
      args: [],
      env: [],
      stdin: new StdinStream(new Uint8Array(0), true),
      stdout: () => {},
      stderr: () => {},
      root: buildTree({}, budget),
      budget,
      tty: { stdin: false, stdout: true },
    });
    host.memory = new WebAssembly.Memory({ initial: 1 });
    const stat = host.imports.fd_fdstat_get as unknown as (fd: number, p: number) => number;
    const type = (fd: number) => (stat(fd, 0), host.view.getUint8(0));
    expect([type(0), type(1), type(2)]).toEqual([0, 2, 2]); // unknown, character device ×2
  });
});

describe('poll_oneoff on stdin with a timeout (JSPI path)', () => {
  /** Subscriptions at 200: fd_read on fd 0 (userdata 1) and a relative clock of `ms` (userdata 2). */
  function subscribe(host: WasiHost, ms: number) {
    const v = host.view;
    v.setBigUint64(200, 1n, true);
    v.setUint8(208, 1); // FD_READ
    v.setUint32(216, 0, true);
    v.setBigUint64(248, 2n, true);
    v.setUint8(256, 0); // CLOCK
    v.setUint32(264, 1, true); // monotonic
    v.setBigUint64(272, BigInt(ms) * 1_000_000n, true);
    v.setUint16(288, 0, true);
  }
  const poll = (host: WasiHost) =>
    (host.imports.poll_oneoff as unknown as (...a: number[]) => number | Promise<number>)(
      200,
      400,
      2,
      500,
    );
  const fired = (host: WasiHost) =>
    Array.from({ length: host.view.getUint32(500, true) }, (_, i) => ({
      userdata: host.view.getBigUint64(400 + i * 32, true),
      nbytes: host.view.getBigUint64(400 + i * 32 + 16, true),
    }));

  it('times out without input, and wakes early when input arrives', async () => {
    const arrived: Uint8Array[] = [];
    let wake: (() => void) | null = null;
    const waiter: Waiter = {
      mode: 'jspi',
      pull: (s) => arrived.splice(0).forEach((b) => s.push(b)),
      waitAsync: (ms) =>
        new Promise<void>((r) => {
          const t = setTimeout(r, ms);
          wake = () => (clearTimeout(t), r());
        }),
    };
    const states: StdinWaitState[] = [];
    const host = hostWith(waiter, new StdinStream(new Uint8Array(0), true), states);
    subscribe(host, 30);
    let t = performance.now();
    expect(await poll(host)).toBe(0);
    expect(performance.now() - t).toBeGreaterThanOrEqual(29);
    expect(fired(host)).toEqual([{ userdata: 2n, nbytes: 0n }]);
    expect(states).toEqual(['waiting', 'resumed']);

    subscribe(host, 10_000);
    t = performance.now();
    const r = poll(host);
    setTimeout(() => {
      arrived.push(enc.encode('y\n'));
      wake!();
    }, 20);
    expect(await r).toBe(0);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(fired(host)).toEqual([{ userdata: 1n, nbytes: 2n }]);
  });
});

describe('an interactive WAT program', () => {
  it('prompts, waits, answers each line, and ends at Ctrl+D', async () => {
    const echo = watMeta.examples.find((e) => e.id === 'echo')!;
    const c = await compile('wat', echo.source);
    const r = runTyped(c.wasm!, ['hi\n', 'there\n', null]);
    expect(r.transcript).toBe('> [wait]hi\necho: hi\n> [wait]there\necho: there\n> [wait]bye\n');
    expect(r.waits).toBe(3);
  });
});
