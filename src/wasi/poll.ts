import { CLOCK, E, EVENTTYPE } from './constants';
import type { WasiHost } from './host';
import { nowNs } from './memfs';

const SUBSCRIPTION_SIZE = 48;
const EVENT_SIZE = 32;
const ABSTIME = 1;

/** Now on a WASI clock, in ns; null for a clock id there is no such clock. */
export const clockNow = (id: number): bigint | null =>
  id === CLOCK.REALTIME
    ? nowNs()
    : id === CLOCK.MONOTONIC || id === CLOCK.PROCESS_CPUTIME || id === CLOCK.THREAD_CPUTIME
      ? BigInt(Math.round(performance.now() * 1e6))
      : null;

/** Blocks the worker for `ms` without burning the CPU where it can (cross-origin isolated). */
function sleep(ms: number) {
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

/**
 * poll_oneoff with any number of subscriptions: fd_read/fd_write on files and stdio are ready at
 * once (with the bytes left to read); clocks (relative or absolute) fire when due. With nothing
 * ready, the call sleeps until the first clock is due, then reports every clock that is.
 */
export function pollOneoff(
  host: WasiHost,
  inPtr: number,
  outPtr: number,
  n: number,
  neventsPtr: number,
): number {
  if (n === 0) return E.INVAL;
  const v = host.view;
  const events: { userdata: bigint; error: number; type: number; nbytes: bigint }[] = [];
  const clocks: { userdata: bigint; id: number; deadline: bigint }[] = [];
  for (let i = 0; i < n; i++) {
    const p = inPtr + i * SUBSCRIPTION_SIZE;
    const userdata = v.getBigUint64(p, true);
    const type = v.getUint8(p + 8);
    if (type === EVENTTYPE.CLOCK) {
      const id = v.getUint32(p + 16, true);
      const timeout = v.getBigUint64(p + 24, true);
      const flags = v.getUint16(p + 40, true);
      const now = clockNow(id);
      if (now === null) events.push({ userdata, error: E.INVAL, type, nbytes: 0n });
      else clocks.push({ userdata, id, deadline: flags & ABSTIME ? timeout : now + timeout });
    } else if (type === EVENTTYPE.FD_READ || type === EVENTTYPE.FD_WRITE) {
      const d = host.fds.get(v.getUint32(p + 16, true));
      if (!d) {
        events.push({ userdata, error: E.BADF, type, nbytes: 0n });
        continue;
      }
      let nbytes = 0n;
      if (type === EVENTTYPE.FD_READ) {
        if (d.kind === 'file') nbytes = BigInt(Math.max(0, d.node.size - d.pos));
        else if (d.kind === 'stdin') nbytes = BigInt(d.data.length - d.pos);
      }
      events.push({ userdata, error: d.kind === 'dir' ? E.BADF : E.SUCCESS, type, nbytes });
    } else {
      events.push({ userdata, error: E.INVAL, type, nbytes: 0n });
    }
  }
  const due = (c: (typeof clocks)[number]) => clockNow(c.id)! >= c.deadline;
  if (events.length === 0 && clocks.length) {
    const wait = Math.min(...clocks.map((c) => Number(c.deadline - clockNow(c.id)!) / 1e6));
    // Sleep to just short of the deadline, then finish the last fraction precisely.
    sleep(Math.floor(wait));
    while (!clocks.some(due)) {
      // sub-millisecond remainder
    }
  }
  for (const c of clocks)
    if (due(c))
      events.push({ userdata: c.userdata, error: E.SUCCESS, type: EVENTTYPE.CLOCK, nbytes: 0n });
  events.forEach((e, i) => {
    const p = outPtr + i * EVENT_SIZE;
    v.setBigUint64(p, e.userdata, true);
    v.setUint16(p + 8, e.error, true);
    v.setUint8(p + 10, e.type);
    v.setBigUint64(p + 16, e.nbytes, true);
    v.setUint16(p + 24, 0, true);
  });
  v.setUint32(neventsPtr, events.length, true);
  return E.SUCCESS;
}
