import { handlerExamples } from '../handlerExamples';
import { defineLanguage } from '../types';
import { C_SOURCES } from './extensions';
import hello from './examples/hello.c?raw';
import sieve from './examples/sieve.c?raw';
import stdin from './examples/stdin.c?raw';
import malloc from './examples/malloc.c?raw';
import abort from './examples/abort.c?raw';
import mandelbrotPpm from './examples/mandelbrot_ppm.c?raw';
import filesDemo from './examples/files.c?raw';
import modulesMain from './examples/modules_main.c?raw';
import shapesH from './examples/modules_shapes.h?raw';
import rectC from './examples/modules_rect.c?raw';
import circleC from './examples/modules_circle.c?raw';
import guess from './examples/guess.c?raw';
import progress from './examples/progress.c?raw';
import handlerHello from './examples/handler_hello.c?raw';
import handlerJson from './examples/handler_json.c?raw';
import handlerRouter from './examples/handler_router.c?raw';
import { spinExamples } from './examples/spin/examples';

export const CLANG_OPT_LEVELS = ['-O0', '-O1', '-O2', '-O3', '-Os', '-Oz'];
/**
 * clang and LLD with wasi-libc and libc++: ≈75 MB of wasm and a ≈30 MB sysroot, ≈20 MB on the
 * wire as the build's brotli copies (bench row c-toolchain-wire).
 */
export const CLANG_DOWNLOAD = {
  toolchain: 'clang',
  approxMB: 20,
  unpackedMB: 105,
  what: 'C and C++ compile with clang and LLD (LLVM 22, wasi-libc, libc++)',
};

export const cMeta = defineLanguage({
  id: 'c',
  label: 'C (clang)',
  monacoId: 'c',
  fileName: 'main.c',
  sources: C_SOURCES,
  headers: ['h'],
  formatter: 'clang-format',
  grammar: async () => void (await import('monaco-editor/languages/definitions/cpp/register')),
  runSettings: { wasmOpt: true },
  optLevels: CLANG_OPT_LEVELS,
  debugFlags: '-g',
  defaultOptLevel: '-O2',
  download: CLANG_DOWNLOAD,
  examples: [
    { id: 'hello', label: 'Hello world', source: hello },
    { id: 'sieve', label: 'Sieve of Eratosthenes (compute kernel)', source: sieve },
    {
      id: 'stdin',
      label: 'Read stdin line by line',
      source: stdin,
      stdin: 'first line\nsecond line\nthe end\n',
    },
    { id: 'guess', label: 'Guess the number (interactive game)', source: guess, terminal: true },
    {
      id: 'progress',
      label: 'Progress bar: \\r, colours and usleep',
      source: progress,
      terminal: true,
    },
    { id: 'malloc', label: 'malloc, realloc, qsort and getenv', source: malloc },
    { id: 'abort', label: 'Failed assert → abort (trap)', source: abort },
    { id: 'mandelbrot', label: 'Mandelbrot set → mandelbrot.ppm (image)', source: mandelbrotPpm },
    {
      id: 'files',
      label: 'Read data/scores.csv, write report.txt',
      source: filesDemo,
      files: { 'data/scores.csv': 'name,score\nada,92\nlinus,78\ngrace,97\nbarbara,85\n' },
    },
    {
      id: 'modules',
      label: 'Several files: modules and a header',
      source: modulesMain,
      files: {
        'geometry/shapes.h': shapesH,
        'geometry/rect.c': rectC,
        'geometry/circle.c': circleC,
      },
    },
    ...handlerExamples({ hello: handlerHello, json: handlerJson, router: handlerRouter }),
    ...spinExamples,
  ],
});
