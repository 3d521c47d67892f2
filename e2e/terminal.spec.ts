import { expect, test } from '@playwright/test';
import {
  freshStorage,
  loadExample,
  openPlayground,
  outputText,
  selectLanguage,
  setSource,
  terminalText,
  typeInTerminal,
} from './helpers';

test.describe('interactive terminal', () => {
  test.beforeEach(async ({ page }) => {
    await freshStorage(page);
  });

  test('WAT echo: prompt, type a line, answer, Ctrl+D ends (JSPI)', async ({ page }) => {
    await openPlayground(page);
    expect(
      await page.evaluate(() => typeof (WebAssembly as { Suspending?: unknown }).Suspending),
    ).toBe('function');
    await loadExample(page, 'wat', 'echo');
    await expect(page.getByTestId('output-view')).toHaveValue('terminal');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('stdin-waiting')).toBeVisible();
    await expect.poll(() => terminalText(page)).toContain('>');
    await typeInTerminal(page, 'hello wasm');
    await expect.poll(() => terminalText(page)).toContain('> hello wasm');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page)).toContain('echo: hello wasm');
    // History: Up brings the last line back; Backspace edits it.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page)).toContain('echo: hello wa\n');
    await page.keyboard.press('Control+D');
    await expect(page.getByTestId('exit-status')).toContainText('exit code 0');
    await expect(page.getByTestId('stdin-waiting')).toHaveCount(0);
    expect(await terminalText(page)).toContain('bye');
    // The list view shows the same transcript, the typed lines marked as input.
    await page.getByTestId('output-view').selectOption('list');
    await expect(
      page.locator('[data-testid="output-line"][data-stream="stdin"]').first(),
    ).toHaveText('hello wasm');
    expect(await outputText(page)).toContain('echo: hello wa');
  });

  test('waiting does not count against the time limit; Ctrl+C stops the program', async ({
    page,
  }) => {
    await openPlayground(page);
    await loadExample(page, 'wat', 'echo');
    await page.getByTestId('time-limit-input').fill('1');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('stdin-waiting')).toBeVisible();
    // Well past the 1 s limit while waiting for the user: still running.
    await page.waitForTimeout(1800);
    await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'running');
    await typeInTerminal(page, 'still here');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page)).toContain('echo: still here');
    await page.keyboard.press('Control+C');
    await expect(page.getByTestId('exit-status')).toContainText('stopped');
    expect(await terminalText(page)).toContain('^C');
  });

  test('C: the prompt shows before the read, stdio is a terminal, sleeps end at once on Stop', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await openPlayground(page);
    await selectLanguage(page, 'c');
    await page.getByTestId('output-view').selectOption('terminal');
    await setSource(
      page,
      [
        '#include <stdio.h>',
        '#include <unistd.h>',
        'int main(void) {',
        '  char name[64];',
        '  printf("tty: %d %d %d\\n", isatty(0), isatty(1), isatty(2));',
        '  printf("name? ");',
        '  if (scanf("%63s", name) != 1) return 2;',
        '  printf("hi %s\\n", name);',
        '  sleep(100);',
        '  return 0;',
        '}',
      ].join('\n'),
    );
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('stdin-waiting')).toBeVisible({ timeout: 120_000 });
    await expect.poll(() => terminalText(page)).toContain('tty: 1 1 1');
    await expect.poll(() => terminalText(page)).toContain('name?');
    await typeInTerminal(page, 'ada');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page)).toContain('hi ada');
    // Now asleep for 100 s: the worker is idle (no spinning), and Stop ends it at once.
    await page.waitForTimeout(300);
    await page.getByTestId('stop-button').click();
    await expect(page.getByTestId('exit-status')).toContainText('stopped');
  });

  test('AssemblyScript: ask and answer, pasted input included', async ({ page }) => {
    await openPlayground(page);
    await loadExample(page, 'assemblyscript', 'ask');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('stdin-waiting')).toBeVisible({ timeout: 60_000 });
    await expect.poll(() => terminalText(page)).toContain("What's your name?");
    await typeInTerminal(page, 'Grace');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => terminalText(page))
      .toContain('Hello, Grace! Your name has 5 characters.');
    // A paste arrives as one piece of input and is edited like typing.
    await page.getByTestId('terminal').locator('textarea').focus();
    await page.evaluate(() => {
      const ta = document.querySelector('[data-testid="terminal"] textarea')!;
      const data = new DataTransfer();
      data.setData('text/plain', '1906\n');
      ta.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    await expect(page.getByTestId('exit-status')).toContainText('exit code 0');
    expect(await terminalText(page)).toContain('In 2030 you will be 124.');
  });

  test('preset stdin is piped: not a terminal, end of file after it (as before)', async ({
    page,
  }) => {
    await openPlayground(page);
    await loadExample(page, 'wat', 'stdin');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('exit-status')).toContainText('exit code 0');
    expect(await outputText(page)).toContain('HELLO FROM STDIN');
    await expect(page.getByTestId('stdin-waiting')).toHaveCount(0);
  });

  test('the Atomics fallback (cross-origin isolated page) takes typed input too', async ({
    page,
  }) => {
    await openPlayground(page, '/?stdin-wait=atomics');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await loadExample(page, 'wat', 'echo');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('stdin-waiting')).toBeVisible();
    await typeInTerminal(page, 'via atomics');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page)).toContain('echo: via atomics');
    await page.keyboard.press('Control+D');
    await expect(page.getByTestId('exit-status')).toContainText('exit code 0');
  });

  test('without a way to wait, stdin is the preset only and the terminal says why', async ({
    page,
  }) => {
    await openPlayground(page, '/?stdin-wait=none');
    await loadExample(page, 'wat', 'echo');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('exit-status')).toContainText('exit code 0');
    await expect(page.getByTestId('stdin-notice')).toContainText(
      'stdin is the text in Run settings only',
    );
    expect(await terminalText(page)).toContain('bye');
  });

  test('colours and \\r in both views; the terminal finds text', async ({ page }) => {
    await openPlayground(page);
    await setSource(
      page,
      [
        '(module',
        '  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))',
        '  (memory (export "memory") 1)',
        '  (data (i32.const 16) "\\1b[31mred\\1b[0m plain\\0aloading 10%\\0dloading 99%\\0dloading done\\0a")',
        '  (func (export "_start")',
        '    (i32.store (i32.const 0) (i32.const 16)) (i32.store (i32.const 4) (i32.const 57))',
        '    (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))',
      ].join('\n'),
    );
    await page.getByTestId('output-view').selectOption('list');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('exit-status')).toContainText('exit code 0');
    const first = page.getByTestId('output-line').first();
    await expect(first).toHaveText('red plain');
    await expect(first.locator('.ansi-red-fg')).toHaveText('red');
    await expect(page.getByTestId('output-line').nth(1)).toHaveText('loading done');
    await page.getByTestId('output-view').selectOption('terminal');
    await expect.poll(() => terminalText(page)).toContain('loading done');
    expect(await terminalText(page)).not.toContain('loading 10%');
    await page.getByTestId('terminal-find').fill('plain');
    await page.getByTestId('terminal-find').press('Enter');
    await expect(page.getByTestId('terminal-find-count')).toHaveText('1 of 1');
    // The choice of view is remembered.
    await page.reload();
    await expect(page.getByTestId('output-view')).toHaveValue('terminal');
  });
});
