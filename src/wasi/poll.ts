import { CLOCK, E, EVENTTYPE } from './constants';
import type { WasiHost } from './host';
import { nowNs } from './memfs';
import { sleepSync } from './stdin';

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

interface Event {
  userdata: bigint;
  error: number;
  type: number;
  nbytes: bigint;
}
interface Clock {
  userdata: bigint;
  id: number;
  deadline: bigint;
}
type Sub = { userdata: bigint; type: number; fd: number } | ({ type: 'clock' } & Clock);

/** Reads the subscriptions once: clocks get their deadline now, relative ones from now. */
function readSubs(host: WasiHost, inPtr: number, n: number): { subs: Sub[]; bad: Event[] } {
  const v = host.view;
  const subs: Sub[] = [];
  const bad: Event[] = [];
  for (let i = 0; i < n; i++) {
    const p = inPtr + i * SUBSCRIPTION_SIZE;
    const userdata = v.getBigUint64(p, true);
    const type = v.getUint8(p + 8);
    if (type === EVENTTYPE.CLOCK) {
      const id = v.getUint32(p + 16, true);
      const timeout = v.getBigUint64(p + 24, true);
      const flags = v.getUint16(p + 40, true);
      const now = clockNow(id);
      if (now === null) bad.push({ userdata, error: E.INVAL, type, nbytes: 0n });
      else
        subs.push({
          type: 'clock',
          userdata,
          id,
          deadline: flags & ABSTIME ? timeout : now + timeout,
        });
    } else if (type === EVENTTYPE.FD_READ || type === EVENTTYPE.FD_WRITE) {
      subs.push({ userdata, type, fd: v.getUint32(p + 16, true) });
    } else {
      bad.push({ userdata, error: E.INVAL, type, nbytes: 0n });
    }
  }
  return { subs, bad };
}

/**
 * The events ready now. Files and stdout are always ready; stdin is ready with bytes buffered
 * or at its end, and otherwise pending (`waitsForInput`) when the program could wait for it.
 */
function readyEvents(host: WasiHost, subs: Sub[]): { events: Event[]; waitsForInput: boolean } {
  const events: Event[] = [];
  let waitsForInput = false;
  for (const s of subs) {
    if (s.type === 'clock') {
      if (clockNow(s.id)! >= s.deadline)
        events.push({ userdata: s.userdata, error: E.SUCCESS, type: EVENTTYPE.CLOCK, nbytes: 0n });
      continue;
    }
    const d = host.fds.get(s.fd);
    if (!d) {
      events.push({ userdata: s.userdata, error: E.BADF, type: s.type, nbytes: 0n });
      continue;
    }
    let nbytes = 0n;
    if (s.type === EVENTTYPE.FD_READ) {
      if (d.kind === 'file') nbytes = BigInt(Math.max(0, d.node.size - d.pos));
      else if (d.kind === 'stdin') {
        if (!host.stdinReady(d.stream)) {
          waitsForInput = true;
          continue;
        }
        nbytes = BigInt(d.stream.available);
      }
    }
    events.push({
      userdata: s.userdata,
      error: d.kind === 'dir' ? E.BADF : E.SUCCESS,
      type: s.type,
      nbytes,
    });
  }
  return { events, waitsForInput };
}

function writeEvents(host: WasiHost, events: Event[], outPtr: number, neventsPtr: number) {
  const v = host.view;
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

/** Milliseconds until the first clock is due (Infinity without clocks). */
function untilFirstClock(subs: Sub[]): number {
  let ms = Infinity;
  for (const s of subs)
    if (s.type === 'clock') ms = Math.min(ms, Number(s.deadline - clockNow(s.id)!) / 1e6);
  return Math.max(0, ms);
}

/** Finishes a sub-millisecond remainder precisely (a timer cannot). */
function spinUntil(subs: Sub[]) {
  const clocks = subs.filter((s): s is Sub & { type: 'clock' } => s.type === 'clock');
  if (!clocks.length) return;
  const ms = untilFirstClock(subs);
  if (ms >= 1) return;
  while (!clocks.some((c) => clockNow(c.id)! >= c.deadline)) {
    // sub-millisecond remainder
  }
}

/**
 * poll_oneoff with any number of subscriptions: fd_read/fd_write on files and stdio, clocks
 * (relative or absolute). With nothing ready it waits until the first clock is due or (stdin)
 * input arrives: under JSPI it answers with a promise (the program is suspended), under Atomics
 * it blocks the worker, else it can only sleep (spinning where nothing can block).
 */
export function pollOneoff(
  host: WasiHost,
  inPtr: number,
  outPtr: number,
  n: number,
  neventsPtr: number,
): number | Promise<number> {
  if (n === 0) return E.INVAL;
  const { subs, bad } = readSubs(host, inPtr, n);
  const ready = readyEvents(host, subs);
  const waitsForInput = ready.waitsForInput;
  const events = [...bad, ...ready.events];
  if (events.length) return writeEvents(host, events, outPtr, neventsPtr);
  const w = host.waiter;
  if (waitsForInput) host.stdinWait('waiting');
  else host.beforeWait();
  const done = (events: Event[]) => {
    if (waitsForInput) host.stdinWait('resumed');
    return writeEvents(host, events, outPtr, neventsPtr);
  };
  if (w.waitAsync) {
    return (async () => {
      for (;;) {
        // Timers fire late rather than early: wait to just short of the deadline, then spin.
        await w.waitAsync!(Math.floor(untilFirstClock(subs)));
        spinUntil(subs);
        const r = readyEvents(host, subs);
        if (r.events.length) return done(r.events);
      }
    })();
  }
  for (;;) {
    const ms = Math.floor(untilFirstClock(subs));
    if (w.waitSync) w.waitSync(ms);
    else sleepSync(ms);
    spinUntil(subs);
    const r = readyEvents(host, subs);
    if (r.events.length) return done(r.events);
  }
}
