import { dataToBytes, isDir, type ProjectFiles } from './model';

export type { Change, RunChanges } from '../protocol/run';

/** The tree as a worker mounts it: every file as bytes, folders as empty entries. */
export function toMountable(files: ProjectFiles): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [p, v] of Object.entries(files))
    out[p] = isDir(p) ? new Uint8Array(0) : dataToBytes(v);
  return out;
}
