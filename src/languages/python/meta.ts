import { defineLanguage } from '../types';
import hello from './examples/hello.py?raw';
import ask from './examples/ask.py?raw';
import files from './examples/files.py?raw';
import classes from './examples/classes.py?raw';
import error from './examples/error.py?raw';

const SCORES = 'name,score\nada,92\nlinus,78\ngrace,97\nbarbara,85\n';

export const pythonMeta = defineLanguage({
  id: 'python',
  label: 'Python',
  monacoId: 'python',
  fileName: 'main.py',
  sources: ['py'],
  formatter: 'ruff',
  grammar: async () => void (await import('monaco-editor/languages/definitions/python/register')),
  runSettings: { wasmOpt: false },
  optLevels: [],
  // micropython.wasm is 0.43 MB (0.17 MB as brotli): no download to ask about.
  toolchainBundled: true,
  interpreter: {
    name: 'MicroPython 1.27',
    alternative: {
      id: 'pyodide',
      label: 'Full Python (CPython 3.14, 6 MB download)',
      name: 'CPython 3.14 (Pyodide)',
      // pyodide.asm.wasm 9.6 MB + the stdlib zip 2.5 MB + its JS 1.3 MB: ≈6 MB as brotli.
      download: {
        toolchain: 'pyodide',
        approxMB: 6,
        unpackedMB: 14,
        what: 'Full Python runs on Pyodide (CPython 3.14 with its standard library)',
      },
    },
  },
  examples: [
    { id: 'hello', label: 'Hello world', source: hello },
    { id: 'ask', label: 'Read a number (interactive)', source: ask, terminal: true },
    {
      id: 'files',
      label: 'Read data/scores.csv, write report.txt',
      source: files,
      files: { 'data/scores.csv': SCORES },
    },
    { id: 'classes', label: 'Classes and inheritance', source: classes },
    { id: 'error', label: 'An uncaught exception (marked in the editor)', source: error },
  ],
});
