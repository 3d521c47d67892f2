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
 * `clang-format-<hash>.wasm` (@wasm-fmt/clang-format), `ruff_fmt_bg-<hash>.wasm` (@wasm-fmt/ruff_fmt),
 * and the component tools' wasm:
 * `wasm-tools.core…-<hash>.wasm`, `js-component-bindgen-component.core…-<hash>.wasm` (jco) and the
 * preview 1 adapter `wasi_snapshot_preview1.command-<hash>.wasm`.
 */
const TOOLCHAIN =
  /(?:^|\/)(?:llvm[.-][\w.-]*|bundle|asc|binaryen|clang-format|ruff_fmt_bg|wasm-tools(?:\.core\d*)?|js-component-bindgen-component(?:\.core\d*)?|wasi_snapshot_preview1\.command)-[\w-]{8}\.(?:wasm|tar|js)$/;

/** True for a toolchain file: cached at first use, not precached. */
export function isToolchainAsset(path: string): boolean {
  return TOOLCHAIN.test(path);
}

/**
 * Any asset bigger than this is cached at first use too, whatever its name: an interpreter or
 * toolchain a language folder brings (ruby.wasm's 31 MB) is not precached for everybody.
 */
export const FIRST_USE_BYTES = 4 * 1024 * 1024;

/** A precache manifest entry as workbox-build writes it. */
export interface ManifestEntry {
  url: string;
  revision: string | null;
}

/**
 * The revision keepLargeSizes gives a big asset. Its name is hashed, so its revision is unused
 * (null); workbox writes only url and revision, so this is how the mark reaches the worker.
 */
export const FIRST_USE_REVISION = 'cached-at-first-use';

/**
 * workbox-build's manifestTransforms hook: the assets over FIRST_USE_BYTES and a language's
 * vendored runtime files (vendor/…) are marked, so the service worker can tell them from the
 * app shell.
 */
export async function keepLargeSizes<
  E extends { url: string; revision: string | null; size: number },
>(entries: E[]): Promise<{ manifest: E[] }> {
  return {
    manifest: entries.map((e) =>
      e.size > FIRST_USE_BYTES || e.url.startsWith('vendor/')
        ? { ...e, revision: FIRST_USE_REVISION }
        : e,
    ),
  };
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
    if (isToolchainAsset(entry.url) || entry.revision === FIRST_USE_REVISION)
      toolchains.push(entry.url);
    else shell.push(entry);
  }
  return { shell, toolchains };
}
