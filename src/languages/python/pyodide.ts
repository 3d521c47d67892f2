// Worker only: CPython 3.14 through Pyodide, when the project chose "Full Python". One
// interpreter per worker, kept between runs (its start is ≈1–2 s): each run gets a fresh
// __main__, its own files in the home folder, and the project's modules imported anew.
import { loadPyodide, type PyodideAPI } from 'pyodide';
import type { InterpreterOutcome, InterpreterRun } from '../types';
import { emscriptenFiles, writeProject, type EmFS } from './emscriptenFs';
import { pyodidePrelude } from './pyodidePrelude';
import { tracebackText } from './prelude';
import { PYODIDE_WASM_BYTES, pyodideIndexUrl } from './pyodideFiles';

const NAME = 'CPython 3.14 (Pyodide 314.0.8)';
const HOME = '/home/pyodide/';

/** The run whose stdio the interpreter is writing to now. */
let current: InterpreterRun | null = null;
let instance: Promise<PyodideAPI> | null = null;

/** Starts this worker's interpreter (once; again after one failed). */
export function startPyodide(indexURL: string): Promise<PyodideAPI> {
  instance ??= loadPyodide({
    indexURL,
    fullStdLib: false,
    // Packages would come from Pyodide's CDN by default: nothing here may reach a CDN, so a
    // package load looks in our own folder (and finds none).
    packageBaseUrl: indexURL,
    cdnUrl: indexURL,
  }).then((py) => {
    py.setStdout({ write: (b: Uint8Array) => (current?.stdout(b.slice()), b.length) });
    py.setStderr({ write: (b: Uint8Array) => (current?.stderr(b.slice()), b.length) });
    py.setStdin({
      read: (buf: Uint8Array) => {
        const got = current?.readStdin(buf.length) ?? new Uint8Array(0);
        buf.set(got);
        return got.length;
      },
    });
    return py;
  });
  instance.catch(() => (instance = null));
  return instance;
}

/** Removes what the last run left in the home folder. */
function clearHome(fs: EmFS & { rmdir(p: string): void; unlink(p: string): void }, dir = HOME) {
  for (const name of fs.readdir(dir)) {
    if (name === '.' || name === '..') continue;
    const p = `${dir}${name}`;
    if (fs.isDir(fs.stat(p).mode)) {
      clearHome(fs, `${p}/`);
      fs.rmdir(p);
    } else fs.unlink(p);
  }
}

export async function runPyodide(r: InterpreterRun): Promise<InterpreterOutcome> {
  const indexURL = pyodideIndexUrl(r.locate);
  const had = instance !== null;
  const t0 = performance.now();
  const py = await startPyodide(indexURL);
  const loadMs = performance.now() - t0;
  const out: InterpreterOutcome = {
    exitCode: null,
    info: {
      name: NAME,
      url: `${indexURL}pyodide.asm.wasm`,
      wasmBytes: PYODIDE_WASM_BYTES,
      cached: had,
    },
    loadMs: had ? 0 : loadMs,
    instantiateMs: 0,
    runMs: 0,
    imports: [],
    exports: [],
  };
  const fs = py.FS as unknown as EmFS & { rmdir(p: string): void; unlink(p: string): void };
  const t1 = performance.now();
  clearHome(fs);
  writeProject(fs, r.files, HOME);
  current = r;
  try {
    const globals = py.toPy({});
    py.runPython(pyodidePrelude(r.entry, r.args, r.env), { globals });
    out.exitCode = Number(globals.get('__pg_status') ?? 0);
    globals.destroy();
  } catch (e) {
    // Not the program's exception (the prelude catches those): the interpreter itself failed,
    // and the next run starts a fresh one.
    instance = null;
    r.stderr(new TextEncoder().encode(tracebackText(e)));
    out.exitCode = 1;
  } finally {
    current = null;
  }
  out.runMs = performance.now() - t1;
  out.files = emscriptenFiles(fs, r.files, HOME);
  return out;
}
