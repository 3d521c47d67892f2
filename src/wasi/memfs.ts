import { E } from './constants';

const nameEncoder = new TextEncoder();

/** Nanoseconds since the epoch, as WASI timestamps are. */
export const nowNs = (): bigint => BigInt(Date.now()) * 1_000_000n;

let nextIno = 1n;

/** Bytes in use by a run's files; growth past the limit fails with ENOSPC and sets `full`. */
export class Budget {
  used = 0;
  full = false;
  constructor(readonly limit = 256 * 1024 * 1024) {}
  take(delta: number): boolean {
    if (delta > 0 && this.used + delta > this.limit) {
      this.full = true;
      return false;
    }
    this.used += delta;
    return true;
  }
}

abstract class Node {
  readonly ino = nextIno++;
  atim = nowNs();
  mtim = this.atim;
  ctim = this.atim;
  nlink = 1n;
  touch() {
    this.mtim = this.ctim = nowNs();
  }
}

/** Files past this size grow in place (a resizable ArrayBuffer) instead of by copying. */
const IN_PLACE_FROM = 1 << 20;

/**
 * A regular file: `buf` holds `size` bytes. Small files grow by doubling; past 1 MiB the buffer
 * is a resizable ArrayBuffer that grows in place, so a big file written by appends is never
 * copied. Fresh memory is already zero: only bytes written before a shrink are cleared again.
 *
 * A file mounted from the project shares the project's bytes until it is first changed
 * (copy on write): a run that only reads its files copies none of them.
 */
export class FileNode extends Node {
  readonly kind = 'file';
  buf: Uint8Array;
  size: number;
  /** Bytes of `buf` ever written (beyond it the memory is still zero). */
  private dirty: number;
  /** The bytes this file was mounted with, while `buf` is still them (nothing written yet). */
  shared: Uint8Array | null;
  constructor(
    data: Uint8Array,
    readonly budget: Budget,
    share = false,
  ) {
    super();
    this.buf = data;
    this.shared = share ? data : null;
    this.size = this.dirty = data.byteLength;
    budget.take(data.byteLength);
  }
  get data(): Uint8Array {
    return this.buf.subarray(0, this.size);
  }
  /** The buffer to write into: the file's own (a shared one is copied first). */
  writable(): Uint8Array {
    if (this.shared) {
      this.buf = this.buf.slice();
      this.shared = null;
    }
    return this.buf;
  }
  /** Sets the length (growth reads as zeros); false when the sandbox is full. */
  resize(size: number): boolean {
    if (size === this.size) return true;
    if (!this.budget.take(size - this.size)) return false;
    if (this.shared) {
      // The first change of a mounted file: its own buffer, with only the bytes it keeps.
      const own = new Uint8Array(Math.max(size, 16));
      own.set(this.buf.subarray(0, Math.min(size, this.size)));
      this.buf = own;
      this.shared = null;
      this.dirty = Math.min(size, this.size);
    }
    if (size > this.buf.byteLength) this.grow(size);
    if (size > this.size && this.dirty > this.size)
      this.buf.fill(0, this.size, Math.min(size, this.dirty));
    this.size = size;
    this.dirty = Math.max(this.dirty, size);
    return true;
  }
  private grow(size: number) {
    const ab = this.buf.buffer as ArrayBuffer & {
      resizable?: boolean;
      maxByteLength?: number;
      resize?(n: number): void;
    };
    const cap = Math.max(size, Math.min(this.buf.byteLength * 2, size + (64 << 20)), 4096);
    if (ab.resizable && ab.resize && cap <= ab.maxByteLength!) {
      ab.resize(cap);
      this.buf = new Uint8Array(ab, 0, cap);
      return;
    }
    const Resizable = ArrayBuffer as unknown as new (
      n: number,
      o: { maxByteLength: number },
    ) => ArrayBuffer;
    let next: Uint8Array;
    try {
      next =
        cap >= IN_PLACE_FROM
          ? new Uint8Array(new Resizable(cap, { maxByteLength: Math.max(cap, this.budget.limit) }))
          : new Uint8Array(cap);
    } catch {
      next = new Uint8Array(cap); // no resizable ArrayBuffer here (older engines)
    }
    next.set(this.buf.subarray(0, this.dirty));
    this.buf = next;
  }
}

export class DirNode extends Node {
  readonly kind = 'dir';
  readonly entries = new Map<string, AnyNode>();
  constructor(public parent: DirNode | null) {
    super();
  }
}

export class SymlinkNode extends Node {
  readonly kind = 'symlink';
  constructor(readonly target: string) {
    super();
  }
}

