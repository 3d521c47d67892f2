import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { APP_HEADERS } from './server/static/hostingHeaders.ts';
import { hosting } from './server/static/vitePlugin.ts';
import { keepLargeSizes } from './src/sw/cachePlan.ts';
import { vendorFiles } from './server/static/vendorFiles.ts';

/**
 * index.html paints the open file's first lines before any module runs (src/boot/bootPaint.js,
 * inlined: a script file would be one more request before the first frame).
 */
function bootPaint(): Plugin {
  const file = (p: string) => readFileSync(fileURLToPath(new URL(p, import.meta.url)), 'utf8');
  // In a <script>, "</script" or "<!--" in the text would end it: no "<" at all.
  const literal = (v: string) => JSON.stringify(v).replace(/</g, '\\u003c');
  return {
    name: 'boot-paint',
    transformIndexHtml(html, ctx) {
      if (!ctx.filename.endsWith('index.html')) return html;
      // The call at the file's end: (__DEFAULT_TEXT__, __KEY__) gets the values.
      const args = `(${literal(file('./src/languages/wat/examples/hello.wat'))}, ${literal('wasm-playground:boot:v1')})`; // BOOT_KEY in bootSnapshot.ts
      const script = file('./src/boot/bootPaint.js').replace(
        '(__DEFAULT_TEXT__, __KEY__)',
        () => args,
      );
      return html.replace(
        '<div id="root"></div>',
        `<div id="root"></div>\n<script>${script}</script>`,
      );
    },
  };
}

export default defineConfig({
  // Relative asset URLs: dist/ works from any static server and any sub-path.
  base: './',
  plugins: [
    react(),
    bootPaint(),
    // The one service worker (src/sw.ts; routes in src/sw/routes.ts, what it keeps offline in
    // src/sw/cachePlan.ts), built from our own source (injectManifest) and served in dev too.
    // Registered by src/sw/register.ts once the editor is ready.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: {
        name: 'Wasm Playground',
        short_name: 'Wasm',
        description:
          'Write code, compile it to WebAssembly in your browser (or run it on an interpreter that is WebAssembly) and run it: timings, sizes, imports and exports, offline.',
        theme_color: '#654ff0',
        background_color: '#1e1e1e',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      injectManifest: {
        rollupFormat: 'iife',
        // Everything the build writes: the worker precaches the app shell and keeps the
        // toolchains' names to cache them at first use (src/sw/cachePlan.ts).
        globPatterns: [
          '**/*.{html,js,css,wasm,tar,ttf,woff,woff2,svg,png,webmanifest}',
          'vendor/**/*.{mjs,zip,json}',
        ],
        maximumFileSizeToCacheInBytes: 200 * 1024 * 1024,
        // Big assets (an interpreter's wasm) are cached at first use, as the toolchains are.
        manifestTransforms: [keepLargeSizes],
        // Hashed names: the name is the revision.
        dontCacheBustURLsMatching: /assets\//,
      },
      devOptions: { enabled: true, type: 'module' },
    }),
    // dist/_headers, brotli/gzip copies, preview served as a static host would, short links.
    hosting(),
    // Runtimes that load files by fixed names (Pyodide): a language folder's vendor.json.
    vendorFiles(),
  ],
  resolve: {
    alias: [
      // monaco-vim imports Monaco's old deep paths (monaco-editor/esm/vs/…), which 0.5x's exports
      // map no longer resolves, and monaco-emacs imports the whole 'monaco-editor' (every language
      // and feature). Both are pointed at the one editor API the app already loads.
      {
        find: /^monaco-editor\/esm\/vs\/(.*?)(\.js)?$/,
        replacement: fileURLToPath(
          new URL('./node_modules/monaco-editor/esm/vs/$1.js', import.meta.url),
        ),
      },
      { find: /^monaco-editor$/, replacement: 'monaco-editor/editor/editor.api' },
      // Its "browser" build is a UMD bundle with a copy of parts of Monaco 0.33: take the ES module.
      {
        find: /^monaco-vim$/,
        replacement: fileURLToPath(
          new URL('./node_modules/monaco-vim/dist/index.mjs', import.meta.url),
        ),
      },
    ],
  },
  // Its toolchain files are found with new URL('./x.wasm', import.meta.url): pre-bundling would
  // move the module away from them in dev.
  optimizeDeps: {
    exclude: ['@yowasp/clang', '@bytecodealliance/jco-transpile'],
    // Imported only inside workers (often lazily): listed so the dev server pre-bundles them at
    // start instead of discovering them on first use and reloading the page mid-run.
    include: [
      'wabt',
      'assemblyscript/asc',
      'binaryen',
      'comlink',
      'fflate',
      'workbox-window',
      'workbox-precaching',
      'workbox-routing',
      'workbox-strategies',
    ],
  },
  worker: { format: 'es' },
  // Cross-origin isolation gives workers a 5 µs performance.now() instead of 100 µs, which the
  // Timings panel needs; CORS + CORP let an opaque-origin embed load the app (README: Hosting).
  server: { port: 5173, headers: APP_HEADERS },
  preview: { port: 4173, headers: APP_HEADERS },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 20000,
    rollupOptions: { input: { main: 'index.html', embed: 'embed.html' } },
  },
  test: {
    include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
    testTimeout: 60_000,
    // Hooks that compile with clang on a cold machine take longer than the default 10 s.
    hookTimeout: 240_000,
  },
});
