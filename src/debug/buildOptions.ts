// A debug build's compile options (kept apart from the session: Run imports it eagerly).
import { languageById, type LanguageId } from '../languages/registry';
import type { CompileOptions } from '../protocol/compile';

/**
 * How a debug build is compiled: no optimisation, the language's debug flags (DWARF, a source
 * map) instead of any -O or -g of the user's, no wasm-opt afterwards.
 */
export function debugBuildOptions(
  language: LanguageId,
  opts: CompileOptions | undefined,
): CompileOptions {
  const extra = languageById[language].debugFlags ?? '';
  const flags = (opts?.flags ?? '')
    .split(/\s+/)
    .filter((f) => f && !/^-O|^-g/.test(f))
    .concat(extra ? extra.split(' ') : [])
    .join(' ');
  return { ...opts, optLevel: '-O0', flags, wasmOpt: '' };
}
