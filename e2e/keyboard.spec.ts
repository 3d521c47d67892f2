import { expect, test, type Page } from '@playwright/test';
import { freshStorage, openPlayground, setSource } from './helpers';

test.beforeEach(async ({ page }) => freshStorage(page));

const focusInEditor = (page: Page) =>
  page.evaluate(() => !!document.activeElement?.closest('[data-testid="editor"]'));

test('the editor is no keyboard trap: Escape then Tab, or Ctrl+M, leaves it; Tab alone indents', async ({
  page,
}) => {
  await openPlayground(page);
  await setSource(page, '(module)');
  // Tab alone indents, as in any code editor.
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  expect(await focusInEditor(page)).toBe(true);
  await expect(page.getByTestId('editor')).toContainText(/\s+\(module\)/);

  // Escape, then Tab: focus goes to the next control after the editor; Shift+Tab goes back before it.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await focusInEditor(page)).toBe(false);
  await page.getByTestId('editor').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Tab');
  expect(await focusInEditor(page)).toBe(false);

  // Ctrl+M makes Tab move focus for good; Ctrl+M again makes it indent.
  await page.getByTestId('editor').click();
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  expect(await focusInEditor(page)).toBe(false);
  await page.getByTestId('editor').click();
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  expect(await focusInEditor(page)).toBe(true);
});
