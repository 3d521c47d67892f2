// Run's HTTP branch: a project in handler mode is built, becomes the handler (the preview
// reloads) and answers the composer's request.
import type { CompileResult } from '../protocol/compile';
import { sendComposed, setHandler, useServer } from '../server/state';
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
): Promise<ExitStatus | null> {
  const bytes = wasm.slice();
  useStore.getState().patchRun({
    ...compilePatch(compiled, bytes.byteLength),
    status: 'running',
    wasm: bytes,
    wasmBuilt: true,
  });
  emit('compiled', compiled.ok, compiled.diagnostics);
  setHandler(wasm);
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
