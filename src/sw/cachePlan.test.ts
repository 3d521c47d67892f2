import { describe, expect, it } from 'vitest';
import { FIRST_USE_BYTES, isToolchainAsset, keepLargeSizes, splitManifest } from './cachePlan';

describe('cache plan', () => {
  it('tells the toolchains from the app shell by their built names', () => {
    for (const t of [
      'assets/llvm.core-CL0Hro1L.wasm',
      'assets/llvm.core2-BFcv-Hg7.wasm',
      'assets/llvm-resources-Dw9lbSQw.tar',
      'assets/bundle-BFtOx7iB.js',
      'assets/asc-C8RAclK-.js',
      'assets/binaryen-D1-oEam9.js',
      'assets/clang-format-Dj8uXcuG.wasm',
      'assets/wasm-tools.core2-CBcW5B7I.wasm',
      'assets/wasm-tools-Cgqt6H-8.js',
      'assets/js-component-bindgen-component.core-Nzi3bHxP.wasm',
      'assets/js-component-bindgen-component-DqVUaWCr.js',
      'assets/wasi_snapshot_preview1.command-BtyCFOD9.wasm',
      '/base/assets/asc-C8RAclK-.js',
    ])
      expect(isToolchainAsset(t), t).toBe(true);
    for (const s of [
      'index.html',
      'embed.html',
      'assets/editor.api-f4GQWfks.js',
      'assets/main-nP_GVEC4.js',
      'assets/compiler.worker-NGTTuRFX.js',
      'assets/clang-format-vite-B7ds805u.js',
      'assets/codicon-DF1abBS2.ttf',
      'assets/compile-hhJVIxLu.js',
      'icon-192.png',
    ])
      expect(isToolchainAsset(s), s).toBe(false);
  });

  it('splits the build manifest', () => {
    const { shell, toolchains } = splitManifest([
      { url: 'index.html', revision: 'abc' },
      { url: 'assets/asc-C8RAclK-.js', revision: null },
      'assets/main-nP_GVEC4.js',
    ]);
    expect(shell).toEqual([
      { url: 'index.html', revision: 'abc' },
      { url: 'assets/main-nP_GVEC4.js', revision: null },
    ]);
    expect(toolchains).toEqual(['assets/asc-C8RAclK-.js']);
  });

  it('caches big assets and vendored runtimes at first use, whatever their names', async () => {
    const { manifest } = await keepLargeSizes([
      { url: 'assets/ruby_stdlib-D8-A_OuU.wasm', revision: null, size: 30_635_497 },
      { url: 'assets/micropython-CtuBaDUc.wasm', revision: null, size: 433_743 },
      { url: 'vendor/pyodide-314.0.8/python_stdlib.zip', revision: null, size: 2_545_550 },
      { url: 'index.html', revision: 'abc', size: 2_000 },
    ]);
    const { shell, toolchains } = splitManifest(manifest);
    expect(toolchains).toEqual([
      'assets/ruby_stdlib-D8-A_OuU.wasm',
      'vendor/pyodide-314.0.8/python_stdlib.zip',
    ]);
    expect(shell.map((e) => e.url)).toEqual(['assets/micropython-CtuBaDUc.wasm', 'index.html']);
    expect(FIRST_USE_BYTES).toBe(4 * 1024 * 1024);
  });
});
