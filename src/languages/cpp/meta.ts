import { CLANG_DOWNLOAD, CLANG_OPT_LEVELS } from '../c/meta';
import { defineLanguage } from '../types';
import { CPP_SOURCES } from '../c/extensions';
import hello from './examples/hello.cpp?raw';
import nbody from './examples/nbody.cpp?raw';
import words from './examples/words.cpp?raw';
import classes from './examples/classes.cpp?raw';
import exception from './examples/exception.cpp?raw';
import exceptions from './examples/exceptions.cpp?raw';
import calc from './examples/calc.cpp?raw';
import spinNotes from './examples/spin_notes.cpp?raw';
import { manifest, spin } from '../c/examples/spin/examples';

export const cppMeta = defineLanguage({
  id: 'cpp',
  label: 'C++ (clang++)',
  monacoId: 'cpp',
  fileName: 'main.cpp',
  sources: CPP_SOURCES,
  headers: ['h', 'hpp', 'hh', 'hxx'],
  formatter: 'clang-format',
  grammar: async () => void (await import('monaco-editor/languages/definitions/cpp/register')),
  runSettings: { wasmOpt: true },
  optLevels: CLANG_OPT_LEVELS,
  debugFlags: '-g',
  defaultOptLevel: '-O2',
  download: CLANG_DOWNLOAD,
  examples: [
    { id: 'hello', label: 'Hello world (iostream)', source: hello },
    { id: 'nbody', label: 'n-body simulation (compute kernel)', source: nbody },
    {
      id: 'words',
      label: 'Word count: getline, string, vector, map',
      source: words,
      stdin: 'the quick brown fox\njumps over the lazy dog\nThe end\n',
    },
    { id: 'calc', label: 'Calculator REPL (interactive)', source: calc, terminal: true },
    { id: 'classes', label: 'Classes, virtuals, unique_ptr', source: classes },
    { id: 'exceptions', label: 'Exceptions: try, catch, rethrow, unwinding', source: exceptions },
    { id: 'exception', label: 'Uncaught exception → abort (trap)', source: exception },
    spin(
      'notes',
      'notes in key-value (std::map, exceptions)',
      spinNotes,
      manifest('notes', 'key_value_stores = ["default"]\n'),
      { method: 'PUT', path: '/notes/first', body: 'written by a C++ component' },
    ),
  ],
});
