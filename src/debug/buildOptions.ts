// A debug build's compile options (kept apart from the session: Run imports it eagerly).
import type { CompileOptions } from '../protocol/compile';

/** How a debug build is compiled: no optimisation, DWARF on, no wasm-opt afterwards. */
export function debugBuildOptions(opts: CompileOptions | undefined): CompileOptions {
  const flags = (opts?.flags ?? '')
    .split(/\s+/)
    .filter((f) => f && !/^-O|^-g/.test(f))
    .concat('-g')
    .join(' ');
  return { ...opts, optLevel: '-O0', flags, wasmOpt: '' };
}
