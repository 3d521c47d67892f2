import { FILETYPE } from './constants';
import type { DirNode, FileNode } from './memfs';
import type { StdinStream } from './stdin';

/** An open regular file. */
export interface FileDesc {
  kind: 'file';
  node: FileNode;
  pos: number;
  flags: number;
  rights: bigint;
  inheriting: bigint;
}

/** An open folder (a preopen has a `preopen` name). */
export interface DirDesc {
  kind: 'dir';
  node: DirNode;
  flags: number;
  rights: bigint;
  inheriting: bigint;
  preopen?: string;
}

/** Standard input: the preset bytes, then (interactive runs) what the user types. */
export interface StdinDesc {
  kind: 'stdin';
  stream: StdinStream;
  /** Reported as a terminal (a character device). */
  tty: boolean;
  flags: number;
  rights: bigint;
}

/** Standard output or error: bytes go to a callback. */
export interface OutDesc {
  kind: 'out';
  write: (bytes: Uint8Array) => void;
  tty: boolean;
  flags: number;
  rights: bigint;
}

export type Desc = FileDesc | DirDesc | StdinDesc | OutDesc;

/** The file type fd_fdstat_get and fd_filestat_get report. */
export function filetypeOf(d: Desc): number {
  switch (d.kind) {
    case 'file':
      return FILETYPE.REGULAR_FILE;
    case 'dir':
      return FILETYPE.DIRECTORY;
    default:
      // A terminal is a character device; a non-interactive wasmtime run (stdio not a terminal)
      // reports "unknown".
      return d.tty ? FILETYPE.CHARACTER_DEVICE : FILETYPE.UNKNOWN;
  }
}

/** The descriptor table: the lowest free number is handed out, as wasmtime and Node do. */
export class FdTable {
  private fds: (Desc | undefined)[] = [];

  get(fd: number): Desc | undefined {
    return this.fds[fd];
  }

  add(d: Desc): number {
    let fd = this.fds.indexOf(undefined);
    if (fd < 0) fd = this.fds.length;
    this.fds[fd] = d;
    return fd;
  }

  set(fd: number, d: Desc | undefined) {
    this.fds[fd] = d;
  }

  close(fd: number): boolean {
    if (!this.fds[fd]) return false;
    this.fds[fd] = undefined;
    while (this.fds.length && this.fds[this.fds.length - 1] === undefined) this.fds.pop();
    return true;
  }
}
