// Worker only: every language folder's interpreter.ts, found by file name and loaded on first
// use (a language that is compiled has none).
import type { InterpreterEntry } from './types';

const found = import.meta.glob<InterpreterEntry>('./*/interpreter.ts', { import: 'interpreter' });

/** Loads the interpreter of `language` (= its folder's name), or null when it has none. */
export function interpreterOf(language: string): Promise<InterpreterEntry> | null {
  const load = found[`./${language}/interpreter.ts`];
  return load ? load() : null;
}
