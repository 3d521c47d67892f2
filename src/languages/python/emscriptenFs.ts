// The project in an Emscripten filesystem (MicroPython's, Pyodide's): written before a run,
// read back after it as path → bytes (folders end in `/`), as the runner compares them.

/** What we use of Emscripten's FS object. */
export interface EmFS {
  mkdirTree(path: string): void;
  writeFile(path: string, data: Uint8Array): void;
  readFile(path: string): Uint8Array;
  readdir(path: string): string[];
  stat(path: string): { mode: number };
  isDir(mode: number): boolean;
  isFile(mode: number): boolean;
}

/** Emscripten's own folders at `/`: not the project's unless it has them too. */
const SYSTEM = new Set(['tmp', 'home', 'dev', 'proc', 'lib', 'usr', 'bin', 'etc']);

/** Writes the project's files and folders under `root` (`/`). */
export function writeProject(fs: EmFS, files: ReadonlyMap<string, Uint8Array>, root = '/'): void {
  for (const [p, bytes] of files) {
    if (p.endsWith('/')) fs.mkdirTree(root + p.slice(0, -1));
    else {
      const dir = p.lastIndexOf('/');
      if (dir > 0) fs.mkdirTree(root + p.slice(0, dir));
      fs.writeFile(root + p, bytes);
    }
  }
}

/** Every file and folder under `root` after the run, leaving out Emscripten's own. */
export function emscriptenFiles(
  fs: EmFS,
  project: ReadonlyMap<string, Uint8Array>,
  root = '/',
): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const projectTop = new Set([...project.keys()].map((p) => p.split('/')[0]));
  const walk = (dir: string, rel: string) => {
    for (const name of fs.readdir(dir)) {
      if (name === '.' || name === '..') continue;
      if (rel === '' && SYSTEM.has(name) && !projectTop.has(name)) continue;
      if (name === '__pycache__') continue;
      const path = `${dir}${name}`;
      const mode = fs.stat(path).mode;
      if (fs.isDir(mode)) {
        const before = Object.keys(out).length;
        walk(`${path}/`, `${rel}${name}/`);
        if (Object.keys(out).length === before) out[`${rel}${name}/`] = new Uint8Array(0);
      } else if (fs.isFile(mode)) out[rel + name] = fs.readFile(path);
    }
  };
  walk(root, '');
  return out;
}
