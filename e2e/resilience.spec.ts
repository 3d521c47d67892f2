import { expect, test, type Page } from '@playwright/test';
import {
  fixture,
  freshStorage,
  openPlayground,
  outputText,
  runAndWait,
  setSource,
} from './helpers';

test.beforeEach(async ({ page }) => freshStorage(page));

const PROGRAM = `(module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "still here\\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 11))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
;; resize marker`;

const WIDTHS = [420, 1280, 600, 1100];

async function bodyTextLength(page: Page) {
  return page.evaluate(() => document.body.innerText.length);
}

/** Errors that reached the page uncaught (the crash showed up as one). */
function collectPageErrors(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('resizing across the narrow breakpoint keeps the app, the text, its undo and Run', async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1280, height: 860 });
  await openPlayground(page);
  await setSource(page, PROGRAM);
  // One more edit, to undo after the resizes: the model (and its history) must survive them.
  await page.keyboard.type('\n;; undo me');
  await expect(page.getByTestId('editor')).toContainText(';; undo me');

  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 860 });
    await expect(page.getByTestId('run-button')).toBeVisible();
    await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId('editor')).toContainText(';; resize marker');
    expect(await bodyTextLength(page), `page text at ${width}px`).toBeGreaterThan(100);
  }
  await expect(page.getByTestId('panel-error')).toHaveCount(0);
  expect(errors).toEqual([]);

  // The editor is the same editor: undo removes the last edit made before the resizes.
  await page.getByTestId('editor').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(page.getByTestId('editor')).not.toContainText(';; undo me');
  await expect(page.getByTestId('editor')).toContainText(';; resize marker');

  expect(await runAndWait(page)).toMatch(/exit code 0/);
  expect(await outputText(page)).toBe('still here');
});

test('resizing while a program runs keeps the run going and Stop works', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1280, height: 860 });
  await openPlayground(page);
  await setSource(page, fixture('loop.wat'));
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'running');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 860 });
    await expect(page.getByTestId('stop-button')).toBeEnabled();
    expect(await bodyTextLength(page)).toBeGreaterThan(100);
  }
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'running');
  await page.getByTestId('stop-button').click();
  await expect(page.getByTestId('exit-status')).toContainText(/stopped/);
  await expect(page.getByTestId('editor')).toContainText('loop');
  expect(errors).toEqual([]);
});

test('an exception in one panel stays in that panel; Reload panel brings it back', async ({
  page,
}) => {
  await openPlayground(page, '/?test-hooks=1');
  await setSource(page, PROGRAM);
  await page.evaluate(() =>
    (
      window as unknown as { __playgroundTest: { crashPanel(n: string): void } }
    ).__playgroundTest.crashPanel('Output'),
  );
  const boundary = page.getByTestId('panel-error');
  await expect(boundary).toHaveCount(1);
  await expect(boundary).toHaveAttribute('data-panel', 'Output');
  await expect(boundary).toContainText('Test crash in the Output panel');
  await expect(page.getByTestId('panel-copy-details')).toBeVisible();
  // The rest keeps working: the editor holds the text, the timings panel still shows, Run runs.
  await expect(page.getByTestId('editor')).toContainText(';; resize marker');
  await expect(page.getByTestId('run-button')).toBeEnabled();
  // The work was saved before anything else: a reload restores it from the autosave.
  const saved = await page.evaluate(() => localStorage.getItem('wasm-playground:pending:v2'));
  expect(saved).toContain('resize marker');

  await page.getByTestId('panel-reload').click();
  await expect(boundary).toHaveCount(0);
  expect(await runAndWait(page)).toMatch(/exit code 0/);
  expect(await outputText(page)).toBe('still here');
});

test('without ?test-hooks the crash hook is not installed', async ({ page }) => {
  await openPlayground(page);
  expect(await page.evaluate(() => '__playgroundTest' in window)).toBe(false);
});
