import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import type { SpinManifest } from '../src/server/spinApp';
import { freshStorage, openPlayground, selectLanguage, setSource } from './helpers';

test.beforeEach(async ({ page }) => freshStorage(page));

async function openExample(page: Page, language: string, example: string) {
  await openPlayground(page);
  await selectLanguage(page, language);
  await page.getByTestId('examples-select').selectOption(example);
}

/** Run in handler mode: the HTTP tab shows the response to the composer's request. */
async function runHandler(page: Page, timeout = 60_000) {
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('response-status')).toBeVisible({ timeout });
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'idle', { timeout });
}

test('WAT handler: Run answers the composed request; Send, the log and the preview use fresh instances', async ({
  page,
}) => {
  await openExample(page, 'wat', 'handler-json');
  await expect(page.getByTestId('run-mode')).toHaveValue('http');
  await runHandler(page);
  await expect(page.getByTestId('main-tab-http')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '200');
  await expect(page.getByTestId('response-body')).toHaveAttribute('data-kind', 'json');
  // JSON is pretty-printed.
  await expect(page.getByTestId('response-body')).toContainText('"hello": "wasm"');
  await expect(page.getByTestId('response-headers')).toHaveText('content-type: application/json');
  await expect(page.getByTestId('exit-status')).toHaveText('HTTP 200');

  await page.getByTestId('request-body').fill('{"n": 2}');
  await page.getByTestId('send-request').click();
  await expect(page.getByTestId('response-body')).toContainText('"n": 2');
  const sends = page.locator('[data-testid=request-log-entry][data-from=send]');
  await expect(sends).toHaveCount(2);
  await expect(sends.first()).toHaveAttribute('data-status', '200');

  // The live preview: a GET / through the service worker, answered by the handler (empty body).
  await expect(page.getByTestId('preview-frame')).toBeVisible();
  await expect(page.locator('[data-testid=request-log-entry][data-from=preview]')).toHaveCount(1, {
    timeout: 15_000,
  });
  // Reload: the service worker asks the handler worker on the port this tab gave it, not the tab.
  await page.evaluate(() => {
    const w = window as unknown as { asked: number };
    w.asked = 0;
    navigator.serviceWorker.addEventListener('message', (e) => {
      if (e.data?.type === 'preview:request') w.asked++;
    });
  });
  await page.getByRole('button', { name: 'Reload', exact: true }).click();
  await expect(page.locator('[data-testid=request-log-entry][data-from=preview]')).toHaveCount(2);
  expect(await page.evaluate(() => (window as unknown as { asked: number }).asked)).toBe(0);

  // A bad header line is refused in the form, with the line named.
  await page.getByTestId('request-headers').fill('Accept */*');
  await page.getByTestId('send-request').click();
  await expect(page.getByTestId('request-error')).toHaveText(/header line 1 is not "Name: value"/);
});

