/**
 * The project's files as preview2-shim's in-memory filesystem wants them (a tree of `dir` and
 * `source` entries), and back: the adapter mutates the tree in place, so the run's changes are
 * read from the same object afterwards.
 */

/** preview2-shim's FileData entry (browser in-memory filesystem). */
export interface FileEntry {
  dir?: Record<string, FileEntry>;
  source?: Uint8Array | string;
  symlink?: string;
}

/** Project files (path → bytes; a path ending in `/` is a folder) as one root directory. */
export function toFileData(files: Record<string, Uint8Array>): FileEntry {
  const root: FileEntry = { dir: {} };
  for (const [path, bytes] of Object.entries(files)) {
    const parts = path.split('/');
    const isDir = path.endsWith('/');
    if (isDir) parts.pop();
    let node = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      node.dir ??= {};
      if (last && !isDir) node.dir[part] = { source: bytes.slice() };
      else node = node.dir[part] ??= { dir: {} };
    });
  }
  return root;
}

/** The tree back as project files, in the same form as toFileData's input. */
export function fromFileData(root: FileEntry): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const encoder = new TextEncoder();
  const walk = (node: FileEntry, prefix: string) => {
    for (const [name, child] of Object.entries(node.dir ?? {})) {
      const path = prefix + name;
      if (child.dir) {
        // As the preview 1 host reports trees: only an empty folder needs its own entry.
        if (Object.keys(child.dir).length === 0) out[`${path}/`] = new Uint8Array();
        walk(child, `${path}/`);
      } else if (child.source !== undefined) {
        out[path] =
          typeof child.source === 'string' ? encoder.encode(child.source) : child.source.slice();
      }
    }
  };
  walk(root, '');
  return out;
}
