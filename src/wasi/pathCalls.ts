import {
  DIR_RIGHTS,
  E,
  FDFLAGS,
  FILE_RIGHTS,
  LOOKUP_SYMLINK_FOLLOW,
  OFLAGS,
  RIGHTS,
} from './constants';
import type { DirDesc } from './descriptors';
import { DirNode, FileNode, SymlinkNode, resolve, type AnyNode, type Resolved } from './memfs';
import type { WasiHost } from './host';

const encoder = new TextEncoder();

type Fn = (...args: never[]) => number;

/** The path_* calls: open, stat, times, mkdir/rmdir, unlink, rename, link, symlink, readlink. */
export function pathCalls(host: WasiHost): Record<string, Fn> {
  const dirOf = (fd: number): DirDesc | number => {
    const d = host.fds.get(fd);
    return !d ? E.BADF : d.kind !== 'dir' ? E.NOTDIR : d;
  };
  /** Resolves a path given in memory against a directory fd. */
  const lookup = (fd: number, ptr: number, len: number, follow: boolean): Resolved | number => {
    const d = dirOf(fd);
    if (typeof d === 'number') return d;
    return resolve(d.node, host.str(ptr, len), follow);
  };
  /** Counts a file node out of the sandbox budget when its last link goes. */
  const unlinkNode = (parent: DirNode, name: string, node: AnyNode) => {
    parent.entries.delete(name);
    parent.touch();
    node.nlink--;
    node.ctim = parent.mtim;
    if (node instanceof FileNode && node.nlink === 0n) node.budget.take(-node.size);
  };
  const isDescendant = (dir: DirNode, of: DirNode) => {
    for (let d: DirNode | null = dir; d; d = d.parent) if (d === of) return true;
    return false;
  };

  /** A call that would change the tree: EPERM when it is read-only. */
  const mutating =
    <F extends Fn>(f: F) =>
    (...a: Parameters<F>): number =>
      host.readOnly ? E.PERM : f(...a);

  return {
    path_open: (
      fd: number,
      dirflags: number,
      ptr: number,
      len: number,
      oflags: number,
      base: bigint,
      inheriting: bigint,
      fdflags: number,
      outPtr: number,
    ) => {
      const dir = dirOf(fd);
      if (typeof dir === 'number') return dir;
      if (host.readOnly && (oflags & (OFLAGS.CREAT | OFLAGS.TRUNC) || base & RIGHTS.FD_WRITE))
        return E.PERM;
      // Truncating through a path is the directory's right (wasi-testsuite truncation_rights).
      if (oflags & OFLAGS.TRUNC && !(dir.rights & RIGHTS.PATH_FILESTAT_SET_SIZE))
        return E.NOTCAPABLE;
      const r = resolve(dir.node, host.str(ptr, len), (dirflags & LOOKUP_SYMLINK_FOLLOW) !== 0);
      if (typeof r === 'number') return r;
      let node = r.node;
      if (!node) {
        if (!(oflags & OFLAGS.CREAT)) return E.NOENT;
        if (r.dirOnly || oflags & OFLAGS.DIRECTORY) return r.dirOnly ? E.ISDIR : E.NOENT;
        if (r.name === '.' || r.name === '..') return E.ISDIR;
        node = new FileNode(new Uint8Array(0), host.budget);
        r.parent.entries.set(r.name, node);
        r.parent.touch();
      } else if (oflags & OFLAGS.CREAT && oflags & OFLAGS.EXCL) {
        return E.EXIST;
      }
      // The last component is a symlink that was not followed (O_NOFOLLOW): ELOOP, as on Linux.
      if (node instanceof SymlinkNode) return E.LOOP;
      const wantsWrite = (base & RIGHTS.FD_WRITE) !== 0n;
      if (node instanceof DirNode) {
        if (wantsWrite || oflags & OFLAGS.TRUNC) return E.ISDIR;
        const newFd = host.fds.add({
          kind: 'dir',
          node,
          flags: fdflags,
          rights: base & DIR_RIGHTS,
          inheriting,
        });
        host.view.setUint32(outPtr, newFd, true);
        return E.SUCCESS;
      }
      if (oflags & OFLAGS.DIRECTORY || r.dirOnly) return E.NOTDIR;
      if (oflags & OFLAGS.TRUNC) {
        // A read-only open cannot truncate (EINVAL, as wasmtime answers); an open asking for no
        // rights at all is one made to truncate (wasi-testsuite truncation_rights, as wasmtime).
        if (!wantsWrite && (base & RIGHTS.FD_READ) !== 0n) return E.INVAL;
        node.resize(0);
        node.touch();
      }
      const newFd = host.fds.add({
        kind: 'file',
        node,
        pos: 0,
        flags:
          fdflags &
          (FDFLAGS.APPEND | FDFLAGS.NONBLOCK | FDFLAGS.DSYNC | FDFLAGS.RSYNC | FDFLAGS.SYNC),
        rights: base & FILE_RIGHTS,
        inheriting,
      });
      host.view.setUint32(outPtr, newFd, true);
      return E.SUCCESS;
    },

    path_filestat_get: (fd: number, flags: number, ptr: number, len: number, out: number) => {
      const r = lookup(fd, ptr, len, (flags & LOOKUP_SYMLINK_FOLLOW) !== 0);
      if (typeof r === 'number') return r;
      if (!r.node) return E.NOENT;
      if (r.dirOnly && !(r.node instanceof DirNode)) return E.NOTDIR;
      host.writeFilestat(out, r.node);
      return E.SUCCESS;
    },

    path_filestat_set_times: mutating(
      (
        fd: number,
        flags: number,
        ptr: number,
        len: number,
        atim: bigint,
        mtim: bigint,
        fst: number,
      ) => {
        const r = lookup(fd, ptr, len, (flags & LOOKUP_SYMLINK_FOLLOW) !== 0);
        if (typeof r === 'number') return r;
        if (!r.node) return E.NOENT;
        return host.setTimes(r.node, atim, mtim, fst);
      },
    ),

    path_create_directory: mutating((fd: number, ptr: number, len: number) => {
      const r = lookup(fd, ptr, len, false);
      if (typeof r === 'number') return r;
      if (r.node) return E.EXIST;
      r.parent.entries.set(r.name, new DirNode(r.parent));
      r.parent.touch();
      return E.SUCCESS;
    }),

    path_remove_directory: mutating((fd: number, ptr: number, len: number) => {
      const r = lookup(fd, ptr, len, false);
      if (typeof r === 'number') return r;
      if (r.name === '.') return E.INVAL;
      if (!r.node) return E.NOENT;
      if (!(r.node instanceof DirNode)) return E.NOTDIR;
      if (r.node.entries.size) return E.NOTEMPTY;
      unlinkNode(r.parent, r.name, r.node);
      return E.SUCCESS;
    }),

    path_unlink_file: mutating((fd: number, ptr: number, len: number) => {
      const r = lookup(fd, ptr, len, false);
      if (typeof r === 'number') return r;
      if (!r.node) return E.NOENT;
      if (r.node instanceof DirNode) return E.ISDIR;
      if (r.dirOnly) return E.NOTDIR;
      unlinkNode(r.parent, r.name, r.node);
      return E.SUCCESS;
    }),

    path_rename: mutating(
      (fd: number, op: number, ol: number, nfd: number, np: number, nl: number) => {
        const from = lookup(fd, op, ol, false);
        if (typeof from === 'number') return from;
        const to = lookup(nfd, np, nl, false);
        if (typeof to === 'number') return to;
        const src = from.node;
        if (!src) return E.NOENT;
        if (from.name === '.' || to.name === '.') return E.INVAL;
        const srcIsDir = src instanceof DirNode;
        if ((from.dirOnly || to.dirOnly) && !srcIsDir) return E.NOTDIR;
        const dst = to.node;
        if (dst === src) return E.SUCCESS;
        if (srcIsDir && isDescendant(to.parent, src)) return E.INVAL;
        if (dst) {
          if (dst instanceof DirNode) {
            if (!srcIsDir) return E.ISDIR;
            if (dst.entries.size) return E.NOTEMPTY;
          } else if (srcIsDir) {
            return E.NOTDIR;
          }
          unlinkNode(to.parent, to.name, dst);
        }
        from.parent.entries.delete(from.name);
        from.parent.touch();
        to.parent.entries.set(to.name, src);
        to.parent.touch();
        if (src instanceof DirNode) src.parent = to.parent;
        src.ctim = to.parent.mtim;
        return E.SUCCESS;
      },
    ),

    path_link: mutating(
      (ofd: number, flags: number, op: number, ol: number, nfd: number, np: number, nl: number) => {
        const from = lookup(ofd, op, ol, (flags & LOOKUP_SYMLINK_FOLLOW) !== 0);
        if (typeof from === 'number') return from;
        const to = lookup(nfd, np, nl, false);
        if (typeof to === 'number') return to;
        if (!from.node) return E.NOENT;
        if (from.node instanceof DirNode) return E.PERM;
        if (to.node) return E.EXIST;
        if (to.dirOnly) return E.NOENT;
        to.parent.entries.set(to.name, from.node);
        to.parent.touch();
        from.node.nlink++;
        from.node.ctim = to.parent.mtim;
        return E.SUCCESS;
      },
    ),

    path_symlink: mutating((tp: number, tl: number, fd: number, np: number, nl: number) => {
      const target = host.str(tp, tl);
      // An absolute target could only ever point outside the sandbox: refused, as wasmtime does.
      if (target.startsWith('/')) return E.PERM;
      const to = lookup(fd, np, nl, false);
      if (typeof to === 'number') return to;
      if (to.node) return E.EXIST;
      if (to.dirOnly) return E.NOENT;
      to.parent.entries.set(to.name, new SymlinkNode(target));
      to.parent.touch();
      return E.SUCCESS;
    }),

    path_readlink: (
      fd: number,
      ptr: number,
      len: number,
      buf: number,
      bufLen: number,
      out: number,
    ) => {
      const r = lookup(fd, ptr, len, false);
      if (typeof r === 'number') return r;
      if (!r.node) return E.NOENT;
      if (!(r.node instanceof SymlinkNode)) return E.INVAL;
      const bytes = encoder.encode(r.node.target);
      // Like readlink(2): cut to the buffer, no terminating NUL.
      const n = Math.min(bytes.length, bufLen);
      host.bytes.set(bytes.subarray(0, n), buf);
      host.view.setUint32(out, n, true);
      return E.SUCCESS;
    },
  };
}
