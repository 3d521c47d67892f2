import { expect, test, type Page } from '@playwright/test';
import { fixture, freshStorage, openPlayground, setSource } from './helpers';

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

test('dialogs take focus, close on Escape and give focus back; their fields are labelled', async ({
  page,
}) => {
  await openPlayground(page);
  const active = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

  await page.getByTestId('share-button').click();
  expect(await active()).toBe('share-url');
  await expect(page.getByRole('textbox', { name: 'Link to this project' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('share-url')).toHaveCount(0);
  expect(await active()).toBe('share-button');

  await page.getByTestId('embed-button').click();
  await expect(page.getByRole('dialog', { name: 'Embed this program' })).toBeVisible();
  expect(await active()).toBe('embed-readonly');
  await expect(page.getByRole('textbox', { name: /Embed snippet/ })).toBeVisible();
  // Tab stays inside the modal dialog.
  for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(
    true,
  );
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await active()).toBe('embed-button');

  await page.getByTestId('projects-button').click();
  expect(await active()).toBe('new-project-language');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await active()).toBe('projects-button');
});

test('the page has a main landmark and a heading', async ({ page }) => {
  await openPlayground(page);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Wasm Playground/);
});

test('switching language clears the last run; Clear says the output was cleared', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('exit-status')).toContainText('exit code 0');
  await page.getByTestId('clear-output').click();
  await expect(page.getByTestId('output')).toContainText('Output cleared.');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('output-line')).toHaveCount(1);
  await page.getByTestId('language-select').selectOption('assemblyscript');
  await expect(page.getByTestId('output-line')).toHaveCount(0);
  await expect(page.getByTestId('exit-status')).toHaveCount(0);
  await expect(page.getByTestId('output')).toContainText('Press Run');
});

test('skip link, focus kept on Run and Stop, Ctrl+Enter from Run settings', async ({ page }) => {
  await openPlayground(page);
  // The first Tab reaches the skip link; following it puts the focus on the Output panel.
  await page.locator('body').press('Tab');
  await expect(page.getByTestId('skip-to-output')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#output')).toBeFocused();

  // Run from the keyboard: the focus stays on Run through the run and after it.
  await setSource(page, fixture('loop.wat'));
  await page.getByTestId('run-button').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('run-button')).toBeFocused();
  await page.getByTestId('stop-button').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('exit-status')).toContainText('stopped');
  await expect(page.getByTestId('stop-button')).toBeFocused();

  // Ctrl+Enter in a Run settings field runs the program.
  await setSource(page, '(module (func (export "_start")))');
  await page.getByTestId('args-input').focus();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('exit-status')).toContainText('exit code 0');
});

test('help: the ? button, ? and F1 open the shortcuts dialog; Escape closes it', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByTestId('help-button').click();
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await expect(page.getByTestId('shortcuts-dialog')).toContainText('Ctrl+D (terminal)');
  await expect(page.getByTestId('shortcuts-dialog')).toContainText('Shift+Alt+F');
  // The README sections it names open in the dialog, at their heading (bundled: works offline).
  await page.getByTestId('readme-link-embedding').click();
  await expect(page.locator('#readme-embedding')).toBeFocused();
  await expect(page.getByTestId('readme-view')).toContainText('postMessage');
  await page.getByRole('button', { name: '← Back to help' }).click();
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-dialog')).toHaveCount(0);
  await expect(page.getByTestId('help-button')).toBeFocused();
  await page.keyboard.press('F1');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  // "?" typed in a text field is a character, not a shortcut.
  await page.getByTestId('args-input').fill('');
  await page.getByTestId('args-input').press('?');
  await expect(page.getByTestId('args-input')).toHaveValue('?');
  await expect(page.getByTestId('shortcuts-dialog')).toHaveCount(0);
});

test('at 1280 px the toolbar stays on one row for every language', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPlayground(page);
  for (const lang of ['wat', 'assemblyscript', 'c', 'cpp']) {
    await page.getByTestId('language-select').selectOption(lang);
    const run = await page.getByTestId('run-button').boundingBox();
    const theme = await page.getByTestId('theme-select').boundingBox();
    expect(Math.abs(run!.y - theme!.y), lang).toBeLessThan(10);
  }
});

test('the resize separators have names', async ({ page }) => {
  await openPlayground(page);
  const names = await page
    .getByRole('separator')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(names.length).toBeGreaterThanOrEqual(4);
  for (const n of names) expect(n).toMatch(/^Resize /);
});

/**
 * Presses Tab (or Shift+Tab) until the control with `testId` has the focus. The editor is left
 * the documented way (Escape, then Tab). Fails with the path taken when it is not reached.
 */
async function tabTo(page: Page, testId: string, { back = false, max = 80 } = {}) {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    const here = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        id: el?.getAttribute('data-testid') ?? '',
        label: el?.getAttribute('aria-label') ?? el?.textContent?.slice(0, 20) ?? el?.tagName ?? '',
        editor: !!el?.closest('[data-testid="editor"]'),
      };
    });
    if (here.id === testId) return;
    path.push(here.id || here.label);
    if (here.editor) await page.keyboard.press('Escape');
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${testId} not reached with Tab; went through: ${path.join(' → ')}`);
}

test('keyboard only: change language, run, read and copy the output, Share, Embed, Run settings', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  await page.locator('body').focus();

  // The language select: arrows choose (as in any native select).
  await tabTo(page, 'language-select');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('language-select')).toHaveValue('assemblyscript');

  await tabTo(page, 'run-button');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('exit-status')).toContainText('exit code 0', { timeout: 60_000 });
  await expect(page.getByTestId('run-button')).toBeFocused();

  // Forward through the editor (Escape, Tab) and the panels to the output, which scrolls by keys.
  await tabTo(page, 'output');
  await expect(page.getByTestId('output-line').first()).toHaveText('Hello from AssemblyScript!');
  await page.keyboard.press('End');

  // Copy all (Shift+Tab back to the output tools).
  await tabTo(page, 'copy-output', { back: true });
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    'Hello from AssemblyScript!',
  );

  // Share: the link takes the focus; Escape gives it back to Share.
  await tabTo(page, 'share-button', { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('share-url')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('share-button')).toBeFocused();

  // Embed: a modal dialog, closed by Escape.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('embed-button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Embed this program' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('embed-button')).toBeFocused();

  // Run settings: type arguments, run from the field with Ctrl+Enter.
  await tabTo(page, 'args-input');
  await page.keyboard.type('one two');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('output-line').nth(1)).toContainText('one', { timeout: 60_000 });
});
