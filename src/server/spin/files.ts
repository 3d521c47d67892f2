/**
 * A Spin component's `files` (and `exclude_files`), resolved against the project's files as
 * Spin's loader resolves them against the app's directory (crates/loader/src/local.rs):
 *
 * - `"static/**\/*"`, a glob: each matching file at its own path (`/static/…`);
 * - `"index.html"` or `"static"`, an existing file or folder: that file, or every file under it,
 *   at its own path;
 * - `{ source = "assets", destination = "/www" }`: a folder's files (or one file) placed under
 *   `destination` in the guest.
 *
 * `exclude_files` globs (matched against the whole project path, `*` crossing `/` as Spin's
 * glob::Pattern does) drop files a glob or folder would have mounted. The guest sees the result
 * read-only at `/`, as `spin up` mounts it.
 */
import type { FileMount, SpinGrants } from '../../protocol/server';
import { Budget, buildTree, type DirNode } from '../../wasi/memfs';

export type { FileMount };

const isGlob = (p: string) => /[*?[]/.test(p);

/** A glob as a RegExp: `**` whole segments, `*`, `?`, `[…]`/`[!…]`; `*` crosses `/` if `loose`. */
export function globRe(pattern: string, loose = false): RegExp {
  const any = loose ? '.*' : '[^/]*';
  const one = loose ? '.' : '[^/]';
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const segStart = i === 0 || pattern[i - 1] === '/';
      const segEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
      if (segStart && segEnd) {
        // `**/` is any run of folders (none too); a final `**` is everything below.
        if (i + 2 === pattern.length) re += '.*';
        else re += '(?:[^/]+/)*';
        i += 2;
        continue;
      }
      re += any;
      i++;
    } else if (c === '*') re += any;
    else if (c === '?') re += one;
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let cls = pattern.slice(i + 1, end);
        if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** A mount entry's own problem (before any file is looked at), as Spin's loader words it. */
export function mountEntryProblem(m: FileMount): string | null {
  if (typeof m === 'string') {
    if (m === '..' || m.endsWith('/..'))
      return `files: "${m}": a file pattern can't end in a parent directory path (..); use { source = "…", destination = "/…" } or a glob ending in **/*`;
    if (m === '.' || m.endsWith('/.'))
      return `files: "${m}": a file pattern can't end in a current directory path (.); use { source = "…", destination = "/…" } or a glob ending in **/*`;
    if (m.startsWith('/') || m.split('/').includes('..'))
      return `files: "${m}" is outside the application directory`;
    return null;
  }
  if (!m.destination.startsWith('/'))
    return `files: destination "${m.destination}" must be an absolute path (e.g. "/")`;
  if (m.source.startsWith('/') || m.source.split('/').includes('..'))
    return `files: source "${m.source}" is outside the application directory`;
  return null;
}

const clean = (p: string) => (p === '.' ? '' : p.replace(/^(\.\/)+/, '').replace(/\/+$/, ''));
const join = (dir: string, name: string) => `${dir.replace(/\/+$/, '')}/${name}`;

/**
 * The guest's files (absolute guest path → bytes) for the grants' mounts over `project` (project
 * path → bytes; folders end in `/`), the project paths they come from, or the problems that stop
 * it.
 */
export function mountFiles(
  grants: Pick<SpinGrants, 'files' | 'excludeFiles'>,
  project: Record<string, Uint8Array>,
): { files: Record<string, Uint8Array>; problems: string[]; sources: string[] } {
  const files: Record<string, Uint8Array> = {};
  const sources = new Set<string>();
  /** Mounts project file `from` at guest path `to`. */
  const put = (to: string, from: string) => {
    files[to] = project[from];
    sources.add(from);
  };
  const problems: string[] = [];
  const paths = Object.keys(project).filter((p) => !p.endsWith('/'));
  const excluded = (grants.excludeFiles ?? []).map((x) => globRe(clean(x), true));
  const keep = (p: string) => !excluded.some((re) => re.test(p));
  const under = (dir: string) => paths.filter((p) => dir === '' || p.startsWith(`${dir}/`));
  const isFolder = (dir: string) =>
    under(dir).length > 0 || Object.prototype.hasOwnProperty.call(project, `${dir}/`);
  for (const m of grants.files ?? []) {
    const bad = mountEntryProblem(m);
    if (bad) {
      problems.push(bad);
      continue;
    }
    if (typeof m === 'string') {
      const p = clean(m);
      if (paths.includes(p)) put(`/${p}`, p);
      else if (p && isFolder(p)) for (const f of under(p).filter(keep)) put(`/${f}`, f);
      else if (isGlob(p)) {
        const re = globRe(p);
        for (const f of paths) if (re.test(f) && keep(f)) put(`/${f}`, f);
      } else problems.push(`files: "${m}" does not exist and doesn't appear to be a glob pattern`);
      continue;
    }
    const src = clean(m.source);
    // One file: at the destination, or inside it when it names a folder (ends in `/`).
    if (paths.includes(src))
      put(
        m.destination.endsWith('/') ? join(m.destination, src.split('/').pop()!) : m.destination,
        src,
      );
    else if (src === '' || isFolder(src))
      for (const f of under(src).filter(keep))
        put(join(m.destination, src ? f.slice(src.length + 1) : f), f);
    else problems.push(`files: source "${m.source}" does not exist in the project`);
  }
  return { files, problems, sources: [...sources].sort() };
}

const NO_BYTES = new Uint8Array(0);
/** A project's paths with no bytes: enough to know what a manifest mounts, or what is missing. */
export const pathsOnly = (paths: Iterable<string>): Record<string, Uint8Array> =>
  Object.fromEntries([...paths].map((p) => [p, NO_BYTES]));

/** The guest's files as a tree (built once, shared: nothing can change them), or null: none. */
export function mountedTree(files: Record<string, Uint8Array>): DirNode | null {
  const input = Object.entries(files).map(([p, b]) => [p.replace(/^\/+/, ''), b] as const);
  return input.length ? buildTree(new Map(input), new Budget(), true) : null;
}
