// Worker only: an interpreted run (Python, Ruby). The language's interpreter.ts runs the
// project's entry; this wires it to the page as a command run is: output batches on the
// worker's port, stdin from the terminal, the project's files mounted, the changes compared.
import { interpreterOf } from '../languages/interpreters';
import type { InterpreterOutcome } from '../languages/types';
import type { OutputChunk, RunRequest, RunResult } from '../protocol/run';
import { WasiHost, type StdinWaitState } from '../wasi/host';
import { Budget, readTree } from '../wasi/memfs';
import type { MountedProject } from '../wasi/mount';
import { StdinStream } from '../wasi/stdin';
import { OutputBatcher } from '../wasm/outputBatcher';
import { newResult, waiterFor } from '../wasm/runWasi';
import { notSourceText } from './sourceText';

/** How much of stderr is kept to find the program's error in (its traceback ends it). */
const STDERR_TAIL = 64 * 1024;

/** Runs `req.interpret` on the project `mount` holds; never throws. */
export async function runInterpreted(
  req: RunRequest,
  mount: MountedProject,
  onOutput: (chunks: OutputChunk[]) => void,
  onStdinWait?: (state: StdinWaitState) => void,
  locate: (url: string) => string = (url) => url,
): Promise<RunResult> {
  const result = newResult(req.runId);
  const what = req.interpret!;
  const loading = interpreterOf(what.language);
  if (!loading) return { ...result, error: `${what.language} has no interpreter` };
  const interpreter = await loading;

  const source = mount.files.get(what.entry);
  if (!source) return { ...result, error: `${what.entry} is not in the project` };
  const bad = notSourceText(what.entry, source);
  if (bad) {
    onOutput([{ stream: 'stderr', text: `${bad.message}\n` }]);
    return { ...result, exitCode: 1, diagnostics: [bad] };
  }
  const batcher = new OutputBatcher(onOutput);
  const decoder = new TextDecoder();
  let errText = '';
  const stderr = (b: Uint8Array) => {
    batcher.write('stderr', b);
    errText = (errText + decoder.decode(b, { stream: true })).slice(-STDERR_TAIL);
  };
  const stdout = (b: Uint8Array) => batcher.write('stdout', b);
  const budget = new Budget();
  const root = mount.tree(budget);
  const stdin = new StdinStream(
    new TextEncoder().encode(req.stdin),
    req.stdio?.interactive ?? false,
  );
  const wasi = new WasiHost({
    args: [what.entry, ...req.args],
    env: req.env,
    stdin,
    stdout,
    stderr,
    root,
    budget,
    waiter: waiterFor(req.stdio),
    tty: req.stdio?.tty,
    beforeWait: () => batcher.flush(),
    onStdinWait,
  });

  let out: InterpreterOutcome;
  try {
    out = await interpreter.run({
      entry: what.entry,
      variant: what.variant,
      args: req.args,
      env: req.env,
      files: mount.files,
      wasi,
      locate,
      stdout,
      stderr,
      readStdin(max) {
        const r = wasi.awaitStdin(stdin);
        // Interpreters read synchronously: under JSPI nothing could wait (runs ask for Atomics).
        if (r instanceof Promise) return new Uint8Array(0);
        return stdin.read(max);
      },
    });
  } catch (e) {
    batcher.flush(undefined, true);
    return { ...result, error: `the interpreter failed: ${e instanceof Error ? e.message : e}` };
  }
  batcher.flush(undefined, true);
  Object.assign(result, {
    exitCode: out.exitCode,
    compileModuleMs: out.loadMs,
    moduleCached: out.info.cached,
    instantiateMs: out.instantiateMs,
    runMs: out.runMs,
    imports: out.imports,
    exports: out.exports,
    interpreter: out.info,
  });
  if (out.error) result.error = out.error;
  result.changes = out.files ? mount.changesOf(out.files) : mount.changes(root);
  if (req.returnFiles) result.files = out.files ?? readTree(root);
  if (budget.full) result.sandboxFull = true;
  const problems = interpreter.problems(errText, [...mount.files.keys()]);
  if (problems.length) result.diagnostics = problems;
  return result;
}
