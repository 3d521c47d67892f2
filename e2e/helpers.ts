import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Opens the playground with a clean autosave and waits until the editor and Run are ready. */
export async function openPlayground(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('run-button')).toBeEnabled();
}

/** Replaces the editor's text the way a paste does. */
export async function setSource(page: Page, text: string) {
  await page.getByTestId('editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

export async function selectLanguage(page: Page, id: string) {
  await page.getByTestId('language-select').selectOption(id);
}

/** Presses Run and waits for the run to end; returns the exit status text. */
export async function runAndWait(page: Page, timeout = 60_000) {
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('exit-status')).toBeVisible({ timeout });
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'idle', { timeout });
  return (await page.getByTestId('exit-status').textContent()) ?? '';
}

export async function outputText(page: Page) {
  return (await page.getByTestId('output-line').allTextContents()).join('\n');
}

/** Compiles WAT with wabt in the test process (independent of the app's compiler). */
export async function watToWasm(source: string): Promise<Uint8Array> {
  const wabt = await (await import('wabt')).default();
  const mod = wabt.parseWat('t.wat', source);
  try {
    return new Uint8Array(mod.toBinary({}).buffer);
  } finally {
    mod.destroy();
  }
}

/** Clears localStorage once per test (not on reloads within it). */
export async function freshStorage(page: Page) {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('keep')) localStorage.clear();
    sessionStorage.setItem('keep', '1');
  });
}

/** The text of the editor's visible lines, in order (short files: every line). */
export async function editorText(page: Page): Promise<string> {
  return page.getByTestId('editor').evaluate((el) =>
    [...el.querySelectorAll<HTMLElement>('.view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '))
      .join('\n')
      .replace(/\s+$/, ''),
  );
}

/** Waits until the autosave has stored everything changed so far (IndexedDB and settings). */
export async function autosaved(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-autosave', 'saved');
}

/** A WAT hello world with a helper function; `extra` goes into _start before the write. */
export const helloWithHelper = (extra = '') => `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello\\n")
  (func $helper (result i32) i32.const 7)
  (func $main (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 6))${extra}
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))`;

/** Makes a file (or, with `folder`, a folder) through the file tree's New button. */
export async function newFile(page: Page, name: string, folder = false) {
  await page.getByTestId(folder ? 'new-folder-button' : 'new-file-button').click();
  const input = page.getByTestId('new-path-input');
  await input.fill(name);
  await input.press('Enter');
}

/** The terminal's text as xterm renders it (rows of its DOM renderer). */
export async function terminalText(page: Page) {
  return (await page.getByTestId('terminal').locator('.xterm-rows').innerText()).replace(
    /\u00a0/g,
    ' ',
  );
}

/** Chooses a language, then one of its examples. */
export async function loadExample(page: Page, language: string, example: string) {
  await selectLanguage(page, language);
  await page.getByTestId('examples-select').selectOption(example);
}

/** Types into the terminal (its focused textarea gets the keys). */
export async function typeInTerminal(page: Page, text: string) {
  await page.getByTestId('terminal').locator('textarea').focus();
  await page.keyboard.type(text);
}

/** A file or folder of the project's tree. */
export const fileEntry = (page: Page, path: string) =>
  page.locator(`[data-testid="file-entry"][data-path="${path}"]`);
