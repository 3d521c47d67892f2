// Worker only: MicroPython 1.27 (Emscripten, 0.43 MB of wasm). A fresh interpreter per run;
// the project's files are written into its filesystem and read back after the run.
import { loadMicroPython } from '@micropython/micropython-webassembly-pyscript';
import mpUrl from '@micropython/micropython-webassembly-pyscript/micropython.wasm?url';
import type { InterpreterOutcome, InterpreterRun } from '../types';
import { loadModule } from '../../interpret/fetchModule';
import { moduleEntries } from '../../wasm/runWasi';
import { emscriptenFiles, writeProject } from './emscriptenFs';
import { prelude, tracebackText } from './prelude';

/** Bytes of micropython.wasm (1.27.0): the progress total of its first load. */
export const MICROPYTHON_WASM_BYTES = 433_743;
const NAME = 'MicroPython 1.27';
/** MicroPython's heap (fixed at start): a memory bomb is a MemoryError at this size. */
const HEAP_BYTES = 64 * 1024 * 1024;

/** Output bytes as the interpreter writes them (one at a time), handed on by line. */
class ByteLines {
  private buf = new Uint8Array(4096);
  private n = 0;
  constructor(private readonly sink: (b: Uint8Array) => void) {}
  put(c: number) {
    this.buf[this.n++] = c;
    if (c === 10 || this.n === this.buf.length) this.flush();
  }
  flush() {
    if (this.n === 0) return;
    this.sink(this.buf.slice(0, this.n));
    this.n = 0;
  }
}

/** What to say when a module is not in MicroPython (the traceback names it already). */
function missingModule(name: string): string {
  return `\n'${name}' is not in MicroPython 1.27 here: its modules are a small subset of the standard library (help('modules') lists them). "Full Python (CPython 3.14)" in the toolbar has the whole standard library; packages from PyPI are not available offline.\n`;
}

export async function runMicroPython(r: InterpreterRun): Promise<InterpreterOutcome> {
  // The engine compiles it in this worker (the module's exports and imports are shown).
  const loaded = await loadModule(r.locate(mpUrl), MICROPYTHON_WASM_BYTES, r.onProgress);
  const out: InterpreterOutcome = {
    exitCode: null,
    info: { name: NAME, url: mpUrl, wasmBytes: loaded.bytes, cached: loaded.cached },
    loadMs: loaded.ms,
    instantiateMs: 0,
    runMs: 0,
    ...moduleEntries(loaded.module),
  };
  const stdout = new ByteLines(r.stdout);
  const stderr = new ByteLines(r.stderr);
  let input: Uint8Array = new Uint8Array(0);
  let at = 0;
  const t0 = performance.now();
  const mp = await loadMicroPython({
    url: r.locate(mpUrl),
    heapsize: HEAP_BYTES,
    linebuffer: false,
    stdout: (b: Uint8Array) => stdout.put(b[0]),
    stderr: (b: Uint8Array) => stderr.put(b[0]),
    stdin: () => {
      if (at === input.length) {
        // A prompt written without a newline is on screen before the program waits.
        stdout.flush();
        stderr.flush();
        input = r.readStdin(4096);
        at = 0;
        if (input.length === 0) return null;
      }
      return input[at++];
    },
  });
  writeProject(mp.FS, r.files);
  const t1 = performance.now();
  out.instantiateMs = t1 - t0;
  try {
    mp.runPython(prelude(r.entry, r.args, r.env));
    out.exitCode = Number(mp.globals.get('__pg_status') ?? 0);
  } catch (e) {
    stdout.flush();
    const text = tracebackText(e);
    const missing = /ImportError: no module named '([^']+)'/.exec(text)?.[1];
    r.stderr(new TextEncoder().encode(text + (missing ? missingModule(missing) : '')));
    out.exitCode = 1;
  }
  stdout.flush();
  stderr.flush();
  out.runMs = performance.now() - t1;
  out.files = emscriptenFiles(mp.FS, r.files);
  return out;
}
