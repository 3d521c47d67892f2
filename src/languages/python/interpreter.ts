// Worker only: Python runs on MicroPython (the default) or, when the project chose it, on
// CPython through Pyodide.
import type { InterpreterEntry } from '../types';
import { loadModule } from '../../interpret/fetchModule';
import { pythonProblems } from './problems';
import { MICROPYTHON_WASM_BYTES, runMicroPython } from './micropython';
import mpUrl from '@micropython/micropython-webassembly-pyscript/micropython.wasm?url';

export const interpreter: InterpreterEntry = {
  problems: pythonProblems,
  warm: (_variant, onProgress) => loadModule(mpUrl, MICROPYTHON_WASM_BYTES, onProgress),
  run: (r) => runMicroPython(r),
};
