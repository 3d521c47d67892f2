// The runner worker's copy of the project, kept between runs: each run receives only what the
// user changed since the last one (FilesDelta), mounts the files without copying them (copy on
// write), and answers only with what the program changed, compared here in the worker.
import type { Change, FilesDelta, RunChanges } from '../protocol/run';
import { Budget, buildTree, DirNode, FileNode } from './memfs';
import { sameBytes } from '../util/bytes';

const isDir = (path: string) => path.endsWith('/');

/** The project as a runner worker keeps it (path → bytes; folders end in `/`). */
export class MountedProject {
  readonly files = new Map<string, Uint8Array>();

  /** Brings the kept project up to date with what the page sent. */
  apply(delta: FilesDelta): void {
    if (delta.reset) this.files.clear();
    for (const p of delta.remove) this.files.delete(p);
    for (const [p, bytes] of Object.entries(delta.put)) this.files.set(p, bytes);
  }

  /** A sandbox of the project for one run: its files share the kept bytes until written. */
  tree(budget: Budget): DirNode {
    return buildTree(this.files, budget, true);
  }

  /** What a run did to the sandbox `root` that was made from this project. */
  changes(root: DirNode): RunChanges {
    return diffListing(this.files, listTree(root));
  }

  /** What a run did, from its sandbox listed as path → bytes (a component's filesystem). */
  changesOf(after: Record<string, Uint8Array>): RunChanges {
    const listing = new Map<string, After | null>();
    for (const [p, data] of Object.entries(after))
      listing.set(p, isDir(p) ? null : { data, shared: null });
    return diffListing(this.files, listing);
  }
}

/** A file after a run: its bytes, and the kept bytes it still shares (nothing written). */
interface After {
  data: Uint8Array;
  shared: Uint8Array | null;
}

/** Files (as nodes) and empty folders (null) of a tree, as readTree lists them. */
function listTree(root: DirNode): Map<string, After | null> {
  const out = new Map<string, After | null>();
  const walk = (d: DirNode, prefix: string) => {
    for (const [name, e] of d.entries) {
      if (e instanceof DirNode) {
        if (e.entries.size === 0) out.set(`${prefix}${name}/`, null);
        walk(e, `${prefix}${name}/`);
      } else if (e instanceof FileNode) out.set(prefix + name, e);
    }
  };
  walk(root, '');
  return out;
}

/**
 * The files a run created, modified or deleted, compared with the project it started from. A
 * file nobody wrote still shares the project's bytes and is passed over without a look.
 */
function diffListing(base: Map<string, Uint8Array>, after: Map<string, After | null>): RunChanges {
  const changes: Record<string, Change> = {};
  const out: Record<string, Uint8Array> = {};
  const implied = (paths: Iterable<string>, dir: string) => {
    for (const p of paths) if (p !== dir && p.startsWith(dir)) return true;
    return false;
  };
  for (const [p, node] of after) {
    const before = base.get(p);
    if (before === undefined) {
      // A folder that was only implied by its files before is not new.
      if (isDir(p) && implied(base.keys(), p)) continue;
      changes[p] = 'created';
      out[p] = node ? node.data.slice() : new Uint8Array(0);
    } else if (node && node.shared !== before && !sameBytes(node.data, before)) {
      changes[p] = 'modified';
      out[p] = node.data.slice();
    }
  }
  for (const p of base.keys()) {
    if (after.has(p)) continue;
    if (isDir(p) && implied(after.keys(), p)) continue;
    changes[p] = 'deleted';
  }
  return { changes, after: out };
}
