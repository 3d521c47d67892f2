// Run's step for an interpreted language (Python, Ruby): nothing is built; the runner worker
// runs the entry file on the language's interpreter, with the project's files, stdin and the
// terminal as for a compiled program.
import { languageById } from '../languages/registry';
import { currentProject } from '../store/projectSlice';
import { useStore } from '../store/store';
import { serviceWorkerControl } from '../sw/control';
import { compilerClient } from './clients';
import type { RunContext } from './context';
import { execute } from './execute';
import { completeRun, finish } from './finish';
import { downloadToolchain, pendingDownload, variantOf } from './toolchains';

/** The current project's language runs on an interpreter. */
export function interpreted(s = useStore.getState()): boolean {
  return languageById[currentProject(s).language].interpreter !== undefined;
}

/** Runs the current project's entry on its interpreter; the run ends here. */
export async function interpretStep(ctx: RunContext): Promise<void> {
  const s = useStore.getState();
  const p = currentProject(s);
  const meta = languageById[p.language];
  const variant = variantOf(p.language, s);
  if (p.runMode === 'http') {
    finish({
      kind: 'error',
      message: `${meta.label} runs on an interpreter: it cannot be an HTTP handler in the lab (C, C++, WAT and AssemblyScript can)`,
    });
    return;
  }
  // A Run is consent to the interpreter's download; its first load goes through the service
  // worker, so it is kept for offline use.
  if (pendingDownload(p.language) || s.downloadCancelled) downloadToolchain(false);
  if (!meta.toolchainBundled || variant) {
    await serviceWorkerControl();
    // The download (once) in the compiler worker, with its progress, into the caches: the
    // runner then reads it from there instead of downloading it a second time.
    await compilerClient().warm(
      p.language,
      (l) => {
        if (ctx.current())
          useStore.getState().patchRun({ loading: l.phase === 'ready' ? null : l });
      },
      variant,
    );
    if (ctx.current()) useStore.getState().patchRun({ loading: null });
  }
  if (!ctx.current()) return;
  const result = await execute(
    ctx,
    new Uint8Array(0),
    undefined,
    (channel) =>
      useStore.getState().patchRun({
        status: 'running',
        wasm: null,
        wasmBuilt: false,
        inputOpen: channel.open,
        stdinWaiting: false,
        stdinNotice: null,
      }),
    { language: p.language, entry: p.entry, ...(variant ? { variant } : {}) },
  );
  if (!ctx.current()) return;
  await completeRun(ctx, result, new Uint8Array(0));
}
