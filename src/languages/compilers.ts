import type { CompileRequest, CompileResult, LanguageId } from '../workers/protocol';

/** A language's compile step, loaded on first use. Worker only: each entry pulls in a toolchain. */
type CompileFn = (req: CompileRequest) => Promise<CompileResult>;

interface CompilerEntry {
  load: () => Promise<CompileFn>;
  /** Loads the toolchain itself (not just the glue), so the first compile is warm. */
  warm: () => Promise<unknown>;
}

export const compilers: Record<LanguageId, CompilerEntry> = {
  wat: {
    load: async () => (await import('./wat/compile')).compileWat,
    warm: async () => (await import('./wat/compile')).loadWabt(),
  },
  assemblyscript: {
    load: async () => (await import('./assemblyscript/compile')).compileAssemblyScript,
    warm: async () => (await import('./assemblyscript/compile')).loadAsc(),
  },
};
