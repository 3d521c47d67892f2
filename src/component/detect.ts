/** Pure checks on wasm bytes for the component model (no toolchain, usable anywhere). */

/**
 * Whether bytes are a component rather than a core module: both start `\0asm`; a component's
 * next field is version 0x0d and layer 1 (a core module has version 1, layer 0).
 */
export function isComponent(b: Uint8Array): boolean {
  return (
    b.length >= 8 && b[0] === 0 && b[1] === 0x61 && b[2] === 0x73 && b[3] === 0x6d && b[6] === 1
  );
}

/** An import or export as WebAssembly.Module reports it. */
interface Entry {
  module?: string;
  name: string;
  kind: string;
}

/**
 * Why a preview 1 module cannot become a `wasi:cli/command` component with the command adapter,
 * naming what blocks it; null when nothing does. Only `wasi_snapshot_preview1` can be imported
 * (the adapter provides it), and the module must be a command (export `_start`).
 */
export function componentBlocker(imports: Entry[], exports: Entry[]): string | null {
  const foreign = imports.find((i) => i.module !== 'wasi_snapshot_preview1');
  if (foreign)
    return `the import ${foreign.module}.${foreign.name} blocks it: a wasi:cli/command component can import only WASI (wasi_snapshot_preview1, through the adapter)`;
  if (!exports.some((e) => e.name === '_start' && e.kind === 'function'))
    return 'the module exports no _start function: only a command becomes a wasi:cli/command component';
  return null;
}

/** The world a component's WIT declares, e.g. `root`, and whether it exports wasi:cli/run. */
export function worldOf(wit: string): { world: string; runnable: boolean; exports: string[] } {
  const world = /^\s*world\s+([\w-]+)/m.exec(wit)?.[1] ?? 'unknown';
  const exports = [...wit.matchAll(/^\s*export\s+([^;{]+?)\s*;/gm)].map((m) => m[1]);
  return { world, runnable: exports.some((e) => /^wasi:cli\/run@/.test(e)), exports };
}
