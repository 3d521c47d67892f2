import { chromium, defineConfig } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';

const chromiumSettings = JSON.parse(
  readFileSync(new URL('./e2e/chromium.json', import.meta.url), 'utf8'),
) as { paths: string[]; args: string[] };

// On machines without Playwright's own browser (CI here has no internet), use the system
// Chromium. CHROMIUM_PATH overrides; otherwise Playwright's bundled browser is used.
const systemChromium = [process.env.CHROMIUM_PATH, ...chromiumSettings.paths].find(
  (p): p is string => !!p && existsSync(p),
);

if (!systemChromium && !existsSync(chromium.executablePath())) {
  throw new Error(
    'No browser for the end-to-end tests. Install one of:\n' +
      '  - Debian/Ubuntu: sudo apt-get install -y chromium   (used from /usr/bin/chromium)\n' +
      '  - any OS with internet: npx playwright install chromium\n' +
      'or point CHROMIUM_PATH at a Chromium/Chrome binary.',
  );
}

const PORT = 4173;
export const HOST_PORT = 4174;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      executablePath: systemChromium,
      args: chromiumSettings.args,
    },
  },
  webServer: [
    {
      command: `npx vite preview --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // A second origin for the embed tests.
      command: `node e2e/host/server.mjs`,
      url: `http://localhost:${HOST_PORT}`,
      env: { HOST_PORT: String(HOST_PORT) },
      reuseExistingServer: !process.env.CI,
    },
  ],
});
