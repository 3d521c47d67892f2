import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixture, freshStorage, openPlayground, runAndWait, setSource } from './helpers';

test.beforeEach(async ({ page }) => freshStorage(page));

/** count.wat printing 0…n-1, one per line. */
const countTo = (n: number) =>
  fixture('count.wat').replace('(i32.const 100000)', `(i32.const ${n})`);

const expected200k = Array.from({ length: 200_000 }, (_, i) => `${i}\n`).join('');

test('Copy all and Download give the whole output of 200,000 lines, not the rendered rows', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  await setSource(page, countTo(200_000));
  expect(await runAndWait(page)).toContain('exit code 0');
  await expect(page.getByTestId('output-count')).toHaveAttribute('data-value', '200000');
  expect(await page.getByTestId('output-line').count()).toBeLessThan(200);

  await page.getByTestId('copy-output').click();
  await expect(page.getByTestId('copy-output')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.length).toBe(expected200k.length);
  expect(copied === expected200k).toBe(true);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-output').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-output\.txt$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text === expected200k).toBe(true);
});

test('Find counts matches in rows never rendered and jumps to them; the filter shows one stream', async ({
  page,
}) => {
  await openPlayground(page);
  await setSource(page, countTo(200_000));
  await runAndWait(page);
  // "199999" is only in the last line; "12345" in 12345, 112345, 123450…123459.
  await page.getByTestId('output-find').fill('12345');
  await expect(page.getByTestId('output-find-count')).toHaveText('line 1 of 12 · 12 matches');
  await expect(page.locator('.output-line.current-match')).toHaveText('12345');
  await page.getByTestId('output-find').press('Enter');
  await expect(page.getByTestId('output-find-count')).toHaveText('line 2 of 12 · 12 matches');
  await expect(page.locator('.output-line.current-match')).toHaveText('112345');
  await expect(page.locator('.output-line.current-match mark')).toHaveText('12345');
  await page.getByTestId('output-find').press('Shift+Enter');
  await page.getByTestId('output-find').press('Shift+Enter');
  await expect(page.locator('.output-line.current-match')).toHaveText('123459');

  // A program writing to both streams: the filter shows one of them.
  await setSource(
    page,
    [
      '(module',
      '  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))',
      '  (memory (export "memory") 1)',
      '  (data (i32.const 16) "out one\\0a") (data (i32.const 32) "err one\\0a")',
      '  (func $p (param i32 i32) (i32.store (i32.const 0) (i32.const 16)) (i32.store (i32.const 4) (i32.const 8))',
      '    (drop (call $w (local.get 0) (i32.const 0) (i32.const 1) (i32.const 8))))',
      '  (func (export "_start")',
      '    (call $p (i32.const 1) (i32.const 0))',
      '    (i32.store (i32.const 0) (i32.const 32)) (i32.store (i32.const 4) (i32.const 8))',
      '    (drop (call $w (i32.const 2) (i32.const 0) (i32.const 1) (i32.const 8)))))',
    ].join('\n'),
  );
  await page.getByTestId('output-find').fill('');
  await runAndWait(page);
  await expect(page.getByTestId('output-line')).toHaveCount(2);
  await page.getByTestId('output-filter').selectOption('stderr');
  await expect(page.getByTestId('output-line')).toHaveCount(1);
  await expect(page.getByTestId('output-line')).toHaveText('err one');
  await page.getByTestId('output-filter').selectOption('stdout');
  await expect(page.getByTestId('output-line')).toHaveText('out one');
});

test('the live region says how a run ended', async ({ page }) => {
  await openPlayground(page);
  await setSource(page, countTo(3));
  await runAndWait(page);
  await expect(page.getByTestId('status-live')).toHaveText(/^exit code 0, 3 lines, [\d.]+ ms$/);
  await setSource(page, '(module (func (export "_start") (call $nope)))');
  await runAndWait(page);
  await expect(page.getByTestId('status-live')).toHaveText('compile failed: 1 error');
});

test('long lines wrap on demand and the font size changes; both are remembered', async ({
  page,
}) => {
  await openPlayground(page);
  await setSource(page, fixture('longline.wat'));
  await runAndWait(page);
  const rowsBefore = await page.getByTestId('output-line').count();
  await page.getByTestId('wrap-output').check();
  await expect.poll(() => page.getByTestId('output-line').count()).toBeGreaterThan(rowsBefore);
  // Each visual row fits the panel: nothing scrolls sideways.
  const overflow = await page
    .getByTestId('output')
    .evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(2);
  await page.getByTestId('output-font-size').selectOption('16');
  await expect(page.getByTestId('output-line').first()).toHaveCSS('font-size', '16px');
  await page.reload();
  await expect(page.getByTestId('wrap-output')).toBeChecked();
  await expect(page.getByTestId('output-font-size')).toHaveValue('16');
});