test('C website in the live preview: a page, a generated image, a form post, a redirect; export to Spin', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openExample(page, 'c', 'handler-router');
  await runHandler(page, 180_000);
  await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '200');
  await expect(page.getByTestId('response-html')).toBeVisible();
  const frame = page.frameLocator('[data-testid=preview-frame]');
  await expect(frame.locator('h1')).toHaveText('A website served by WebAssembly');
  // The image is drawn by a fresh instance (binary body) and shows.
  await expect
    .poll(() => frame.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(64);
  await frame.locator('input[name=name]').fill('Grace <Hopper>');
  await frame.locator('button').click();
  await expect(frame.locator('h1')).toHaveText('Hello, Grace <Hopper>!');
  const log = page.getByTestId('request-log-entry');
  await expect(log.filter({ has: page.locator('text=POST') })).toHaveCount(1);
  await expect(page.locator('[data-testid=request-log-entry][data-path="/image.bmp"]')).toHaveCount(
    1,
  );
  await expect(page.locator('[data-testid=request-log-entry][data-path="/greet"]')).toHaveAttribute(
    'data-status',
    '200',
  );
  // A redirect (Location without Status) and an unknown page, via the composer.
  await page.getByTestId('request-path').fill('/old');
  await page.getByTestId('send-request').click();
  await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '302');
  await expect(page.getByTestId('response-headers')).toHaveText('location: /');
  await page.getByTestId('request-path').fill('/image.bmp');
  await page.getByTestId('send-request').click();
  await expect(page.getByTestId('response-body')).toHaveAttribute('data-kind', 'image');

  // Export as a Spin app: a valid manifest (parsed with a TOML library) and the module.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-spin').click(),
  ]);
  const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const manifest = parse(strFromU8(zip['spin.toml'])) as unknown as SpinManifest;
  expect(manifest.spin_manifest_version).toBe(2);
  const id = manifest.application.name as string;
  expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
  expect(manifest.trigger.http).toEqual([
    { route: '/...', component: id, executor: { type: 'wagi' } },
  ]);
  expect(manifest.component[id].source).toBe('handler.wasm');
  expect(manifest.component[id].files).toEqual([{ source: 'files', destination: '/' }]);
  expect([...zip['handler.wasm'].slice(0, 4)]).toEqual([0, 0x61, 0x73, 0x6d]);
  expect(strFromU8(zip['files/main.c'])).toContain('router on PATH_INFO');
});

test('bad handlers: a loop answers 504 at the time limit, bad headers 502, a trap 500; load tests count errors', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openExample(page, 'wat', 'handler-hello');
  await page.getByTestId('time-limit-input').fill('1');
  await setSource(
    page,
    '(module (memory (export "memory") 1) (func (export "_start") (loop (br 0))))',
  );
  const t0 = Date.now();
  await runHandler(page);
  await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '504');
  expect(Date.now() - t0).toBeLessThan(15_000);
  await expect(page.getByTestId('response-body')).toContainText('time limit (1000 ms)');
  // The preview's request (on the service worker's port to the handler worker) is stopped too.
  const preview = page.frameLocator('[data-testid=preview-frame]').locator('body');
  await expect(preview).toContainText('time limit (1000 ms)', { timeout: 15_000 });
  await expect(
    page.locator('[data-testid=request-log-entry][data-from=preview][data-status="504"]'),
  ).not.toHaveCount(0);
  // The page stayed responsive and the next request gets a fresh worker.
  await setSource(
    page,
    `(module (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1) (data (i32.const 64) "no colon here\\n\\nbody")
  (func (export "_start") (i32.store (i32.const 0) (i32.const 64)) (i32.store (i32.const 4) (i32.const 19))
    (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))`,
  );
  await runHandler(page);
  await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '502');
  await expect(page.getByTestId('response-body')).toContainText('malformed header line 1');
  // The preview reloads with the new handler, on a fresh worker.
  await expect(preview).toContainText('malformed header line 1', { timeout: 15_000 });

  await setSource(
    page,
    '(module (memory (export "memory") 1) (func (export "_start") unreachable))',
  );
  await runHandler(page);
  await expect(page.getByTestId('response-status')).toHaveAttribute('data-status', '500');
  await expect(page.getByTestId('response-body')).toContainText('trapped');
  // A load test of the trapping handler counts every request as an error and finishes.
  await page.getByTestId('load-requests').fill('300');
  await page.getByTestId('load-concurrency').fill('2');
  await page.getByTestId('load-test-button').click();
  const result = page.getByTestId('load-result');
  await expect(result).toHaveAttribute('data-errors', '300', { timeout: 30_000 });
  await expect(result).toHaveAttribute('data-requests', '300');

  // Out-of-range figures are refused in the form.
  await page.getByTestId('load-requests').fill('100001');
  await expect(page.getByTestId('load-form-error')).toContainText('1 to 100,000');
  await expect(page.getByTestId('load-test-button')).toBeDisabled();
  await page.getByTestId('load-requests').fill('10');
  await page.getByTestId('load-concurrency').fill('0');
  await expect(page.getByTestId('load-form-error')).toContainText('concurrency');
});

