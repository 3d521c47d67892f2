import { wasi, type Fd } from '@bjorn3/browser_wasi_shim';

const { Filestat } = wasi;
type Filestat = InstanceType<typeof Filestat>;

// wasi_snapshot_preview1 values used here.
const ERRNO_SUCCESS = 0;
const ERRNO_BADF = 8;
const ERRNO_INVAL = 28;
const ERRNO_NOTSOCK = 57;
const EVENTTYPE_CLOCK = 0;
const EVENTTYPE_FD_READ = 1;
const EVENTTYPE_FD_WRITE = 2;
const CLOCKID_REALTIME = 0;
const CLOCKID_MONOTONIC = 1;
const ABSTIME = 1;
const SUBSCRIPTION_SIZE = 48;
const EVENT_SIZE = 32;

// The shim writes atim/mtim/ctim at offsets 38/46/52, over the size's top bytes; the layout is
// dev 0, ino 8, filetype 16, nlink 24, size 32, atim 40, mtim 48, ctim 56.
Filestat.prototype.write_bytes = function (this: Filestat, view: DataView, ptr: number) {
  view.setBigUint64(ptr, this.dev, true);
  view.setBigUint64(ptr + 8, this.ino, true);
  view.setUint8(ptr + 16, this.filetype);
  view.setBigUint64(ptr + 24, this.nlink, true);
  view.setBigUint64(ptr + 32, this.size, true);
  view.setBigUint64(ptr + 40, this.atim, true);
  view.setBigUint64(ptr + 48, this.mtim, true);
  view.setBigUint64(ptr + 56, this.ctim, true);
};

type Imports = Record<string, (...args: never[]) => unknown>;

const nowNs = (clock: number): bigint | null =>
  clock === CLOCKID_MONOTONIC
    ? BigInt(Math.round(performance.now() * 1e6))
    : clock === CLOCKID_REALTIME
      ? BigInt(Date.now()) * 1_000_000n
      : null;

/** Sleeps without burning the CPU where the worker can block (cross-origin isolated). */
function sleepMs(ms: number) {
  if (ms <= 0) return;
  if (
    typeof SharedArrayBuffer === 'function' &&
    (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated
  ) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    return;
  }
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // No way to block here: a page that is not cross-origin isolated cannot Atomics.wait.
  }
}

/**
 * Fills the shim's gaps in place: socket calls return errnos instead of throwing (EBADF for a
 * closed fd, ENOTSOCK for any other: nothing here is a socket, as in a wasmtime run without
 * sockets), and poll_oneoff takes any number of clock and fd subscriptions.
 */
export function patchImports(
  imports: Imports,
  fds: (Fd | undefined)[],
  memory: () => WebAssembly.Memory,
): void {
  const notSock = (fd: number) => (fds[fd] ? ERRNO_NOTSOCK : ERRNO_BADF);
  Object.assign(imports, {
    sock_accept: (fd: number) => notSock(fd),
    sock_recv: (fd: number) => notSock(fd),
    sock_send: (fd: number) => notSock(fd),
    sock_shutdown: (fd: number) => notSock(fd),
    poll_oneoff(inPtr: number, outPtr: number, n: number, neventsPtr: number) {
      if (n === 0) return ERRNO_INVAL;
      const view = new DataView(memory().buffer);
      const events: { userdata: bigint; error: number; type: number; nbytes: bigint }[] = [];
      const clocks: { userdata: bigint; clock: number; deadline: bigint }[] = [];
      for (let i = 0; i < n; i++) {
        const p = inPtr + i * SUBSCRIPTION_SIZE;
        const userdata = view.getBigUint64(p, true);
        const type = view.getUint8(p + 8);
        if (type === EVENTTYPE_CLOCK) {
          const clock = view.getUint32(p + 16, true);
          const timeout = view.getBigUint64(p + 24, true);
          const flags = view.getUint16(p + 40, true);
          const now = nowNs(clock);
          if (now === null) {
            events.push({ userdata, error: ERRNO_INVAL, type, nbytes: 0n });
            continue;
          }
          const deadline = flags & ABSTIME ? timeout : now + timeout;
          clocks.push({ userdata, clock, deadline });
        } else if (type === EVENTTYPE_FD_READ || type === EVENTTYPE_FD_WRITE) {
          const fd = view.getUint32(p + 16, true);
          const f = fds[fd];
          if (!f) {
            events.push({ userdata, error: ERRNO_BADF, type, nbytes: 0n });
            continue;
          }
          // Files and our stdio never block: ready now, with what a read would find.
          let nbytes = 0n;
          if (type === EVENTTYPE_FD_READ) {
            const st = f.fd_filestat_get();
            const tell = f.fd_tell();
            if (st.filestat && tell.ret === ERRNO_SUCCESS && st.filestat.size > tell.offset)
              nbytes = st.filestat.size - tell.offset;
          }
          events.push({ userdata, error: ERRNO_SUCCESS, type, nbytes });
        } else {
          events.push({ userdata, error: ERRNO_INVAL, type, nbytes: 0n });
        }
      }
      if (events.length === 0 && clocks.length) {
        // Nothing is ready: sleep until the first clock fires, then report every clock that has.
        const first = clocks.reduce(
          (a, c) => {
            const left = Number(c.deadline - nowNs(c.clock)!) / 1e6;
            return a === null || left < a ? left : a;
          },
          null as number | null,
        );
        sleepMs(first ?? 0);
        while (!clocks.some((c) => nowNs(c.clock)! >= c.deadline)) {
          // Timer resolution: finish the last fraction of a millisecond.
        }
      }
      for (const c of clocks)
        if (nowNs(c.clock)! >= c.deadline)
          events.push({
            userdata: c.userdata,
            error: ERRNO_SUCCESS,
            type: EVENTTYPE_CLOCK,
            nbytes: 0n,
          });
      events.forEach((e, i) => {
        const p = outPtr + i * EVENT_SIZE;
        view.setBigUint64(p, e.userdata, true);
        view.setUint16(p + 8, e.error, true);
        view.setUint8(p + 10, e.type);
        view.setBigUint64(p + 16, e.nbytes, true);
        view.setUint16(p + 24, 0, true);
      });
      view.setUint32(neventsPtr, events.length, true);
      return ERRNO_SUCCESS;
    },
  });
}
