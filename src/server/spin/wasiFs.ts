/**
 * wasi:filesystem 0.2 for a Spin component on jco's bindings: the manifest's files, read-only,
 * preopened at `/` (none mounted: no preopen, as Spin gives a component without `files`).
 * Reads, stats, directory listings and opens for reading; anything that would change the tree
 * answers `not-permitted`, as Spin's read-only mounts (wasmtime's DirPerms::READ) do. Over our
 * WASI preview 1 host's in-memory tree (memfs), so paths resolve the same way on both hosts.
 */
import { E } from '../../wasi/constants';
import { DirNode, FileNode, resolve, type AnyNode } from '../../wasi/memfs';
import { bytesSource, InputStream } from './wasi';

/** wasi:filesystem's error-code for one of memfs's errno answers. */
const ERRORS: Record<number, string> = {
  [E.NOENT]: 'no-entry',
  [E.NOTDIR]: 'not-directory',
  [E.ISDIR]: 'is-directory',
  [E.PERM]: 'not-permitted',
  [E.LOOP]: 'loop',
  [E.INVAL]: 'invalid',
  [E.NAMETOOLONG]: 'name-too-long',
};
const fail = (errno: number): never => {
  throw ERRORS[errno] ?? 'io';
};

const typeOf = (n: AnyNode) =>
  n instanceof DirNode ? 'directory' : n instanceof FileNode ? 'regular-file' : 'symbolic-link';
const time = (ns: bigint) => ({
  seconds: ns / 1_000_000_000n,
  nanoseconds: Number(ns % 1_000_000_000n),
});

function statOf(n: AnyNode) {
  return {
    type: typeOf(n),
    linkCount: BigInt(n.nlink),
    size: n instanceof FileNode ? BigInt(n.size) : 0n,
    dataAccessTimestamp: time(n.atim),
    dataModificationTimestamp: time(n.mtim),
    statusChangeTimestamp: time(n.ctim),
  };
}

const notPermitted = (): never => {
  throw 'not-permitted';
};

export class DirectoryEntryStream {
  private names: [string, AnyNode][];
  constructor(dir: DirNode) {
    this.names = [...dir.entries];
  }
  readDirectoryEntry() {
    const next = this.names.shift();
    return next ? { type: typeOf(next[1]), name: next[0] } : undefined;
  }
}

export class Descriptor {
  constructor(readonly node: AnyNode) {}

  private file(): FileNode {
    if (this.node instanceof DirNode) throw 'is-directory';
    if (!(this.node instanceof FileNode)) throw 'bad-descriptor';
    return this.node;
  }
  private dir(): DirNode {
    if (!(this.node instanceof DirNode)) throw 'not-directory';
    return this.node;
  }
  private at(pathFlags: { symlinkFollow?: boolean }, path: string): AnyNode {
    const r = resolve(this.dir(), path, pathFlags?.symlinkFollow !== false);
    if (typeof r === 'number') return fail(r);
    if (!r.node) return fail(E.NOENT);
    if (r.dirOnly && !(r.node instanceof DirNode)) return fail(E.NOTDIR);
    return r.node;
  }

  readViaStream(offset: bigint) {
    return new InputStream(bytesSource(this.file().data.subarray(Number(offset))));
  }
  read(length: bigint, offset: bigint): [Uint8Array, boolean] {
    const data = this.file().data;
    const at = Number(offset);
    const out = data.slice(at, at + Number(length));
    return [out, at + out.length >= data.length];
  }
  readDirectory() {
    return new DirectoryEntryStream(this.dir());
  }
  openAt(
    pathFlags: { symlinkFollow?: boolean },
    path: string,
    openFlags: { create?: boolean; directory?: boolean; exclusive?: boolean; truncate?: boolean },
    flags: { write?: boolean; mutateDirectory?: boolean },
  ) {
    if (openFlags?.create || openFlags?.truncate || flags?.write || flags?.mutateDirectory)
      notPermitted();
    const node = this.at(pathFlags, path);
    if (openFlags?.directory && !(node instanceof DirNode)) throw 'not-directory';
    return new Descriptor(node);
  }
  stat() {
    return statOf(this.node);
  }
  statAt(pathFlags: { symlinkFollow?: boolean }, path: string) {
    return statOf(this.at(pathFlags, path));
  }
  getType() {
    return typeOf(this.node);
  }
  getFlags() {
    return { read: true };
  }
  isSameObject(other: Descriptor) {
    return other.node === this.node;
  }
  metadataHash() {
    return { lower: BigInt(this.node.ino), upper: this.node.mtim };
  }
  metadataHashAt(pathFlags: { symlinkFollow?: boolean }, path: string) {
    const n = this.at(pathFlags, path);
    return { lower: BigInt(n.ino), upper: n.mtim };
  }
  readlinkAt(): never {
    throw 'invalid';
  }
  advise() {}
  syncData() {}
  sync() {}
  // Everything that would change the mounted files.
  writeViaStream = notPermitted;
  appendViaStream = notPermitted;
  setSize = notPermitted;
  setTimes = notPermitted;
  write = notPermitted;
  createDirectoryAt = notPermitted;
  setTimesAt = notPermitted;
  linkAt = notPermitted;
  removeDirectoryAt = notPermitted;
  renameAt = notPermitted;
  symlinkAt = notPermitted;
  unlinkFileAt = notPermitted;
}

/** wasi:filesystem's types and preopens over `root` (null: nothing preopened). */
export function filesystemImports(root: DirNode | null): Record<string, object> {
  return {
    'wasi:filesystem/types': {
      Descriptor,
      DirectoryEntryStream,
      filesystemErrorCode: () => undefined,
    },
    'wasi:filesystem/preopens': {
      getDirectories: () => (root ? [[new Descriptor(root), '/']] : []),
    },
  };
}
