import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { freshStorage, openPlayground, runAndWait, setSource } from './helpers';

test.beforeEach(async ({ page }) => freshStorage(page));

/** Serious and critical axe-core violations on the page as it is now, as readable lines. */
async function serious(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.any[0]?.message ?? ''}`),
    );
}

test('axe-core: no serious or critical violations in the states people see', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  expect(await serious(page), 'fresh load (light)').toEqual([]);

  await runAndWait(page);
  expect(await serious(page), 'after a run').toEqual([]);

  await setSource(page, '(module (func (export "_start") (call $nope)))');
  await runAndWait(page);
  expect(await serious(page), 'with a compile error').toEqual([]);

  await page.getByTestId('theme-select').selectOption('dark');
  expect(await serious(page), 'dark theme').toEqual([]);

  await page.getByTestId('output-view').selectOption('terminal');
  await expect(page.getByTestId('terminal')).toBeVisible();
  expect(await serious(page), 'terminal view (dark)').toEqual([]);

  await page.getByTestId('share-button').click();
  expect(await serious(page), 'Share open').toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByTestId('embed-button').click();
  expect(await serious(page), 'Embed open').toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByTestId('help-button').click();
  expect(await serious(page), 'Help open').toEqual([]);
  await page.getByTestId('readme-link-share-links').click();
  await expect(page.getByTestId('readme-view')).toBeVisible();
  expect(await serious(page), 'Help: README (dark)').toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByTestId('editor-prefs-button').click();
  await page.getByTestId('keybindings-select').selectOption('vim');
  expect(await serious(page), 'editor preferences open, Vim status line (dark)').toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByTestId('examples-select').selectOption('trap');
  await runAndWait(page);
  await expect(page.getByTestId('trap-source')).toBeVisible();
  expect(await serious(page), 'a trap with its source link (dark)').toEqual([]);

  await page.getByTestId('main-tab-inspector').click();
  await page.getByTestId('optimize-button').click();
  await expect(page.getByTestId('optimize-result')).toBeVisible({ timeout: 30_000 });
  expect(await serious(page), 'Inspector: Sizes with a wasm-opt result (dark)').toEqual([]);
  await page.locator('[data-testid="inspector-tab"][data-tab="wat"]').click();
  await expect(page.getByTestId('wat-view')).toContainText('(func');
  expect(await serious(page), 'Inspector: WAT (dark)').toEqual([]);
  await page.locator('[data-testid="inspector-tab"][data-tab="imports"]').click();
  expect(await serious(page), 'Inspector: imports and features (dark)').toEqual([]);
  await page.getByTestId('main-tab-output').click();

  await page.getByTestId('theme-select').selectOption('light');
  await page.setViewportSize({ width: 420, height: 800 });
  expect(await serious(page), '420 px wide (Output tab)').toEqual([]);
  await page.getByTestId('bottom-tab-settings').click();
  expect(await serious(page), '420 px wide (Run settings tab)').toEqual([]);
});
