import { defineLanguage } from '../types';
import hello from './examples/hello.wat?raw';
import primes from './examples/primes.wat?raw';
import stdin from './examples/stdin.wat?raw';
import trap from './examples/trap.wat?raw';
import exit from './examples/exit.wat?raw';
import echo from './examples/echo.wat?raw';
import handlerHello from './examples/handler_hello.wat?raw';
import handlerJson from './examples/handler_json.wat?raw';

export const watMeta = defineLanguage({
  id: 'wat',
  label: 'WebAssembly Text (WAT)',
  monacoId: 'wat',
  fileName: 'main.wat',
  sources: ['wat', 'wast'],
  formatter: 'wat-indent',
  grammar: async () => (await import('./grammar')).watGrammar,
  runSettings: { wasmOpt: true },
  sourceIsWat: true,
  toolchainBundled: true,
  optLevels: [],
  debugFlags: '',
  examples: [
    { id: 'hello', label: 'Hello world', source: hello },
    { id: 'primes', label: 'Primes below 100 (compute loop)', source: primes },
    {
      id: 'stdin',
      label: 'Upper-case stdin',
      source: stdin,
      stdin: 'hello from stdin\nwebassembly is fun\n',
    },
    { id: 'echo', label: 'Echo what you type (interactive)', source: echo, terminal: true },
    { id: 'trap', label: 'Trap: divide by zero', source: trap },
    { id: 'exit', label: 'Exit code 42', source: exit },
    {
      id: 'handler-hello',
      label: 'HTTP handler: hello (WAGI, as Spin)',
      source: handlerHello,
      http: { path: '/' },
    },
    {
      id: 'handler-json',
      label: 'HTTP handler: JSON echo',
      source: handlerJson,
      http: {
        method: 'POST',
        path: '/echo',
        headers: 'Content-Type: application/json',
        body: '{"hello": "wasm"}',
      },
    },
  ],
});
