import type { CompilerEntry } from '../types';

export const compiler: CompilerEntry = {
  toolchain: 'clang',
  load: async () => (await import('./compile')).compileC,
  warm: async (onProgress) => (await import('./compile')).loadClang(onProgress),
};
