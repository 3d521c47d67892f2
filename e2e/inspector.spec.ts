import { expect, test, type Page } from '@playwright/test';
import {
  freshStorage,
  helloWithHelper,
  openPlayground,
  outputText,
  runAndWait,
  selectLanguage,
  setSource,
  watToWasm,
} from './helpers';

test.beforeEach(async ({ page }) => freshStorage(page));

const rows = (page: Page, kind?: string) =>
  page.locator(`[data-testid="size-row"]${kind ? `[data-kind="${kind}"]` : ''}`);

async function bytesOf(page: Page, kind: string): Promise<number[]> {
  return rows(page, kind).evaluateAll((els) =>
    els.map((e) => Number(e.getAttribute('data-bytes'))),
  );
}

async function openInspector(page: Page, tab: 'sizes' | 'wat' | 'imports' = 'sizes') {
  await page.getByTestId('main-tab-inspector').click();
  await page.locator(`[data-testid="inspector-tab"][data-tab="${tab}"]`).click();
}

const HELLO = helloWithHelper;

test('sizes add up to the file; a changed function shows its delta; WAT shows every function', async ({
  page,
}) => {
  await openPlayground(page);
  await setSource(page, HELLO());
  expect(await runAndWait(page)).toBe('exit code 0');
  const size = Number(await page.getByTestId('wasm-size').getAttribute('data-value'));
  await openInspector(page);
  await expect(page.getByTestId('size-table')).toBeVisible();
  const sections = await bytesOf(page, 'section');
  expect(sections.reduce((a, b) => a + b, 0)).toBe(size);
  await expect(rows(page, 'function')).toHaveCount(2);
  await expect(rows(page, 'function').first()).toHaveAttribute('data-name', /main|helper/);
  await expect(page.getByTestId('treemap').locator('rect').first()).toBeVisible();

  // A bigger $main: its row and the total show the growth; $helper is unchanged.
  await setSource(page, HELLO('\n    (drop (call $helper)) (drop (call $helper))'));
  await runAndWait(page);
  // Run showed the output; the inspector has the new module's deltas.
  await openInspector(page);
  const main = page.locator('[data-testid="size-row"][data-kind="function"][data-name="main"]');
  await expect(main).toHaveAttribute('data-delta', /^[1-9]\d*$/);
  await expect(
    page.locator('[data-testid="size-row"][data-kind="function"][data-name="helper"]'),
  ).not.toHaveAttribute('data-delta');
  await expect(page.getByTestId('size-delta')).toHaveAttribute('data-value', /^[1-9]\d*$/);

  // Filter and sort.
  await page.getByTestId('size-filter').fill('helper');
  await expect(rows(page)).toHaveCount(1);
  await page.getByTestId('size-filter').fill('');

  // WAT: names from the name section, a function box, byte offsets on demand.
  await openInspector(page, 'wat');
  await expect(page.getByTestId('wat-view')).toContainText('(func $main');
  await page.getByTestId('wat-function').selectOption('helper');
  await page.getByTestId('wat-offsets').check();
  await expect(page.getByTestId('wat-view').locator('.line-numbers').first()).toHaveText(
    /^[0-9a-f]{6}$/,
  );

  // Imports and exports moved here.
  await openInspector(page, 'imports');
  await expect(page.getByTestId('imports')).toContainText('fd_write');
  await expect(page.getByTestId('exports')).toContainText('_start');
});

