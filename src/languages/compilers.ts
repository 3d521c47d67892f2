import type { CompileRequest, CompileResult, LanguageId, LoadProgress } from '../workers/protocol';

/** A language's compile step, loaded on first use. Worker only: each entry pulls in a toolchain. */
type CompileFn = (req: CompileRequest) => Promise<CompileResult>;

interface CompilerEntry {
  /** Languages sharing a toolchain (C and C++) share this key, so it loads once. */
  toolchain: string;
  load: () => Promise<CompileFn>;
  /** Loads the toolchain itself (not just the glue), so the first compile is warm. */
  warm: (onProgress?: (p: Omit<LoadProgress, 'language'>) => void) => Promise<unknown>;
}

export const compilers: Record<LanguageId, CompilerEntry> = {
  wat: {
    toolchain: 'wabt',
    load: async () => (await import('./wat/compile')).compileWat,
    warm: async () => (await import('./wat/compile')).loadWabt(),
  },
  assemblyscript: {
    toolchain: 'asc',
    load: async () => (await import('./assemblyscript/compile')).compileAssemblyScript,
    warm: async () => (await import('./assemblyscript/compile')).loadAsc(),
  },
  c: {
    toolchain: 'clang',
    load: async () => (await import('./c/compile')).compileC,
    warm: async (onProgress) => (await import('./c/compile')).loadClang(onProgress),
  },
  cpp: {
    toolchain: 'clang',
    load: async () => (await import('./cpp/compile')).compileCpp,
    warm: async (onProgress) => (await import('./c/compile')).loadClang(onProgress),
  },
};
