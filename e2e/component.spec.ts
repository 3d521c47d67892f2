import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  fixture,
  freshStorage,
  openPlayground,
  outputText,
  runAndWait,
  selectLanguage,
  setSource,
  terminalText,
  watToWasm,
} from './helpers';

test.beforeEach(async ({ page }) => freshStorage(page));

const PROGRAM = `#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  printf("hello from a component, argv[1] = %s\\n", argc > 1 ? argv[1] : "-");
  FILE *f = fopen("data.txt", "r");
  if (!f) {
    perror("data.txt");
    return 2;
  }
  char line[64] = {0};
  fgets(line, sizeof line, f);
  fclose(f);
  printf("data.txt says: %s", line);
  char in[32] = {0};
  if (fgets(in, sizeof in, stdin)) printf("stdin: %s", in);
  printf("GREETING = %s\\n", getenv("GREETING") ? getenv("GREETING") : "(unset)");
  FILE *o = fopen("out.txt", "w");
  fputs("written by a component\\n", o);
  fclose(o);
  return 3;
}
`;

async function openComponentTab(page: Page) {
  await page.getByTestId('main-tab-inspector').click();
  await page.locator('[data-testid="inspector-tab"][data-tab="component"]').click();
}

test('C built as a component prints, reads a file, sees argv, env and stdin, writes a file and exits 3; its WIT and sizes show; downloaded, it opens and runs again', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openPlayground(page);
  await selectLanguage(page, 'c');
  await page
    .getByTestId('upload-files-input')
    .setInputFiles([
      { name: 'data.txt', mimeType: 'text/plain', buffer: Buffer.from('bytes from the project\n') },
    ]);
  await page.locator('[data-testid="file-entry"][data-path="main.c"]').click();
  await setSource(page, PROGRAM);
  await page.getByTestId('args-input').fill('first');
  await page.getByTestId('stdin-input').fill('typed ahead\n');
  await page.getByTestId('env-input').fill('GREETING=hi');
  await page.getByTestId('as-component').check();
  expect(await runAndWait(page, 180_000)).toBe('exit code 3');
  expect(await outputText(page)).toBe(
    [
      'hello from a component, argv[1] = first',
      'data.txt says: bytes from the project',
      'stdin: typed ahead',
      'GREETING = hi',
    ].join('\n'),
  );
  // The extra phases, and the file the component wrote comes back as a run change.
  await expect(page.getByTestId('compile-phases')).toContainText('component-new');
  await expect(page.getByTestId('compile-phases')).toContainText('transpile');
  await expect(page.locator('[data-testid="file-entry"][data-path="out.txt"]')).toBeVisible();

  await openComponentTab(page);
  const wit = page.getByTestId('component-wit');
  await expect(wit).toContainText('export wasi:cli/run@');
  await expect(wit).toContainText('import wasi:cli/stdout@');
  await expect(wit).toContainText('import wasi:filesystem/preopens@');
  const size = page.getByTestId('component-size');
  const core = Number(await size.getAttribute('data-core'));
  const component = Number(await size.getAttribute('data-component'));
  expect(core).toBeGreaterThan(1000);
  expect(component).toBeGreaterThan(core);

  const download = page.waitForEvent('download');
  await page.getByTestId('download-component').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('main.component.wasm');
  const bytes = readFileSync((await file.path())!);
  expect(bytes.length).toBe(component);
  // A component: version 0x0d, layer 1.
  expect([...bytes.subarray(0, 8)]).toEqual([0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0]);

  // Opened from disk, it is recognised as a component and runs (setting or not).
  await page.getByTestId('as-component').uncheck();
  await page.getByTestId('open-wasm-input').setInputFiles({
    name: 'main.component.wasm',
    mimeType: 'application/wasm',
    buffer: bytes,
  });
  // (The badge said "exit code 3" before this run too: the output is what tells the runs apart.)
  await expect
    .poll(() => outputText(page), { timeout: 60_000 })
    .toContain('data.txt says: bytes from the project');
  await expect(page.getByTestId('exit-status')).toHaveText('exit code 3', { timeout: 60_000 });
  await openComponentTab(page);
  await expect(page.getByTestId('component-wit')).toContainText('wasi:cli/run');
});

test('a module that cannot become a component names the import; a component of another world is shown, not run', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  await selectLanguage(page, 'wat');
  await setSource(
    page,
    `(module
  (import "env" "js_log" (func $log (param i32)))
  (memory (export "memory") 1)
  (func (export "_start") (call $log (i32.const 1))))`,
  );
  await page.getByTestId('as-component').check();
  const status = await runAndWait(page);
  expect(status).toMatch(/error/);
  expect(await outputText(page)).toMatch(/the import env\.js_log blocks it/);
  // The preview 1 module is still the last module: it downloads.
  await expect(page.getByTestId('download-wasm')).toBeEnabled();

  // A component that loops is stopped like any program.
  await setSource(page, fixture('loop.wat'));
  await page.getByTestId('run-button').click();
  // The phases are published when the component's run starts.
  await expect(page.getByTestId('compile-phases')).toContainText('transpile', { timeout: 60_000 });
  await page.getByTestId('stop-button').click();
  await expect(page.getByTestId('exit-status')).toHaveText('stopped by user');

  // A component whose world exports no wasi:cli/run (built here with jco's wasm-tools).
  const { componentNew } = await import('@bytecodealliance/jco-transpile/wasm-tools');
  const core = await watToWasm(
    '(module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))',
  );
  const other = await componentNew(core);
  await page.getByTestId('open-wasm-input').setInputFiles({
    name: 'adder.wasm',
    mimeType: 'application/wasm',
    buffer: Buffer.from(other),
  });
  await expect(page.getByTestId('output-line').first()).toContainText(
    /world "root".*shown, not run/,
    { timeout: 60_000 },
  );
  await expect(page.getByTestId('exit-status')).toContainText(/error/);
  await openComponentTab(page);
  await expect(page.getByTestId('component-wit')).toContainText('world root');
});

test('a component asks and the user answers in the terminal (its worker waits in Atomics.wait)', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openPlayground(page);
  await selectLanguage(page, 'c');
  await page.getByTestId('output-view').selectOption('terminal');
  await page.getByTestId('as-component').check();
  await expect(page.getByTestId('stdin-then-terminal')).toBeVisible();
  await setSource(
    page,
    [
      '#include <stdio.h>',
      'int main(void) {',
      '  char name[64];',
      '  for (int i = 0; i < 2; i++) {',
      '    printf("name? ");',
      '    fflush(stdout);',
      '    if (scanf("%63s", name) != 1) return 2;',
      '    printf("hi %s\\n", name);',
      '  }',
      '  return 0;',
      '}',
    ].join('\n'),
  );
  const terminal = () => terminalText(page);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('stdin-waiting')).toBeVisible({ timeout: 120_000 });
  await expect.poll(terminal).toContain('name?');
  await page.getByTestId('terminal').locator('textarea').focus();
  await page.keyboard.type('ada');
  await page.keyboard.press('Enter');
  await expect.poll(terminal).toContain('hi ada');
  await page.keyboard.type('grace');
  await page.keyboard.press('Enter');
  await expect.poll(terminal).toContain('hi grace');
  await expect(page.getByTestId('exit-status')).toHaveText('exit code 0');
  await expect(page.getByTestId('exit-status')).toHaveAttribute('data-component', /.+/);
});
