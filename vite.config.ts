import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Cross-origin isolation gives workers a 5 µs performance.now() instead of 100 µs, which the
// Timings panel needs for instantiate times. The app works without it (any static host).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
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
  },
});
