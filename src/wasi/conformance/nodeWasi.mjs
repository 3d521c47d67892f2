// Runs a WASI command under Node's node:wasi with `dir` preopened as `/`, stdout to `out`; exits
// with the program's exit code. A separate process, because node:wasi (experimental) sometimes
// crashes natively (SIGSEGV seen here); the test retries such a run instead of losing the runner.
import { closeSync, openSync, readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const [wasmPath, dir, outPath] = process.argv.slice(2);
const out = openSync(outPath, 'w');
const wasi = new WASI({
  version: 'preview1',
  args: ['main.wasm'],
  env: {},
  preopens: { '/': dir },
  stdout: out,
  returnOnExit: true,
});
const instance = new WebAssembly.Instance(
  new WebAssembly.Module(readFileSync(wasmPath)),
  wasi.getImportObject(),
);
const code = wasi.start(instance);
closeSync(out);
process.exit(code);