test('wasm-opt: smaller bytes, Run optimized prints the same, the optimized module downloads', async ({
  page,
}) => {
  await openPlayground(page);
  await setSource(page, HELLO('\n    (drop (call $helper))'));
  expect(await runAndWait(page)).toBe('exit code 0');
  const before = await outputText(page);
  await openInspector(page);
  await page.getByTestId('optimize-preset').selectOption('-O2');
  await page.getByTestId('optimize-button').click();
  const result = page.getByTestId('optimize-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  const b = Number(await result.getAttribute('data-before'));
  const a = Number(await result.getAttribute('data-after'));
  expect(a).toBeGreaterThan(0);
  expect(a).toBeLessThan(b);
  const download = page.waitForEvent('download');
  await page.getByTestId('download-optimized').click();
  expect((await download).suggestedFilename()).toBe('optimized.wasm');

  await page.getByTestId('run-optimized').click();
  await page.getByTestId('main-tab-output').click();
  await expect(page.getByTestId('exit-status')).toHaveText('exit code 0');
  expect(await outputText(page)).toBe(before);
  await expect(page.getByTestId('wasm-size')).toHaveAttribute('data-value', String(a));
});

test('a broken module shows what can be read and where it breaks', async ({ page }) => {
  await openPlayground(page);
  const good = await watToWasm(HELLO());
  const cut = good.slice(0, good.length - 12);
  await page.getByTestId('open-wasm-input').setInputFiles({
    name: 'broken.wasm',
    mimeType: 'application/wasm',
    buffer: Buffer.from(cut),
  });
  await expect(page.getByTestId('exit-status')).toContainText(/error/);
  await openInspector(page);
  await expect(page.getByTestId('inspect-error')).toContainText(/broken at byte \d+/);
  await expect(rows(page, 'section').first()).toBeVisible();
});

test('C: the producers section in words and the features clang used', async ({ page }) => {
  test.setTimeout(180_000);
  await openPlayground(page);
  await selectLanguage(page, 'c');
  await setSource(
    page,
    '#include <stdio.h>\n#include <string.h>\nint main(int argc, char **argv) {\n  char buf[64];\n  memset(buf, argc, sizeof buf);\n  printf("%d\\n", buf[3]);\n  return 0;\n}\n',
  );
  expect(await runAndWait(page, 150_000)).toBe('exit code 0');
  await openInspector(page, 'imports');
  await expect(page.getByTestId('producers')).toContainText('clang');
  await expect(page.locator('[data-testid="feature"][data-feature="bulk-memory"]')).toBeVisible();
  await openInspector(page);
  const size = Number(await page.getByTestId('wasm-size').getAttribute('data-value'));
  const sections = await bytesOf(page, 'section');
  expect(sections.reduce((a, b) => a + b, 0)).toBe(size);
  await expect(
    page.locator('[data-testid="size-row"][data-kind="function"][data-name="main"]'),
  ).toBeVisible();
});

test('"then wasm-opt" applies a preset on every build: a phase in Timings, fewer bytes, same output', async ({
  page,
}) => {
  await openPlayground(page);
  await setSource(page, HELLO('\n    (drop (call $helper)) (drop (call $helper))'));
  expect(await runAndWait(page)).toBe('exit code 0');
  const plain = Number(await page.getByTestId('wasm-size').getAttribute('data-value'));
  const out = await outputText(page);
  await page.getByTestId('wasm-opt-select').selectOption('-Oz');
  expect(await runAndWait(page)).toBe('exit code 0');
  await expect(page.getByTestId('compile-phases')).toContainText('wasm-opt -Oz');
  const optimized = Number(await page.getByTestId('wasm-size').getAttribute('data-value'));
  expect(optimized).toBeLessThan(plain);
  expect(await outputText(page)).toBe(out);
  // Remembered with the project's compile options.
  await page.reload();
  await expect(page.getByTestId('wasm-opt-select')).toHaveValue('-Oz');
});

test('a big module: the editor holds a window of the whole WAT; go to a function, find and scrolling move it', async ({
  page,
}) => {
  await openPlayground(page);
  // 400 functions of ≈ 84 lines each: ≈ 34,000 lines, eleven windows.
  const body = Array.from({ length: 40 }, (_, j) => `i32.const ${j} i32.add`).join(' ');
  const fns = Array.from(
    { length: 400 },
    (_, i) =>
      `(func $f${i} (param i32) (result i32) local.get 0 ${body}${i === 321 ? ' i32.const 777777 i32.add' : ''})`,
  ).join('\n');
  const wabt = await (await import('wabt')).default();
  const mod = wabt.parseWat('big.wat', `(module (memory 1) ${fns} (func (export "_start")))`);
  const wasm = Buffer.from(mod.toBinary({ write_debug_names: true }).buffer);
  mod.destroy();
  await page.getByTestId('open-wasm-input').setInputFiles({
    name: 'big.wasm',
    mimeType: 'application/wasm',
    buffer: wasm,
  });
  await openInspector(page, 'wat');
  const view = page.getByTestId('wat-view');
  const win = page.getByTestId('wat-window');
  await expect(view).toHaveAttribute('data-done', 'true');
  await expect(view).toHaveAttribute('data-functions', '401');
  const lines = Number(await win.getAttribute('data-lines'));
  expect(lines).toBeGreaterThan(30_000);
  await expect(win).toHaveAttribute('data-from', '0');
  await expect(view).toContainText('(func $f0');

  // A function far down: its window, and the gutter numbers the lines of the whole text.
  await page.getByTestId('wat-function').selectOption('f350');
  await expect(view).toContainText('(func $f350');
  const from = Number(await win.getAttribute('data-from'));
  expect(from).toBeGreaterThan(20_000);
  const numbers = await view.locator('.line-numbers').allTextContents();
  expect(Math.max(...numbers.map(Number))).toBeGreaterThan(from);

  // Find in module searches the whole text, not only the lines held.
  await page.getByTestId('wat-function').selectOption('f0');
  await expect(win).toHaveAttribute('data-from', '0');
  await page.getByTestId('wat-find').fill('777777');
  await page.getByTestId('wat-find').press('Enter');
  await expect(view).toContainText('i32.const 777777');
  expect(Number(await win.getAttribute('data-from'))).toBeGreaterThan(20_000);
  await page.getByTestId('wat-find').fill('no such text');
  await page.getByTestId('wat-find').press('Enter');
  await expect(page.locator('.wat-find')).toContainText('not found');

  // Scrolling to the end of a window brings the next lines, the same lines staying on screen.
  await page.getByTestId('wat-function').selectOption('f1');
  await expect(win).toHaveAttribute('data-from', '0');
  await view.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await expect(win).not.toHaveAttribute('data-from', '0');
  const held = Number(await win.getAttribute('data-count'));
  const shown = (await view.locator('.line-numbers').allTextContents()).map(Number);
  // The lines on screen are the old window's last ones, now in the middle of the new window.
  expect(Math.max(...shown)).toBeGreaterThanOrEqual(held);
  expect(Math.max(...shown)).toBeLessThan(held + 100);
  await expect(view).toContainText('i32.add');
});
