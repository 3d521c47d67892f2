import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { bytesToData, checkPath, isDir, type ProjectFiles } from './model';

/** The project as a .zip: every file and empty folder, paths as in the tree. */
export function projectToZip(files: ProjectFiles): Uint8Array {
  const z: Zippable = {};
  for (const [p, v] of Object.entries(files)) {
    z[p] = isDir(p) ? new Uint8Array(0) : typeof v === 'string' ? strToU8(v) : v;
  }
  return zipSync(z, { level: 6 });
}

/**
 * Reads a .zip into a tree. Entries with unsafe paths (absolute, `..`) are skipped and named in
 * `skipped`; a single top folder that holds everything (as GitHub's downloads have) is removed.
 */
export function zipToProject(bytes: Uint8Array): { files: ProjectFiles; skipped: string[] } {
  const raw = unzipSync(bytes);
  const files: ProjectFiles = {};
  const skipped: string[] = [];
  for (const [name, data] of Object.entries(raw)) {
    if (name.startsWith('__MACOSX/')) continue;
    const checked = checkPath(name.replace(/\\/g, '/'));
    if ('error' in checked) {
      skipped.push(name);
      continue;
    }
    files[checked.path] = isDir(checked.path) ? '' : bytesToData(data);
  }
  const tops = new Set(Object.keys(files).map((p) => p.split('/')[0]));
  const [top] = tops;
  if (tops.size === 1 && Object.keys(files).every((p) => p.startsWith(top + '/'))) {
    const strip: ProjectFiles = {};
    for (const [p, v] of Object.entries(files)) {
      const rest = p.slice(top.length + 1);
      if (rest) strip[rest] = v;
    }
    return { files: strip, skipped };
  }
  return { files, skipped };
}