export type AnyNode = FileNode | DirNode | SymlinkNode;

/** Where a path leads: its parent folder, last name, and the node there (if any). */
export interface Resolved {
  parent: DirNode;
  name: string;
  node: AnyNode | undefined;
  /** The path ended in `/` (it must name a folder). */
  dirOnly: boolean;
}

/** Symlinks followed in one lookup before ELOOP (Linux's limit). */
const MAX_LINKS = 40;

/**
 * Resolves `path` relative to `base`, following symlinks in the middle of the path, and the last
 * one too when `follow` (or when the path ends in `/`). Never leaves `base`: `..` above it, an
 * absolute path or an absolute symlink target is EPERM, as in wasmtime (cap-std).
 */
export function resolve(base: DirNode, path: string, follow: boolean): Resolved | number {
  if (path === '') return E.NOENT;
  if (path.includes('\0')) return E.INVAL;
  let links = 0;
  const stack: DirNode[] = [base];
  let parts = path.split('/');
  if (parts[0] === '') return E.PERM;
  for (;;) {
    const dirOnly = parts.length > 1 && parts[parts.length - 1] === '';
    const names = parts.filter((p) => p !== '');
    let restart: string[] | null = null;
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      const last = i === names.length - 1;
      const dir = stack[stack.length - 1];
      if (name === '.' || name === '..') {
        if (name === '..') {
          if (stack.length === 1) return E.PERM;
          stack.pop();
        }
        if (last) {
          // "a/.." names a folder: report it as itself, found in its parent.
          const here = stack[stack.length - 1];
          return { parent: here.parent ?? here, name: '.', node: here, dirOnly: true };
        }
        continue;
      }
      // UTF-8 takes at most 3 bytes per UTF-16 unit: only a long name needs encoding.
      if (name.length > 85 && nameEncoder.encode(name).length > 255) return E.NAMETOOLONG;
      const node = dir.entries.get(name);
      if (last && !(node instanceof SymlinkNode && (follow || dirOnly)))
        return { parent: dir, name, node, dirOnly };
      if (!node) return E.NOENT;
      if (node instanceof SymlinkNode) {
        if (++links > MAX_LINKS) return E.LOOP;
        if (node.target.startsWith('/')) return E.PERM;
        const rest = names.slice(i + 1);
        restart = [...node.target.split('/'), ...rest];
        if (dirOnly && rest.length === 0) restart.push('');
        break;
      }
      if (!(node instanceof DirNode)) return E.NOTDIR;
      stack.push(node);
    }
    if (!restart) {
      // Only "." components (or none): the folder we are in.
      const here = stack[stack.length - 1];
      return { parent: here.parent ?? here, name: '.', node: here, dirOnly: true };
    }
    if (restart.length === 0 || (restart.length === 1 && restart[0] === '')) return E.NOENT;
    parts = restart;
  }
}

/**
 * Builds a tree from path → bytes (paths ending in `/` are folders). With `share`, files use the
 * given bytes until written (see FileNode); else each gets a copy.
 */
export function buildTree(
  files: Record<string, Uint8Array> | Map<string, Uint8Array>,
  budget: Budget,
  share = false,
): DirNode {
  const root = new DirNode(null);
  const dirAt = (names: string[]) => {
    let cur = root;
    for (const n of names) {
      let next = cur.entries.get(n);
      if (!(next instanceof DirNode)) {
        next = new DirNode(cur);
        cur.entries.set(n, next);
      }
      cur = next;
    }
    return cur;
  };
  const entries = files instanceof Map ? files.entries() : Object.entries(files);
  for (const [path, bytes] of entries) {
    const names = path.split('/');
    if (path.endsWith('/')) {
      dirAt(names.slice(0, -1));
      continue;
    }
    const name = names.pop()!;
    // The run must never change the bytes it was given: a copy now, or on the first write.
    dirAt(names).entries.set(name, new FileNode(share ? bytes : bytes.slice(), budget, share));
  }
  return root;
}

/**
 * The tree as path → bytes (only empty folders listed, ending in `/`). Symlinks have no place in
 * a project and are left out; a hard-linked file appears at each of its paths.
 */
export function readTree(root: DirNode): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const walk = (d: DirNode, prefix: string) => {
    for (const [name, e] of d.entries) {
      if (e instanceof DirNode) {
        if (e.entries.size === 0) out[`${prefix}${name}/`] = new Uint8Array(0);
        walk(e, `${prefix}${name}/`);
      } else if (e instanceof FileNode) {
        out[prefix + name] = e.data.slice();
      }
    }
  };
  walk(root, '');
  return out;
}
