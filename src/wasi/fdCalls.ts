// The fd_* calls of our WASI host: read, write, seek, stat, rights, readdir, over the fd table.
import { E, FDFLAGS, RIGHTS, WHENCE } from './constants';
import type { WasiHost } from './host';
import { filetypeOf } from './descriptors';
import { DirNode, FileNode, type AnyNode } from './memfs';
import type { StdinStream } from './stdin';

type Fn = (...args: never[]) => number | Promise<number>;
const encoder = new TextEncoder();

/** The fd_* calls, acting on `host`'s descriptors and memory. */
export function fdCalls(host: WasiHost): Record<string, Fn> {
  const readStdin = (stream: StdinStream, iovs: number, n: number, out: number) => {
    let total = 0;
    for (const [buf, len] of host.iovecs(iovs, n)) {
      const chunk = stream.read(len);
      host.bytes.set(chunk, buf);
      total += chunk.length;
      if (chunk.length < len) break;
    }
    host.view.setUint32(out, total, true);
    return E.SUCCESS;
  };
  const read = (
    fd: number,
    iovs: number,
    n: number,
    out: number,
    at: bigint | null,
  ): number | Promise<number> => {
    const d = host.fds.get(fd);
    if (!d) return E.BADF;
    if (d.kind === 'dir') return E.ISDIR;
    if (d.kind === 'out' || !(d.rights & RIGHTS.FD_READ)) return E.BADF;
    if (d.kind === 'stdin') {
      if (at !== null) return E.SPIPE;
      const waited = host.awaitStdin(d.stream);
      // The iovecs are read after the wait, through views taken then.
      return waited
        ? waited.then(() => readStdin(d.stream, iovs, n, out))
        : readStdin(d.stream, iovs, n, out);
    }
    const src = d.node.data;
    let pos = at !== null ? Number(at) : d.pos;
    let total = 0;
    for (const [buf, len] of host.iovecs(iovs, n)) {
      const chunk = src.subarray(pos, Math.min(pos + len, src.length));
      host.bytes.set(chunk, buf);
      pos += chunk.length;
      total += chunk.length;
      if (chunk.length < len) break;
    }
    if (at === null) d.pos = pos;
    host.view.setUint32(out, total, true);
    return E.SUCCESS;
  };
  const write = (fd: number, iovs: number, n: number, out: number, at: bigint | null) => {
    const d = host.fds.get(fd);
    if (!d) return E.BADF;
    if (d.kind === 'dir') return E.ISDIR;
    if (d.kind === 'stdin' || !(d.rights & RIGHTS.FD_WRITE)) return E.BADF;
    let total = 0;
    if (d.kind === 'out') {
      if (at !== null) return E.SPIPE;
      for (const [buf, len] of host.iovecs(iovs, n)) {
        d.write(host.bytes.slice(buf, buf + len));
        total += len;
      }
    } else {
      // pwrite on an O_APPEND file writes at the offset given, as on Linux with wasmtime.
      let pos = at !== null ? Number(at) : d.flags & FDFLAGS.APPEND ? d.node.size : d.pos;
      for (const [buf, len] of host.iovecs(iovs, n)) {
        if (pos + len > d.node.size && !d.node.resize(pos + len)) {
          if (total === 0) return E.NOSPC;
          break;
        }
        d.node.writable().set(host.bytes.subarray(buf, buf + len), pos);
        pos += len;
        total += len;
      }
      if (total) d.node.touch();
      if (at === null) d.pos = pos;
    }
    host.view.setUint32(out, total, true);
    return E.SUCCESS;
  };
  const fileOf = (fd: number) => {
    const d = host.fds.get(fd);
    return !d ? E.BADF : d.kind !== 'file' ? (d.kind === 'dir' ? E.ISDIR : E.INVAL) : d;
  };
  return {
    fd_read: (fd: number, iovs: number, n: number, out: number) => read(fd, iovs, n, out, null),
    fd_pread: (fd: number, iovs: number, n: number, at: bigint, out: number) =>
      read(fd, iovs, n, out, at),
    fd_write: (fd: number, iovs: number, n: number, out: number) => write(fd, iovs, n, out, null),
    fd_pwrite: (fd: number, iovs: number, n: number, at: bigint, out: number) =>
      write(fd, iovs, n, out, at),
    fd_seek: (fd: number, offset: bigint, whence: number, out: number) => {
      const d = host.fds.get(fd);
      if (!d) return E.BADF;
      if (d.kind === 'out' || d.kind === 'stdin') return E.SPIPE;
      if (d.kind === 'dir') return E.BADF;
      const base =
        whence === WHENCE.SET
          ? 0
          : whence === WHENCE.CUR
            ? d.pos
            : whence === WHENCE.END
              ? d.node.size
              : -1;
      if (base < 0) return E.INVAL;
      const pos = BigInt(base) + offset;
      if (pos < 0n) return E.INVAL;
      d.pos = Number(pos);
      host.view.setBigUint64(out, pos, true);
      return E.SUCCESS;
    },
    fd_tell: (fd: number, out: number) => {
      const d = host.fds.get(fd);
      if (!d) return E.BADF;
      if (d.kind !== 'file') return d.kind === 'dir' ? E.BADF : E.SPIPE;
      host.view.setBigUint64(out, BigInt(d.pos), true);
      return E.SUCCESS;
    },
    fd_close: (fd: number) => (host.fds.close(fd) ? E.SUCCESS : E.BADF),
    fd_renumber: (from: number, to: number) => {
      const d = host.fds.get(from);
      if (!d || !host.fds.get(to)) return E.BADF;
      if (from === to) return E.SUCCESS;
      host.fds.set(to, d);
      host.fds.close(from);
      return E.SUCCESS;
    },
    fd_sync: (fd: number) => (host.fds.get(fd) ? E.SUCCESS : E.BADF),
    fd_datasync: (fd: number) => (host.fds.get(fd) ? E.SUCCESS : E.BADF),
    fd_advise: (fd: number, _off: bigint, _len: bigint, advice: number) => {
      const f = fileOf(fd);
      if (typeof f === 'number') return f === E.ISDIR ? E.BADF : f;
      return advice > 5 ? E.INVAL : E.SUCCESS;
    },
    fd_allocate: (fd: number, off: bigint, len: bigint) => {
      const f = fileOf(fd);
      if (typeof f === 'number') return f === E.ISDIR ? E.BADF : f;
      if (!(f.rights & RIGHTS.FD_WRITE)) return E.BADF;
      const end = Number(off + len);
      if (end > f.node.size && !f.node.resize(end)) return E.NOSPC;
      return E.SUCCESS;
    },
    fd_fdstat_get: (fd: number, ptr: number) => {
      const d = host.fds.get(fd);
      if (!d) return E.BADF;
      const v = host.view;
      v.setUint8(ptr, filetypeOf(d));
      v.setUint16(ptr + 2, d.flags, true);
      v.setBigUint64(ptr + 8, d.rights, true);
      v.setBigUint64(ptr + 16, 'inheriting' in d ? d.inheriting : 0n, true);
      return E.SUCCESS;
    },
    fd_fdstat_set_flags: (fd: number, flags: number) => {
      const d = host.fds.get(fd);
      if (!d) return E.BADF;
      if (
        flags & ~(FDFLAGS.APPEND | FDFLAGS.NONBLOCK | FDFLAGS.DSYNC | FDFLAGS.RSYNC | FDFLAGS.SYNC)
      )
        return E.INVAL;
      d.flags = flags;
      return E.SUCCESS;
    },
    fd_fdstat_set_rights: (fd: number, base: bigint, inheriting: bigint) => {
      const d = host.fds.get(fd);
      if (!d) return E.BADF;
      // Rights can only be dropped.
      if ((base & ~d.rights) !== 0n) return E.NOTCAPABLE;
      d.rights = base;
      if ('inheriting' in d) {
        if ((inheriting & ~d.inheriting) !== 0n) return E.NOTCAPABLE;
        d.inheriting = inheriting;
      }
      return E.SUCCESS;
    },
    fd_filestat_get: (fd: number, ptr: number) => {
      const d = host.fds.get(fd);
      if (!d) return E.BADF;
      host.writeFilestat(ptr, d.kind === 'file' || d.kind === 'dir' ? d.node : d);
      return E.SUCCESS;
    },
    fd_filestat_set_size: (fd: number, size: bigint) => {
      const f = fileOf(fd);
      if (typeof f === 'number') return f === E.ISDIR ? E.BADF : f;
      if (!(f.rights & RIGHTS.FD_WRITE)) return E.BADF;
      if (size < 0n || size > BigInt(Number.MAX_SAFE_INTEGER)) return E.INVAL;
      if (!f.node.resize(Number(size))) return E.NOSPC;
      f.node.touch();
      return E.SUCCESS;
    },
    fd_filestat_set_times: (fd: number, atim: bigint, mtim: bigint, flags: number) => {
      const d = host.fds.get(fd);
      if (!d) return E.BADF;
      if (d.kind !== 'file' && d.kind !== 'dir') return E.SUCCESS;
      if (host.readOnly) return E.PERM;
      return host.setTimes(d.node, atim, mtim, flags);
    },
    fd_prestat_get: (fd: number, ptr: number) => {
      const d = host.fds.get(fd);
      if (!d || d.kind !== 'dir' || d.preopen === undefined) return E.BADF;
      host.view.setUint32(ptr, 0, true);
      host.view.setUint32(ptr + 4, encoder.encode(d.preopen).length, true);
      return E.SUCCESS;
    },
    fd_prestat_dir_name: (fd: number, ptr: number, len: number) => {
      const d = host.fds.get(fd);
      if (!d || d.kind !== 'dir' || d.preopen === undefined) return E.BADF;
      const name = encoder.encode(d.preopen);
      if (len < name.length) return E.NAMETOOLONG;
      host.bytes.set(name, ptr);
      return E.SUCCESS;
    },
    fd_readdir: (fd: number, buf: number, len: number, cookie: bigint, usedPtr: number) => {
      const d = host.fds.get(fd);
      if (!d) return E.BADF;
      if (d.kind !== 'dir') return E.NOTDIR;
      const dir = d.node;
      // "." and ".." first, then the entries in creation order; cookie n = after n entries.
      const list: [string, AnyNode][] = [['.', dir], ['..', dir.parent ?? dir], ...dir.entries];
      let used = 0;
      for (let i = Number(cookie); i < list.length && used < len; i++) {
        const [name, node] = list[i];
        const nameBytes = encoder.encode(name);
        const ent = new Uint8Array(24 + nameBytes.length);
        const v = new DataView(ent.buffer);
        v.setBigUint64(0, BigInt(i + 1), true);
        v.setBigUint64(8, node.ino, true);
        v.setUint32(16, nameBytes.length, true);
        v.setUint8(20, node instanceof FileNode ? 4 : node instanceof DirNode ? 3 : 7);
        ent.set(nameBytes, 24);
        // A buffer too small for the last entry gets its first bytes: the caller sees
        // bufused == buf_len and asks again with a bigger buffer, as wasi-libc does.
        const n = Math.min(ent.length, len - used);
        host.bytes.set(ent.subarray(0, n), buf + used);
        used += n;
      }
      host.view.setUint32(usedPtr, used, true);
      return E.SUCCESS;
    },
  };
}
