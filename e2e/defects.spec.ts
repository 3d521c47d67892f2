// Defects found by trying the app as a new user would (issue #26), each with the test that
// would have caught it.
import { expect, test } from '@playwright/test';
import {
  freshStorage,
  helloWithHelper,
  openPlayground,
  runAndWait,
  setSource,
  watToWasm,
} from './helpers';

test.beforeEach(async ({ page }) => freshStorage(page));

const HELLO = helloWithHelper;

test('Monaco failing to load keeps the code on screen, says so plainly, and Retry brings the editor', async ({
  page,
}) => {
  let block = true;
  await page.route(/\/assets\/monaco-[^/]*\.(js|css)$/, (route) =>
    block ? route.abort('failed') : route.continue(),
  );
  await page.goto('/');
  const failure = page.getByTestId('editor-load-error');
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('could not be loaded');
  await expect(failure).toContainText('Your code is safe');
  // The user's code is still there, under the message.
  await expect(page.getByTestId('editor-placeholder')).toContainText('fd_write');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'false');
  block = false;
  await page.getByTestId('editor-retry').click();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
  await expect(failure).toHaveCount(0);
  expect(await runAndWait(page)).toBe('exit code 0');
});

test('Run optimized keeps the optimize result and compares with nothing it is not', async ({
  page,
}) => {
  await openPlayground(page);
  await setSource(page, HELLO('\n    (drop (call $helper))'));
  expect(await runAndWait(page)).toBe('exit code 0');
  await page.getByTestId('main-tab-inspector').click();
  await page.getByTestId('optimize-preset').selectOption('-O2');
  await page.getByTestId('optimize-button').click();
  const result = page.getByTestId('optimize-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  const after = await result.getAttribute('data-after');
  await page.getByTestId('run-optimized').click();
  await page.getByTestId('main-tab-output').click();
  await expect(page.getByTestId('exit-status')).toHaveText('exit code 0');
  await expect(page.getByTestId('wasm-size')).toHaveAttribute('data-value', after!);
  // The optimized module is not a compile of the project: no "vs last compile".
  await expect(page.getByTestId('size-delta')).toHaveCount(0);
  // …and its result is still in the inspector, Run optimized again works.
  await page.getByTestId('main-tab-inspector').click();
  await expect(result).toBeVisible();
  await expect(result).toHaveAttribute('data-after', after!);
  await page.getByTestId('run-optimized').click();
  await page.getByTestId('main-tab-output').click();
  await expect(page.getByTestId('exit-status')).toHaveText('exit code 0');
});

test('Open .wasm is not compared with the project’s last compile', async ({ page }) => {
  await openPlayground(page);
  await setSource(page, HELLO('\n    (drop (call $helper))\n    (drop (call $helper))'));
  expect(await runAndWait(page)).toBe('exit code 0');
  const other = await watToWasm(HELLO());
  await page.getByTestId('open-wasm-input').setInputFiles({
    name: 'hello.wasm',
    mimeType: 'application/wasm',
    buffer: Buffer.from(other),
  });
  await expect(page.getByTestId('wasm-size')).toHaveAttribute('data-value', String(other.length));
  await expect(page.getByTestId('exit-status')).toHaveText('exit code 0');
  await expect(page.getByTestId('size-delta')).toHaveCount(0);
  await page.getByTestId('main-tab-inspector').click();
  await expect(page.locator('[data-testid="size-row"]').first()).toBeVisible();
  await expect(page.locator('[data-testid="size-row"].removed')).toHaveCount(0);
  await expect(page.locator('[data-testid="size-row"][data-delta]')).toHaveCount(0);
  // The project's own next build still compares with its previous build.
  await page.getByTestId('main-tab-output').click();
  await setSource(page, HELLO('\n    (drop (call $helper))'));
  expect(await runAndWait(page)).toBe('exit code 0');
  await expect(page.getByTestId('size-delta')).toHaveAttribute('data-value', /^-\d+$/);
});