test('load test of the hello handler: requests/s and latency percentiles, no errors', async ({
  page,
}) => {
  await openExample(page, 'wat', 'handler-hello');
  await runHandler(page);
  await page.getByTestId('load-requests').fill('3000');
  await page.getByTestId('load-concurrency').fill('4');
  await page.getByTestId('load-test-button').click();
  const result = page.getByTestId('load-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result).toHaveAttribute('data-errors', '0');
  await expect(result).toHaveAttribute('data-requests', '3000');
  expect(Number(await result.getAttribute('data-rps'))).toBeGreaterThan(100);
  const p50 = Number(await result.getAttribute('data-p50-ms'));
  const p99 = Number(await result.getAttribute('data-p99-ms'));
  expect(p50).toBeGreaterThan(0);
  expect(p99).toBeGreaterThanOrEqual(p50);
  await expect(page.getByTestId('histogram')).toBeVisible();
  // Again, on the workers the first test kept (the handler compiled in them already).
  const seq = Number(await result.getAttribute('data-seq'));
  await page.getByTestId('load-test-button').click();
  await expect(result).toHaveAttribute('data-seq', String(seq + 1), { timeout: 60_000 });
  await expect(result).toHaveAttribute('data-errors', '0');
  await expect(result).toHaveAttribute('data-requests', '3000');
  await expect(result).toHaveAttribute('data-memory', 'pooled');
  // The contrast: a new memory for every request.
  await page.getByTestId('load-memory').selectOption('fresh');
  await page.getByTestId('load-test-button').click();
  await expect(result).toHaveAttribute('data-seq', String(seq + 2), { timeout: 60_000 });
  await expect(result).toHaveAttribute('data-memory', 'fresh');
  await expect(result).toHaveAttribute('data-errors', '0');
  await expect(result).toContainText('new for every request');
});

test('cold-start lab: fresh instances timed in µs; Stop works at any moment; bad counts refused', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByTestId('main-tab-instances').click();
  await page.getByTestId('coldstart-count').fill('2000');
  // Nothing was run yet: Start compiles the project first.
  await page.getByTestId('coldstart-button').click();
  const r = page.getByTestId('coldstart-result');
  await expect(r).toBeVisible({ timeout: 60_000 });
  await expect(r).toHaveAttribute('data-count', '2000');
  expect(Number(await r.getAttribute('data-p50-us'))).toBeGreaterThan(0);
  expect(Number(await r.getAttribute('data-per-second'))).toBeGreaterThan(100);
  await expect(page.getByTestId('coldstart-context')).toContainText('no container figure');
  // Memories from a pool (the default), zeroed for each instance; then a new memory each.
  await expect(r).toHaveAttribute('data-pooled', 'true');
  await expect(r).toContainText('Memories from a pool');
  const pooledRate = Number(await r.getAttribute('data-per-second'));
  await page.getByTestId('coldstart-memory').selectOption('fresh');
  await page.getByTestId('coldstart-button').click();
  await expect(r).toHaveAttribute('data-pooled', 'false', { timeout: 60_000 });
  await expect(r).toContainText('A new memory per instance');
  expect(Number(await r.getAttribute('data-per-second'))).toBeLessThan(pooledRate);

  await page.getByTestId('coldstart-count').fill('100000');
  await page.getByTestId('coldstart-run').check();
  await page.getByTestId('coldstart-compile-each').check();
  await page.getByTestId('coldstart-button').click();
  await expect(page.getByTestId('coldstart-button')).toHaveText('Stop');
  await page.getByTestId('coldstart-button').click();
  await expect(page.getByTestId('coldstart-button')).toHaveText('Start');
  await expect(page.getByText('stopped')).toBeVisible();

  await page.getByTestId('coldstart-count').fill('0');
  await expect(page.getByTestId('coldstart-form-error')).toBeVisible();
  await expect(page.getByTestId('coldstart-button')).toBeDisabled();
});
