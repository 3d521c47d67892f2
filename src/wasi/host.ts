import { ALL_RIGHTS, CLOCK, DIR_RIGHTS, E, RIGHTS } from './constants';
import { FdTable, filetypeOf, type Desc } from './descriptors';
import { Budget, DirNode, FileNode, nowNs, SymlinkNode, type AnyNode } from './memfs';
import { fdCalls } from './fdCalls';
import { pathCalls } from './pathCalls';
import { clockNow, pollOneoff } from './poll';
import { noWaiter, type StdinStream, type Waiter } from './stdin';

/** Thrown by proc_exit; `code` is the exit status. */
export class WasiExit extends Error {
  constructor(readonly code: number) {
    super(`exit with code ${code}`);
  }
}

/** What a WASI command run is given. */
export interface WasiOptions {
  args: string[];
  env: string[];
  stdin: StdinStream;
  stdout: (bytes: Uint8Array) => void;
  stderr: (bytes: Uint8Array) => void;
  /** How a read with no input yet, or a sleep, waits (default: it cannot; sleeps spin). */
  waiter?: Waiter;
  /** Which stdio fds report a terminal (isatty): fd 0, and fds 1 and 2. */
  tty?: { stdin: boolean; stdout: boolean };
  /** Told when the program starts and stops waiting for input ('unavailable': it cannot wait). */
  onStdinWait?: (state: StdinWaitState) => void;
  /** Called before the program blocks (for input or a sleep): output written so far goes out. */
  beforeWait?: () => void;
  /** The sandbox, preopened as `/` (fd 3). */
  root: DirNode;
  /** false: nothing is preopened (fd 3 does not exist), as a host given no directory. */
  preopen?: boolean;
  /**
   * The tree is read-only (a Spin component's mounted files): creating, truncating, opening for
   * writing, removing, renaming or linking answer EPERM, as wasmtime's read-only preopens do.
   */
  readOnly?: boolean;
  budget: Budget;
  /**
   * The wasi_snapshot_preview1 names the module imports (WebAssembly.Module.imports), when the
   * caller knows them: only those are made (a server makes a host per request).
   */
  only?: ReadonlySet<string>;
}

/** What the program is doing with stdin, as the page shows it. */
export type StdinWaitState = 'waiting' | 'resumed' | 'unavailable';

type Fn = (...args: never[]) => number | void | Promise<number>;

/** A host call failed (a bug of ours): the program gets EFAULT; exits and traps go through. */
function fault(name: string, e: unknown): number {
  if (e instanceof WasiExit || e instanceof RangeError) throw e;
  console.error(`wasi ${name} failed`, e);
  return E.FAULT;
}

