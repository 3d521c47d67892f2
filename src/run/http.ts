// Run's HTTP branch: a project in handler mode is built, becomes the handler (the preview
// reloads) and answers the composer's request.
import type { CompileResult } from '../protocol/compile';
import { sendComposed, setHandler, useServer } from '../server/state';
import { isSpinProject } from '../project/model';
import type { SpinSpec } from '../protocol/server';
import { currentProject } from '../store/projectSlice';
import type { ExitStatus } from '../store/runSlice';
import { useStore } from '../store/store';
import { compilePatch } from './build';
import { emit } from '../store/runEvents';
import type { RunContext } from './context';
import { afterPaint } from './paint';

/** Serves the composer's request with the new handler; the exit says what it answered. */
export async function serveStep(
  ctx: RunContext,
  compiled: CompileResult,
  wasm: Uint8Array,
  opened: string | null = null,
): Promise<ExitStatus | null> {
  const bytes = wasm.slice();
  // A Spin component: built (or read) in the compiler worker, served with its manifest's grants.
  let spin: SpinSpec | undefined;
  if (opened !== null || isSpinProject(currentProject(useStore.getState()))) {
    useStore.getState().patchRun({ wasm: bytes.slice(), wasmBuilt: opened === null });
    const { spinStep } = await import('./spin');
    const r = await spinStep(wasm, opened, ctx.ctl.signal);
    if (!ctx.current()) return null;
    compiled = {
      ...compiled,
      phases: [...compiled.phases, ...r.phases],
      compileMs: compiled.compileMs + r.phases.reduce((t, p) => t + p.ms, 0),
    };
    if ('error' in r) {
      useStore.getState().patchRun(compilePatch(compiled, bytes.byteLength));
      return { kind: 'error', message: r.error };
    }
    spin = r.spec;
  }
  useStore.getState().patchRun({
    ...compilePatch(compiled, bytes.byteLength),
    status: 'running',
    wasm: bytes,
    wasmBuilt: true,
  });
  emit('compiled', compiled.ok, compiled.diagnostics);
  setHandler(wasm, spin);
  const r = await sendComposed();
  if (!ctx.current()) return null;
  useStore.getState().patchRun({
    timings: {
      ...useStore.getState().timings,
      instantiateMs: r ? r.instantiateUs / 1000 : undefined,
      runMs: r ? r.runUs / 1000 : undefined,
    },
  });
  await afterPaint();
  if (!ctx.current()) return null;
  return r
    ? { kind: 'served', status: r.status, message: r.error }
    : { kind: 'error', message: useServer.getState().requestError ?? 'the request failed' };
}
