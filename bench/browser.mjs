// Helpers for driving the playground in Chromium from the benchmark harness.
import { chromium } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const settings = JSON.parse(readFileSync(new URL('../e2e/chromium.json', import.meta.url), 'utf8'));

/** Launches Debian's Chromium when present (as the Playwright config does), else Playwright's. */
export async function launch() {
  const executablePath = [process.env.CHROMIUM_PATH, ...settings.paths].find(
    (p) => p && existsSync(p),
  );
  return chromium.launch({ executablePath, args: settings.args });
}

export const sel = (id) => `[data-testid="${id}"]`;

/** Opens the app and waits until the editor is ready and Run is enabled. */
export async function openApp(page, base, path = '/') {
  await page.goto(base + path);
  await page.waitForSelector(`${sel('editor')}[data-ready="true"]`);
  await page.waitForSelector(`${sel('run-button')}[aria-disabled="false"]`);
}

/** Replaces the editor text like a paste. */
export async function setSource(page, text) {
  await page.click(sel('editor'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Clicks Run and waits until the run is over; returns the app's own figures. */
export async function runOnce(page, timeout = 120_000) {
  // Clicked and awaited inside the page: Playwright's own polling would compete with the app
  // for the main thread while it is being measured.
  await timeInPage(
    page,
    'run-button',
    `document.querySelector('[data-testid="run-button"]').dataset.state === 'idle'`,
    timeout,
  );
  return readTimings(page);
}

export async function readTimings(page) {
  return page.evaluate(() => {
    const v = (id) => {
      const raw = document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value');
      return raw === null || raw === undefined || raw === '' ? null : Number(raw);
    };
    return {
      compile: v('timing-compile'),
      instantiate: v('timing-instantiate'),
      run: v('timing-run'),
      total: v('timing-total'),
      size: v('wasm-size'),
      exit: document.querySelector('[data-testid="exit-status"]')?.textContent ?? '',
    };
  });
}

/**
 * Measures inside the page, from a click to the moment `done()` holds, with a MutationObserver
 * (fires right after the DOM changes), so the harness's own round trips are not counted.
 */
export async function timeInPage(page, clickId, doneExpr, timeout = 60_000) {
  return page.evaluate(
    ({ clickId, doneExpr, timeout }) =>
      new Promise((resolve, reject) => {
        const done = new Function(`return (${doneExpr});`);
        const obs = new MutationObserver(() => {
          if (done()) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        });
        obs.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        setTimeout(() => {
          obs.disconnect();
          reject(new Error(`timed out waiting for ${doneExpr}`));
        }, timeout);
        const t0 = performance.now();
        document.querySelector(`[data-testid="${clickId}"]`).click();
      }),
    { clickId, doneExpr, timeout },
  );
}

/** Starts recording the page's long main-thread tasks (see longestTask). */
export async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longTasks = [];
    window.__lt?.disconnect();
    window.__lt = new PerformanceObserver((l) =>
      window.__longTasks.push(...l.getEntries().map((e) => e.duration)),
    );
    window.__lt.observe({ type: 'longtask' });
  });
}

/** The longest main-thread task (ms) since watchLongTasks. */
export const longestTask = (page) => page.evaluate(() => Math.max(0, ...window.__longTasks));

/** Serves one HTML page on a free port of localhost (a host page of another origin). */
export function serveHtml(html) {
  return new Promise((resolve) => {
    const server = createServer((_, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(html),
    );
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://localhost:${server.address().port}/` }),
    );
  });
}
