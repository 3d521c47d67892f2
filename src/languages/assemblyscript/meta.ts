import { handlerExamples } from '../handlerExamples';
import { defineLanguage } from '../types';
import hello from './examples/hello.ts?raw';
import mandelbrot from './examples/mandelbrot.ts?raw';
import stdin from './examples/stdin.ts?raw';
import trap from './examples/trap.ts?raw';
import ticker from './examples/ticker.ts?raw';
import ask from './examples/ask.ts?raw';
import handlerHello from './examples/handler_hello.ts?raw';
import handlerJson from './examples/handler_json.ts?raw';
import handlerRouter from './examples/handler_router.ts?raw';

export const assemblyscriptMeta = defineLanguage({
  id: 'assemblyscript',
  label: 'AssemblyScript',
  monacoId: 'typescript',
  fileName: 'main.ts',
  sources: ['ts'],
  formatter: 'prettier-typescript',
  grammar: async () =>
    void (await import('monaco-editor/languages/definitions/typescript/register')),
  // asc runs binaryen itself at its -O levels.
  runSettings: { wasmOpt: false },
  optLevels: ['-O0', '-O1', '-O2', '-O3', '-Os', '-Oz'],
  debugFlags: '--debug --sourceMap',
  defaultOptLevel: '-O2',
  examples: [
    { id: 'hello', label: 'Hello world', source: hello },
    { id: 'mandelbrot', label: 'Mandelbrot in ASCII (compute loop)', source: mandelbrot },
    {
      id: 'stdin',
      label: 'Read stdin line by line',
      source: stdin,
      stdin: 'first line\nsecond line\nthird\n',
    },
    { id: 'ask', label: 'Ask and answer (interactive)', source: ask, terminal: true },
    { id: 'trap', label: 'Trap: divide by zero', source: trap },
    { id: 'ticker', label: 'Streaming ticker (200 ms per line)', source: ticker },
    ...handlerExamples({ hello: handlerHello, json: handlerJson, router: handlerRouter }),
  ],
});
