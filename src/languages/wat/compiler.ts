import type { CompilerEntry } from '../types';

export const compiler: CompilerEntry = {
  toolchain: 'wabt',
  load: async () => (await import('./compile')).compileWat,
  warm: async () => (await import('./compile')).loadWabt(),
};
