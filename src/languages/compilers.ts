// Worker only: every language folder's compiler.ts, found by file name — the folders are the
// list (registry.ts orders the picker; a unit test checks both name the same languages).
import type { CompilerEntry } from './types';

const found = import.meta.glob<CompilerEntry>('./*/compiler.ts', {
  eager: true,
  import: 'compiler',
});

/** How each language builds, by language id (= its folder's name). */
export const compilers: Record<string, CompilerEntry> = Object.fromEntries(
  Object.entries(found).map(([path, entry]) => [path.split('/')[1], entry]),
);
