// Worker only: Python runs on MicroPython (the default) or, when the project chose it, on
// CPython through Pyodide.
import type { InterpreterEntry } from '../types';
import { fetchBytes, loadModule } from '../../interpret/fetchModule';
import { PYODIDE_WASM_BYTES, pyodideIndexUrl } from './pyodideFiles';

/** Pyodide's loader, only when the project chose it (its module is not MicroPython's business). */
const pyodide = () => import('./pyodide');
import { pythonProblems } from './problems';
import { MICROPYTHON_WASM_BYTES, runMicroPython } from './micropython';
import mpUrl from '@micropython/micropython-webassembly-pyscript/micropython.wasm?url';

/** The "Full Python" interpreter's id (meta.ts's alternative). */
const PYODIDE = 'pyodide';

export const interpreter: InterpreterEntry = {
  problems: pythonProblems,
  warm: async (variant, onProgress) => {
    if (variant !== PYODIDE) return loadModule(mpUrl, MICROPYTHON_WASM_BYTES, onProgress);
    // Into the HTTP and service-worker caches (the runner starts the interpreter from there).
    const base = pyodideIndexUrl((u) => u);
    await fetchBytes(`${base}pyodide.asm.wasm`, PYODIDE_WASM_BYTES, onProgress);
    await Promise.all(
      ['pyodide.asm.mjs', 'python_stdlib.zip', 'pyodide-lock.json'].map((f) =>
        fetchBytes(base + f, 0),
      ),
    );
  },
  prepare: (variant, locate) =>
    variant === PYODIDE
      ? pyodide().then((m) => m.startPyodide(pyodideIndexUrl(locate)))
      : loadModule(locate(mpUrl), MICROPYTHON_WASM_BYTES),
  run: (r) => (r.variant === PYODIDE ? pyodide().then((m) => m.runPyodide(r)) : runMicroPython(r)),
};
