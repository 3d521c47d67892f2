/**
 * What the service worker keeps for offline use (DESIGN: one service worker, designed once).
 *
 * - The **app shell** is precached at install: the pages, their scripts and styles, Monaco and
 *   its workers, fonts, icons, the small compilers' glue (a few MB in all).
 * - Each **toolchain** (the C/C++ toolchain's 105 MB, AssemblyScript's compiler and binaryen,
 *   the C formatter) is cached at its first use, never at install, in its own cache: a returning
 *   user compiles offline in every language used before, and nobody downloads 105 MB they did
 *   not ask for.
 *
 * Pure, so the build (vite.config.ts) and the worker share one rule, and it is unit-tested.
 */

/** The Cache Storage cache the toolchains go into at first use. */
export const TOOLCHAIN_CACHE = 'wasm-playground-toolchains-v1';

/**
 * Built asset names of the toolchains (Vite keeps the source name and adds a hash):
 * `llvm.core-<hash>.wasm`, `llvm.core2-…`, `llvm-resources-<hash>.tar` and `bundle-<hash>.js`
 * (@yowasp/clang), `asc-<hash>.js` (AssemblyScript), `binaryen-<hash>.js`,
 * `clang-format-<hash>.wasm` (@wasm-fmt/clang-format), and the component tools' wasm:
 * `wasm-tools.core…-<hash>.wasm`, `js-component-bindgen-component.core…-<hash>.wasm` (jco) and the
 * preview 1 adapter `wasi_snapshot_preview1.command-<hash>.wasm`.
 */
const TOOLCHAIN =
  /(?:^|\/)(?:llvm[.-][\w.-]*|bundle|asc|binaryen|clang-format|wasm-tools(?:\.core\d*)?|js-component-bindgen-component(?:\.core\d*)?|wasi_snapshot_preview1\.command)-[\w-]{8}\.(?:wasm|tar|js)$/;

/** True for a toolchain file: cached at first use, not precached. */
export function isToolchainAsset(path: string): boolean {
  return TOOLCHAIN.test(path);
}

/** A precache manifest entry as workbox-build writes it. */
export interface ManifestEntry {
  url: string;
  revision: string | null;
}

/** Splits the build's manifest into the app shell (precached) and the toolchains (at first use). */
export function splitManifest(entries: readonly (ManifestEntry | string)[]): {
  shell: ManifestEntry[];
  toolchains: string[];
} {
  const shell: ManifestEntry[] = [];
  const toolchains: string[] = [];
  for (const e of entries) {
    const entry = typeof e === 'string' ? { url: e, revision: null } : e;
    if (isToolchainAsset(entry.url)) toolchains.push(entry.url);
    else shell.push(entry);
  }
  return { shell, toolchains };
}
