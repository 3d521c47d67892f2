import { defineLanguage } from '../types';
import hello from './examples/hello.rb?raw';
import ask from './examples/ask.rb?raw';
import files from './examples/files.rb?raw';
import classes from './examples/classes.rb?raw';
import error from './examples/error.rb?raw';

const SCORES = 'name,score\nada,92\nlinus,78\ngrace,97\nbarbara,85\n';

export const rubyMeta = defineLanguage({
  id: 'ruby',
  label: 'Ruby (ruby.wasm)',
  monacoId: 'ruby',
  fileName: 'main.rb',
  sources: ['rb'],
  formatter: 'none',
  grammar: async () => void (await import('monaco-editor/languages/definitions/ruby/register')),
  runSettings: { wasmOpt: false },
  optLevels: [],
  // ruby+stdlib.wasm: 30.6 MB, 7.0 MB as the build's brotli copy (bench row ruby-wire).
  download: {
    toolchain: 'ruby',
    approxMB: 7,
    unpackedMB: 31,
    what: 'Ruby runs on ruby.wasm (CRuby 3.4 with its standard library)',
  },
  interpreter: { name: 'Ruby 3.4 (ruby.wasm)' },
  examples: [
    { id: 'hello', label: 'Hello world', source: hello },
    { id: 'ask', label: 'Read a number (interactive)', source: ask, terminal: true },
    {
      id: 'files',
      label: 'Read data/scores.csv, write report.txt',
      source: files,
      files: { 'data/scores.csv': SCORES },
    },
    { id: 'classes', label: 'Classes and a Struct', source: classes },
    { id: 'error', label: 'An uncaught exception (marked in the editor)', source: error },
  ],
});
