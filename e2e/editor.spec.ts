import { expect, test, type Page } from '@playwright/test';
import {
  editorText,
  freshStorage,
  openPlayground,
  runAndWait,
  selectLanguage,
  setSource,
} from './helpers';

test.beforeEach(async ({ page }) => freshStorage(page));

async function format(page: Page, how: 'button' | 'keys' = 'button') {
  if (how === 'button') await page.getByTestId('format-button').click();
  else {
    await page.getByTestId('editor').click();
    await page.keyboard.press('Shift+Alt+F');
  }
  await expect(page.getByTestId('toast')).toContainText(/formatted/i);
}

test('Format: WAT by our indenter (comments kept), AssemblyScript by Prettier (decorators kept)', async ({
  page,
}) => {
  await openPlayground(page);
  await setSource(page, '(module\n;; keep me\n(func $f (export "_start")\nnop))');
  await format(page);
  await expect(page.getByTestId('toast')).toContainText('WAT indenter');
  await expect
    .poll(() => editorText(page))
    .toBe('(module\n  ;; keep me\n  (func $f (export "_start")\n    nop))');
  // Undo brings the text back: Format is one edit.
  await page.getByTestId('editor').click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toContain('\n;; keep me');

  await selectLanguage(page, 'assemblyscript');
  await setSource(
    page,
    '@inline function add(a:i32,b:i32):i32{return a+b}\nconsole.log(add(1,2).toString())',
  );
  await format(page, 'keys');
  await expect(page.getByTestId('toast')).toContainText('Prettier');
  await expect
    .poll(() => editorText(page))
    .toBe(
      '@inline function add(a: i32, b: i32): i32 {\n  return a + b;\n}\nconsole.log(add(1, 2).toString());',
    );
  expect(await runAndWait(page)).toBe('exit code 0');

  // A syntax error is said, and the text is left as it was.
  await setSource(page, 'let x = = 1;');
  await page.getByTestId('format-button').click();
  await expect(page.getByTestId('toast')).toContainText('Not formatted');
  await expect.poll(() => editorText(page)).toBe('let x = = 1;');
});

test('Format: C with clang-format, in the indent chosen in the editor preferences', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  await page.getByTestId('editor-prefs-button').click();
  await page.getByTestId('tab-size-select').selectOption('4');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('editor-prefs-button')).toBeFocused();
  await selectLanguage(page, 'c');
  // Formatting needs no toolchain: the consent question may stay open.
  await setSource(page, 'int main(){int x=1;if(x){return 2;}return 0;}');
  await format(page);
  await expect(page.getByTestId('toast')).toContainText('clang-format');
  await expect
    .poll(() => editorText(page))
    .toBe('int main() {\n    int x = 1;\n    if (x) {\n        return 2;\n    }\n    return 0;\n}');
});

test('editor preferences: Vim and Emacs key bindings, word wrap, minimap, remembered', async ({
  page,
}) => {
  await openPlayground(page);
  await setSource(page, '(module)');
  await page.getByTestId('editor-prefs-button').click();
  await page.getByTestId('keybindings-select').selectOption('vim');
  await page.getByTestId('word-wrap').check();
  await page.getByTestId('minimap').check();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('editor-keystatus')).toContainText('NORMAL');
  await expect(page.locator('[data-testid="editor"] .minimap')).toBeVisible();

  // Vim: in normal mode keys are commands; `A` appends at the end of the line.
  await page.getByTestId('editor').click();
  await page.keyboard.press('Escape');
  await page.keyboard.type('0A');
  await expect(page.getByTestId('editor-keystatus')).toContainText('INSERT');
  await page.keyboard.type(' ;; vim');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('editor-keystatus')).toContainText('NORMAL');
  await expect.poll(() => editorText(page)).toBe('(module) ;; vim');

  // Remembered across a reload.
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('editor-keystatus')).toContainText('NORMAL');
  await page.getByTestId('editor-prefs-button').click();
  await expect(page.getByTestId('word-wrap')).toBeChecked();

  // Emacs: Ctrl+E goes to the end of the line, Ctrl+A to its start.
  await page.getByTestId('keybindings-select').selectOption('emacs');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('editor-keystatus')).toContainText('Emacs');
  await page.getByTestId('editor').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('x');
  await expect.poll(() => editorText(page)).toBe('x(module) ;; vim');

  // Back to the standard bindings: no status line, Ctrl+A selects all again.
  await page.getByTestId('editor-prefs-button').click();
  await page.getByTestId('keybindings-select').selectOption('default');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('editor-keystatus')).toBeHidden();
});

test('a trap links to the function that trapped in the source', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('examples-select').selectOption('trap');
  expect(await runAndWait(page)).toMatch(/trap: divi.*by zero in divide/);
  const link = page.getByTestId('trap-source');
  await expect(link).toHaveText('main.wat:8');
  await link.click();
  await expect(
    page.locator(
      '[data-testid="editor"] .current-line ~ .line-numbers.active-line-number, [data-testid="editor"] .active-line-number',
    ),
  ).toHaveText('8');
});

test('at 420 px the panels are tabs under the editor: a run shows Output, a compile error Problems', async ({
  page,
}) => {
  await page.setViewportSize({ width: 420, height: 800 });
  await openPlayground(page);
  const tabs = page.getByTestId('bottom-tabs');
  await expect(tabs.getByRole('tab')).toHaveText([
    'Output',
    'Inspector',
    'Problems',
    'Run settings',
    'Timings',
    'Instances',
    'HTTP',
  ]);
  // Arrow keys move between the tabs.
  await page.getByTestId('bottom-tab-output').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('bottom-tab-settings')).toBeFocused();
  await expect(page.getByTestId('args-input')).toBeVisible();
  await expect(page.getByTestId('output')).toBeHidden();

  expect(await runAndWait(page)).toBe('exit code 0');
  await expect(page.getByTestId('bottom-tab-output')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('output-line')).toHaveText(['Hello, WebAssembly!']);
  // The inspector is a tab here too.
  await page.getByTestId('bottom-tab-inspector').click();
  await expect(page.getByTestId('size-table')).toBeVisible();

  await setSource(page, '(module (func $f (i32.add)))');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('bottom-tab-problems')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('bottom-tab-problems')).toContainText(/Problems \(\d+\)/);

  // Wide again: the four panels are back side by side, the editor kept its text.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByTestId('bottom-tabs')).toHaveCount(0);
  await expect(page.getByTestId('output')).toBeVisible();
  await expect(page.getByTestId('args-input')).toBeVisible();
  await expect.poll(() => editorText(page)).toBe('(module (func $f (i32.add)))');
});
