import react from '@vitejs/plugin-react';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// Cross-origin isolation gives workers a 5 µs performance.now() instead of 100 µs, which the
// Timings panel needs for instantiate times. The app works without it (any static host).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Hashed assets never change: let the browser keep them (the 105 MB C toolchain above all). */
function immutableAssets(): Plugin {
  const cache: Connect.NextHandleFunction = (req, res, next) => {
    if (req.url?.startsWith('/assets/'))
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    next();
  };
  return {
    name: 'immutable-assets',
    configurePreviewServer(server) {
      server.middlewares.use(cache);
    },
  };
}

export default defineConfig({
  // Relative asset URLs: dist/ works from any static server and any sub-path.
  base: './',
  plugins: [react(), immutableAssets()],
  // Its toolchain files are found with new URL('./x.wasm', import.meta.url): pre-bundling would
  // move the module away from them in dev.
  optimizeDeps: {
    exclude: ['@yowasp/clang'],
    // Imported only inside workers (often lazily): listed so the dev server pre-bundles them at
    // start instead of discovering them on first use and reloading the page mid-run.
    include: ['wabt', 'assemblyscript/asc', 'comlink', 'fflate'],
  },
  worker: { format: 'es' },
  server: { port: 5173, headers: isolation },
  preview: { port: 4173, headers: isolation },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 20000,
    rollupOptions: { input: { main: 'index.html', embed: 'embed.html' } },
  },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    // Hooks that compile with clang on a cold machine take longer than the default 10 s.
    hookTimeout: 240_000,
  },
});
