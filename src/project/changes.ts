import { dataToBytes, isDir, sameData, type ProjectFiles } from './model';

/** What a run did to one path of the sandbox. */
export type Change = 'created' | 'modified' | 'deleted';

/** The files a run created, modified or deleted, with their content after the run. */
export interface RunChanges {
  changes: Record<string, Change>;
  /** Content after the run of every created or modified path. */
  after: Record<string, Uint8Array>;
}

/** Compares the tree mounted for a run with the sandbox after it. */
export function diffTrees(before: ProjectFiles, after: Record<string, Uint8Array>): RunChanges {
  const changes: Record<string, Change> = {};
  const out: Record<string, Uint8Array> = {};
  const implied = (files: Record<string, unknown>, dir: string) =>
    Object.keys(files).some((p) => p.startsWith(dir));
  for (const [p, bytes] of Object.entries(after)) {
    if (!(p in before)) {
      // A folder that was only implied by its files before is not new.
      if (isDir(p) && implied(before, p)) continue;
      changes[p] = 'created';
      out[p] = bytes;
    } else if (!isDir(p) && !sameData(before[p], bytes)) {
      changes[p] = 'modified';
      out[p] = bytes;
    }
  }
  for (const p of Object.keys(before)) {
    if (p in after) continue;
    if (isDir(p) && implied(after, p)) continue;
    changes[p] = 'deleted';
  }
  return { changes, after: out };
}

/** The tree as the runner mounts it: every file as bytes, folders as empty entries. */
export function toMountable(files: ProjectFiles): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [p, v] of Object.entries(files))
    out[p] = isDir(p) ? new Uint8Array(0) : dataToBytes(v);
  return out;
}
