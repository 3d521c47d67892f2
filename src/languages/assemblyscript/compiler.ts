import type { CompilerEntry } from '../types';

export const compiler: CompilerEntry = {
  toolchain: 'asc',
  load: async () => (await import('./compile')).compileAssemblyScript,
  warm: async () => (await import('./compile')).loadAsc(),
};
