import { Directory, File, Inode, OpenFile, PreopenDirectory } from '@bjorn3/browser_wasi_shim';

// WASI errno and flag values (wasi_snapshot_preview1).
const ERRNO_SUCCESS = 0;
const ERRNO_BADF = 8;
const ERRNO_INVAL = 28;
const ERRNO_NOSPC = 51;
const FDFLAGS_APPEND = 1 << 0;

/** The most bytes the files of one run may hold together. */
export const SANDBOX_LIMIT = 256 * 1024 * 1024;

/** Bytes in use by a run's files; writes past the limit fail with ENOSPC and set `full`. */
export class SandboxBudget {
  used = 0;
  full = false;
  constructor(readonly limit = SANDBOX_LIMIT) {}
  /** Accounts for files growing (or shrinking) by `delta`; false when it would not fit. */
  take(delta: number): boolean {
    if (delta > 0 && this.used + delta > this.limit) {
      this.full = true;
      return false;
    }
    this.used += delta;
    return true;
  }
}

/** The budget of the run in progress (a runner worker runs one program at a time). */
let active = new SandboxBudget();

/**
 * Makes `file` `size` bytes long. Its `data` stays a view at offset 0 of a buffer that grows by
 * doubling, so a file grown by appends is copied O(log n) times, not once per write (the shim's
 * own code reallocates and copies the whole file on every write that extends it).
 */
function resize(file: File, size: number): boolean {
  const data = file.data;
  if (!active.take(size - data.byteLength)) return false;
  if (size <= data.byteLength) {
    file.data = data.subarray(0, size);
  } else if (data.byteOffset === 0 && data.buffer.byteLength >= size) {
    // Bytes past the old end may hold data of a shrink: zero them, as a grown file reads zeros.
    const grown = new Uint8Array(data.buffer, 0, size);
    grown.fill(0, data.byteLength);
    file.data = grown;
  } else {
    const cap = Math.max(size, Math.min(data.byteLength * 2, size + (64 << 20)), 4096);
    const next = new Uint8Array(new ArrayBuffer(cap), 0, size);
    next.set(data);
    file.data = next;
  }
  return true;
}

function writeAt(file: File, bytes: Uint8Array, offset: number) {
  const end = offset + bytes.byteLength;
  if (end > file.data.byteLength && !resize(file, end)) return { ret: ERRNO_NOSPC, nwritten: 0 };
  file.data.set(bytes, offset);
  return { ret: ERRNO_SUCCESS, nwritten: bytes.byteLength };
}

/** Open files opened with O_APPEND: every write of theirs goes to the end. */
const appending = new WeakSet<OpenFile>();

// Patched once, on the shim's prototypes: files the program creates are made by the shim itself.
const openFile = OpenFile.prototype;
openFile.fd_write = function (this: OpenFile, data: Uint8Array) {
  if (this.file.readonly) return { ret: ERRNO_BADF, nwritten: 0 };
  if (appending.has(this)) this.file_pos = BigInt(this.file.data.byteLength);
  const r = writeAt(this.file, data, Number(this.file_pos));
  this.file_pos += BigInt(r.nwritten);
  return r;
};
openFile.fd_pwrite = function (this: OpenFile, data: Uint8Array, offset: bigint) {
  if (this.file.readonly) return { ret: ERRNO_BADF, nwritten: 0 };
  return writeAt(this.file, data, Number(offset));
};
openFile.fd_allocate = function (this: OpenFile, offset: bigint, len: bigint) {
  const end = Number(offset + len);
  if (end > this.file.data.byteLength && !resize(this.file, end)) return ERRNO_NOSPC;
  return ERRNO_SUCCESS;
};
openFile.fd_filestat_set_size = function (this: OpenFile, size: bigint) {
  if (size < 0n) return ERRNO_INVAL;
  return resize(this.file, Number(size)) ? ERRNO_SUCCESS : ERRNO_NOSPC;
};
const fdstatGet = openFile.fd_fdstat_get;
openFile.fd_fdstat_get = function (this: OpenFile) {
  const r = fdstatGet.call(this);
  if (r.fdstat && appending.has(this)) r.fdstat.fs_flags |= FDFLAGS_APPEND;
  return r;
};
const filePathOpen = File.prototype.path_open;
File.prototype.path_open = function (this: File, oflags: number, rights: bigint, fdFlags: number) {
  const before = this.data.byteLength;
  const r = filePathOpen.call(this, oflags, rights, fdFlags);
  // O_TRUNC gives its bytes back to the budget.
  active.take(this.data.byteLength - before);
  if (r.fd_obj && fdFlags & FDFLAGS_APPEND) appending.add(r.fd_obj);
  return r;
};

/**
 * Builds the directory tree of a run from path → bytes (paths ending in `/` are folders) and
 * makes `budget` the one its writes count against.
 */
export function mountTree(
  files: Record<string, Uint8Array>,
  budget: SandboxBudget,
): PreopenDirectory {
  active = budget;
  interface Node {
    files: Map<string, Inode>;
    dirs: Map<string, Node>;
  }
  const newNode = (): Node => ({ files: new Map(), dirs: new Map() });
  const root = newNode();
  const dirAt = (parts: string[]): Node => {
    let cur = root;
    for (const p of parts) {
      let next = cur.dirs.get(p);
      if (!next) cur.dirs.set(p, (next = newNode()));
      cur = next;
    }
    return cur;
  };
  for (const [path, bytes] of Object.entries(files)) {
    const parts = path.split('/');
    if (path.endsWith('/')) {
      dirAt(parts.slice(0, -1));
      continue;
    }
    const name = parts.pop()!;
    budget.take(bytes.byteLength);
    dirAt(parts).files.set(name, new File(bytes));
  }
  // Built bottom-up: a Directory learns its children's parent link in its constructor.
  const contents = (n: Node): Map<string, Inode> => {
    const m = new Map<string, Inode>(n.files);
    for (const [name, d] of n.dirs) m.set(name, new Directory(contents(d)));
    return m;
  };
  return new PreopenDirectory('/', contents(root));
}

/** The sandbox after a run, as path → bytes (only empty folders are listed, ending in `/`). */
export function readTree(dir: Directory): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const walk = (d: Directory, prefix: string) => {
    for (const [name, e] of d.contents) {
      if (e instanceof Directory) {
        if (e.contents.size === 0) out[`${prefix}${name}/`] = new Uint8Array(0);
        walk(e, `${prefix}${name}/`);
      } else if (e instanceof File) {
        out[prefix + name] = e.data.slice();
      }
    }
  };
  walk(dir, '');
  return out;
}