/** The WASI calls a module imports (for WasiOptions.only). */
export function wasiImportsOf(mod: WebAssembly.Module): ReadonlySet<string> {
  return new Set(
    WebAssembly.Module.imports(mod)
      .filter((i) => i.module === 'wasi_snapshot_preview1' && i.kind === 'function')
      .map((i) => i.name),
  );
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Our WASI preview 1 host: every wasi_snapshot_preview1 import, over an in-memory tree, with
 * wasmtime's observable results (errno values, stdio types, the state files are left in).
 * `memory` is set once the module is instantiated.
 */
export class WasiHost {
  /** Set once the module is instantiated (null again for each new instance: renew). */
  memory!: WebAssembly.Memory | null;
  fds!: FdTable;
  readonly imports: Record<string, Fn>;
  waiter!: Waiter;
  private opts!: WasiOptions;
  /** args and env, UTF-8 encoded once (asked for twice: sizes, then the strings). */
  private encoded!: Map<string[], Uint8Array[]>;
  private encode(list: string[]): Uint8Array[] {
    let e = this.encoded.get(list);
    if (!e) this.encoded.set(list, (e = list.map((s) => encoder.encode(s))));
    return e;
  }

  constructor(opts: WasiOptions) {
    this.begin(opts);
    this.imports = { ...this.core(), ...pathCalls(this), ...fdCalls(this) };
    // Any host failure (a bug of ours) must be an errno to the program, never a JS exception
    // that looks like a trap in its code; proc_exit's WasiExit goes through.
    const all = this.imports;
    if (opts.only) this.imports = {};
    for (const name in all) {
      if (opts.only && !opts.only.has(name)) continue;
      const fn = all[name];
      this.imports[name] = ((...a: never[]) => {
        try {
          const r = fn(...a);
          // A call that waits (JSPI) answers with a promise.
          return r instanceof Promise ? r.catch((e: unknown) => fault(name, e)) : r;
        } catch (e) {
          return fault(name, e);
        }
      }) as Fn;
    }
  }

  /**
   * The host for a new instance: every piece of state made afresh (the fd table and preopen, the
   * file tree, stdio, args, env, the memory), only the JS functions of the calls (and so the
   * imports object) kept — as a Wasmtime Linker's host functions serve every Store, each with its
   * own WASI context. For a server's instance per request: making ~45 closures per request
   * cost more than instantiating. `opts.only` must name the same calls as the first options'.
   * Only for hosts used one instance at a time (a worker serving requests in turn).
   */
  renew(opts: WasiOptions): void {
    this.begin(opts);
  }

  private begin(opts: WasiOptions) {
    this.opts = opts;
    this.memory = null;
    this.views = null;
    this.encoded = new Map();
    this.waiter = opts.waiter ?? noWaiter;
    this.fds = new FdTable();
    const tty = opts.tty ?? { stdin: false, stdout: false };
    this.fds.add({
      kind: 'stdin',
      stream: opts.stdin,
      tty: tty.stdin,
      flags: 0,
      rights: RIGHTS.FD_READ | RIGHTS.POLL_FD_READWRITE,
    });
    this.fds.add({
      kind: 'out',
      write: opts.stdout,
      tty: tty.stdout,
      flags: 0,
      rights: RIGHTS.FD_WRITE | RIGHTS.POLL_FD_READWRITE,
    });
    this.fds.add({
      kind: 'out',
      write: opts.stderr,
      tty: tty.stdout,
      flags: 0,
      rights: RIGHTS.FD_WRITE | RIGHTS.POLL_FD_READWRITE,
    });
    if (opts.preopen !== false)
      this.fds.add({
        kind: 'dir',
        node: opts.root,
        flags: 0,
        rights: DIR_RIGHTS,
        inheriting: ALL_RIGHTS,
        preopen: '/',
      });
  }

  /** Tells the page what the program is doing with stdin. */
  stdinWait(state: StdinWaitState) {
    if (state === 'waiting') this.opts.beforeWait?.();
    this.opts.onStdinWait?.(state);
  }

  /** The program is about to block (a sleep): what it printed must not wait with it. */
  beforeWait() {
    this.opts.beforeWait?.();
  }

  /**
   * Makes `stream` readable or ended, waiting if it must: returns a promise under JSPI, blocks
   * under Atomics; without a way to wait the input ends here (EOF), and the page is told why.
   */
  awaitStdin(stream: StdinStream): void | Promise<void> {
    if (this.stdinReady(stream)) return;
    const w = this.waiter;
    this.stdinWait('waiting');
    if (w.waitSync) {
      do w.waitSync(Infinity);
      while (!this.stdinReady(stream));
      this.stdinWait('resumed');
      return;
    }
    return (async () => {
      do await w.waitAsync!(Infinity);
      while (!this.stdinReady(stream));
      this.stdinWait('resumed');
    })();
  }

  /**
   * Whether a read of `stream` would not block: input that arrived is pulled in first; with no
   * way to wait, the input ends here (EOF) and the page is told why.
   */
  stdinReady(stream: StdinStream): boolean {
    this.waiter.pull(stream);
    if (stream.available || stream.ended) return true;
    if (this.waiter.mode !== 'none') return false;
    stream.close();
    this.stdinWait('unavailable');
    return true;
  }

  /** What new files of this run count against. */
  get readOnly(): boolean {
    return this.opts.readOnly === true;
  }

  get budget(): Budget {
    return this.opts.budget;
  }

  /** Views of the memory's buffer, made again only when it changed (a grow replaces it). */
  private views!: { buf: ArrayBufferLike; view: DataView; bytes: Uint8Array } | null;
  private memoryViews() {
    const buf = this.memory!.buffer;
    if (this.views?.buf !== buf)
      this.views = { buf, view: new DataView(buf), bytes: new Uint8Array(buf) };
    return this.views;
  }

  /** The memory as it is now (it may have grown since the last call). */
  get view(): DataView {
    return this.memoryViews().view;
  }
  get bytes(): Uint8Array {
    return this.memoryViews().bytes;
  }

  /** Reads a UTF-8 string from memory. */
  str(ptr: number, len: number): string {
    return decoder.decode(this.bytes.subarray(ptr, ptr + len));
  }

  /** Writes a filestat (64 bytes) for `node`. */
  writeFilestat(ptr: number, node: AnyNode | Desc) {
    const v = this.view;
    const n = 'ino' in node ? node : null;
    const type =
      n instanceof FileNode
        ? 4
        : n instanceof DirNode
          ? 3
          : n instanceof SymlinkNode
            ? 7
            : filetypeOf(node as Desc);
    v.setBigUint64(ptr, 0n, true);
    v.setBigUint64(ptr + 8, n ? n.ino : 0n, true);
    v.setUint8(ptr + 16, type);
    v.setBigUint64(ptr + 24, n ? n.nlink : 1n, true);
    const size =
      n instanceof FileNode
        ? n.size
        : n instanceof SymlinkNode
          ? encoder.encode(n.target).length
          : 0;
    v.setBigUint64(ptr + 32, BigInt(size), true);
    v.setBigUint64(ptr + 40, n ? n.atim : 0n, true);
    v.setBigUint64(ptr + 48, n ? n.mtim : 0n, true);
    v.setBigUint64(ptr + 56, n ? n.ctim : 0n, true);
  }

  /** Applies fst_flags times to a node (EINVAL when both a time and NOW are asked for). */
  setTimes(node: AnyNode, atim: bigint, mtim: bigint, flags: number): number {
    if ((flags & 1 && flags & 2) || (flags & 4 && flags & 8)) return E.INVAL;
    const now = nowNs();
    if (flags & 1) node.atim = atim;
    if (flags & 2) node.atim = now;
    if (flags & 4) node.mtim = mtim;
    if (flags & 8) node.mtim = now;
    if (flags) node.ctim = now;
    return E.SUCCESS;
  }

  /** The (pointer, length) pairs of an iovec array in memory. */
  iovecs(ptr: number, len: number): [number, number][] {
    const v = this.view;
    const out: [number, number][] = [];
    for (let i = 0; i < len; i++)
      out.push([v.getUint32(ptr + i * 8, true), v.getUint32(ptr + i * 8 + 4, true)]);
    return out;
  }

  private core(): Record<string, Fn> {
    const strings = (list: string[], countPtr: number, sizePtr: number) => {
      const view = this.view;
      view.setUint32(countPtr, list.length, true);
      view.setUint32(
        sizePtr,
        this.encode(list).reduce((n, b) => n + b.length + 1, 0),
        true,
      );
      return E.SUCCESS;
    };
    const fill = (list: string[], ptrs: number, buf: number) => {
      const view = this.view;
      const bytes = this.bytes;
      for (const b of this.encode(list)) {
        view.setUint32(ptrs, buf, true);
        ptrs += 4;
        bytes.set(b, buf);
        bytes[buf + b.length] = 0;
        buf += b.length + 1;
      }
      return E.SUCCESS;
    };
    return {
      args_sizes_get: (c: number, s: number) => strings(this.opts.args, c, s),
      args_get: (p: number, b: number) => fill(this.opts.args, p, b),
      environ_sizes_get: (c: number, s: number) => strings(this.opts.env, c, s),
      environ_get: (p: number, b: number) => fill(this.opts.env, p, b),
      clock_res_get: (id: number, ptr: number) => {
        if (clockNow(id) === null) return E.INVAL;
        this.view.setBigUint64(ptr, id === CLOCK.REALTIME ? 1_000_000n : 1000n, true);
        return E.SUCCESS;
      },
      clock_time_get: (id: number, _precision: bigint, ptr: number) => {
        const t = clockNow(id);
        if (t === null) return E.INVAL;
        this.view.setBigUint64(ptr, t, true);
        return E.SUCCESS;
      },
      proc_exit: (code: number) => {
        throw new WasiExit(code);
      },
      proc_raise: () => E.NOSYS,
      sched_yield: () => E.SUCCESS,
      random_get: (ptr: number, len: number) => {
        // getRandomValues fills at most 64 KiB per call, and never a shared buffer's view.
        for (let i = 0; i < len; i += 65536) {
          const n = Math.min(65536, len - i);
          const chunk = new Uint8Array(n);
          crypto.getRandomValues(chunk);
          this.bytes.set(chunk, ptr + i);
        }
        return E.SUCCESS;
      },
      poll_oneoff: (inPtr: number, outPtr: number, n: number, neventsPtr: number) =>
        pollOneoff(this, inPtr, outPtr, n, neventsPtr),
      // No sockets here: a closed fd is EBADF, anything else is not a socket.
      sock_accept: (fd: number) => (this.fds.get(fd) ? E.NOTSOCK : E.BADF),
      sock_recv: (fd: number) => (this.fds.get(fd) ? E.NOTSOCK : E.BADF),
      sock_send: (fd: number) => (this.fds.get(fd) ? E.NOTSOCK : E.BADF),
      sock_shutdown: (fd: number) => (this.fds.get(fd) ? E.NOTSOCK : E.BADF),
    };
  }
}
