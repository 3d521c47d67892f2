// Worker only: the compiler-worker side of an interpreted language. Warming downloads its
// interpreter (through the service worker, so it is kept for offline use) with progress; a
// compile request — the HTTP lab, the embed's compile — says that nothing is compiled.
import type { CompilerEntry, InterpreterEntry } from '../languages/types';

export function interpretedCompiler(
  language: string,
  load: () => Promise<{ interpreter: InterpreterEntry }>,
): CompilerEntry {
  return {
    toolchain: `interpreter:${language}`,
    warm: async (onProgress, variant) => {
      const { interpreter } = await load();
      await interpreter.warm(variant, (done, total) =>
        onProgress?.({ phase: 'loading', done, total }),
      );
    },
    load: async () => async () => ({
      ok: false,
      diagnostics: [],
      log: `${language} is interpreted: there is no module of the program's own to build (Run runs it on the interpreter; it cannot be an HTTP handler or a component here).\n`,
      compileMs: 0,
      phases: [],
      coldStart: false,
    }),
  };
}
