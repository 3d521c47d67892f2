import type { CompilerEntry } from '../types';

/** clang++ is the C folder's clang: the same toolchain, loaded once for both. */
export const compiler: CompilerEntry = {
  toolchain: 'clang',
  load: async () => (await import('./compile')).compileCpp,
  warm: async (onProgress) => (await import('../c/compile')).loadClang(onProgress),
};
