// Issue #28 in the browser: a project's units compile on several workers, C++ catches, and a
// system header's message reaches Problems as one row per message.
import { expect, test, type Page } from '@playwright/test';
import {
  freshStorage,
  newFile,
  openPlayground,
  outputText,
  runAndWait,
  selectLanguage,
  setSource,
} from './helpers';

test.beforeEach(async ({ page }) => freshStorage(page));

/** A new file of the project, with `text` typed in. */
async function addFile(page: Page, name: string, text: string) {
  await newFile(page, name);
  await setSource(page, text);
}

test('a C project compiles its units on two workers, then only the file that changed', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openPlayground(page, '/?jobs=2');
  await selectLanguage(page, 'c');
  await page.getByTestId('examples-select').selectOption('modules');
  expect(await runAndWait(page, 180_000)).toBe('exit code 0');
  // The first build starts a helper; it takes units only once its clang is loaded, so a small
  // project's first build may finish alone. Rebuilding every unit (another level) uses both.
  const phases = page.getByTestId('compile-phases');
  await expect(phases).toContainText('compiled 3 of 3 files');
  let level = 0;
  await expect(async () => {
    await page.getByTestId('opt-level').selectOption(['-O1', '-O2', '-Os'][level++ % 3]);
    expect(await runAndWait(page)).toBe('exit code 0');
    await expect(phases).toContainText('compiled 3 of 3 files on 2 workers', { timeout: 100 });
  }).toPass({ timeout: 60_000 });
  const first = await outputText(page);
  expect(first).toContain('area');
  // The helper stays warm; an edit to one unit recompiles that one alone.
  await page.getByTestId('file-tree').getByText('rect.c').click();
  await page.getByTestId('editor').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\n/* edited */\n');
  expect(await runAndWait(page)).toBe('exit code 0');
  await expect(page.getByTestId('compile-phases')).toContainText('compiled 1 of 3 files');
  expect(await outputText(page)).toBe(first);
});

test('C++ exceptions are caught in the browser; an uncaught one says what was thrown', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openPlayground(page);
  await selectLanguage(page, 'cpp');
  await page.getByTestId('examples-select').selectOption('exceptions');
  expect(await runAndWait(page, 150_000)).toBe('exit code 0');
  const out = await outputText(page);
  expect(out).toContain("line 2: not a number: 'five'");
  expect(out).toContain('std::exception: vector');
  expect(out).toContain('caught again by catch (...)');
  await page.getByTestId('examples-select').selectOption('exception');
  expect(await runAndWait(page)).toMatch(/trap: unreachable/);
  expect(await outputText(page)).toContain(
    "terminate called after throwing an instance of 'std::out_of_range'\n  what():  vector",
  );
});

test("a system header's #error is a problem on the include line; a repeated one is one row", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openPlayground(page);
  await selectLanguage(page, 'c');
  await setSource(
    page,
    '#include "flags.h"\nint main(void) { return (int)flag_a + (int)flag_b; }\n',
  );
  await addFile(page, 'flags.h', '#include <signal.h>\nextern sig_atomic_t flag_a, flag_b;\n');
  await addFile(page, 'a.c', '#include "flags.h"\nsig_atomic_t flag_a;\n');
  await addFile(page, 'b.c', '#include "flags.h"\nsig_atomic_t flag_b;\n');
  // Without the default that makes <signal.h> usable, wasi-libc's message names the fix.
  await page.getByTestId('compiler-flags').fill('-U_WASI_EMULATED_SIGNAL');
  expect(await runAndWait(page, 150_000)).toMatch(/compile failed/);
  const header = page.getByTestId('problem').filter({ hasText: 'in signal.h:' });
  await expect(header).toHaveCount(1);
  await expect(header).toHaveAttribute('data-file', 'flags.h');
  await expect(header).toHaveAttribute('data-line', '1');
  await expect(header).toContainText('compile with -D_WASI_EMULATED_SIGNAL');
  const unknown = page
    .getByTestId('problem')
    .filter({ hasText: "unknown type name 'sig_atomic_t'" });
  await expect(unknown).toHaveCount(1);
  const count = page.getByTestId('problem-count').last();
  await expect(count).toHaveText(/^×\d+ in 3 files$/);
  await count.click();
  await expect(page.getByTestId('problem-place')).not.toHaveCount(0);
  // With the defaults back, the same project builds.
  await page.getByTestId('compiler-flags').fill('');
  expect(await runAndWait(page)).toBe('exit code 0');
  await expect(page.getByTestId('problem')).toHaveCount(0);
});
