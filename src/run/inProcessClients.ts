// For tests: the compiler and runner clients with no workers — the real compilers and the
// real WASI runner (with the runner worker's project cache) in the caller's own thread.
import { compilers } from '../languages/compilers';
import type { CompileRequest, CompileResult } from '../protocol/compile';
import type { RunRequest, RunResult } from '../protocol/run';
import type { ProjectFiles } from '../project/model';
import { AbortError } from '../util/workerCall';
import { MountedProject } from '../wasi/mount';
import { runWasi } from '../wasm/runWasi';
import { setClients } from './clients';
import type { CompilerClient } from './compilerClient';
import { MountTracker } from './mountDelta';
import type { RunCallbacks, RunnerPool } from './runnerPool';

/** In-process clients; `sentBytes` records the file bytes each run was sent. */
export function inProcessClients() {
  const sentBytes: number[] = [];
  let compileGate: Promise<void> | null = null;
  const compiler = {
    async compile(req: CompileRequest, _p: unknown, signal?: AbortSignal): Promise<CompileResult> {
      if (compileGate) await compileGate;
      if (signal?.aborted) throw new AbortError(String(signal.reason));
      return (await compilers[req.language].load())(req);
    },
    warm: async () => {},
    restart: () => {},
  };
  const mount = new MountedProject();
  const tracker = new MountTracker();
  const runner = {
    async run(
      req: Omit<RunRequest, 'files'>,
      files: ProjectFiles,
      on: RunCallbacks,
      signal?: AbortSignal,
    ): Promise<RunResult> {
      const { delta } = tracker.delta(files);
      sentBytes.push(Object.values(delta.put).reduce((n, b) => n + b.length, 0));
      mount.apply(delta);
      if (signal?.aborted) throw new AbortError(String(signal.reason));
      return runWasi({ ...req, files: undefined, mount }, (chunks) => on.output(req.runId, chunks));
    },
  };
  return {
    sentBytes,
    install: () =>
      setClients(compiler as unknown as CompilerClient, runner as unknown as RunnerPool),
    /** Holds every compile until the returned function is called (null: no gate). */
    gate(off?: null): () => void {
      if (off === null) {
        compileGate = null;
        return () => {};
      }
      let open!: () => void;
      compileGate = new Promise((r) => (open = r));
      return open;
    },
  };
}
