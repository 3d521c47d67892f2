import { expect, test } from '@playwright/test';
import {
  freshStorage,
  openPlayground,
  outputText,
  runAndWait,
  selectLanguage,
  setSource,
} from './helpers';

test.beforeEach(async ({ page }) => freshStorage(page));

test('C: the toolchain loads with a progress bar, hello world runs, a reload compiles from cache', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openPlayground(page);
  await selectLanguage(page, 'c');
  await page.getByTestId('args-input').fill('x');
  const t0 = Date.now();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('compiler-progress')).toBeVisible();
  // Run says what it waits for: the download, not "Compiling…".
  await expect(page.getByTestId('run-button')).toHaveText(
    /^(Downloading C toolchain \d+ \/ \d+ MiB|Loading C toolchain)…$/,
  );
  await expect(page.getByTestId('exit-status')).toHaveText('exit code 0', { timeout: 120_000 });
  const cold = Date.now() - t0;
  expect(await outputText(page)).toBe('Hello from C, compiled in your browser!\nargv[1] = x');
  await expect(page.getByTestId('compiler-progress')).toHaveCount(0);
  await expect(page.getByTestId('compile-phases')).toContainText('link');
  // Warm: the toolchain stays loaded in the compiler worker.
  const t1 = Date.now();
  expect(await runAndWait(page)).toBe('exit code 0');
  const warm = Date.now() - t1;
  expect(warm).toBeLessThan(cold);
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
  const t2 = Date.now();
  expect(await runAndWait(page)).toBe('exit code 0');
  const reloaded = Date.now() - t2;
  console.log(`C hello world: cold ${cold} ms, warm ${warm} ms, after reload ${reloaded} ms`);
  expect(reloaded).toBeLessThan(10_000);
});

test('C: a compile error shows a marker and a problem; a link error is a problem too', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openPlayground(page);
  await selectLanguage(page, 'c');
  await setSource(
    page,
    '#include <stdio.h>\nint main(void) {\n  printf("%d\\n", missing);\n  return 0;\n}\n',
  );
  expect(await runAndWait(page, 120_000)).toMatch(/compile failed/);
  await expect(page.getByTestId('problem').first()).toContainText(
    "undeclared identifier 'missing'",
  );
  await expect(page.getByTestId('problem').first()).toHaveAttribute('data-line', '3');
  await expect(page.getByTestId('problem').first()).toHaveAttribute('data-column', '18');
  await expect(page.getByTestId('editor').locator('.squiggly-error')).toHaveCount(1);
  await page.getByTestId('toggle-compile-log').click();
  await expect(page.getByTestId('compile-log')).toContainText('main.c:3:18: error');
  await setSource(page, 'void helper(void);\nint main(void) {\n  helper();\n  return 0;\n}\n');
  expect(await runAndWait(page)).toMatch(/compile failed/);
  await expect(page.getByTestId('problem')).toContainText(['link error: undefined symbol: helper']);
});

test('C++: examples run, with stdin, options and an uncaught exception', async ({ page }) => {
  test.setTimeout(180_000);
  await openPlayground(page);
  await selectLanguage(page, 'cpp');
  expect(await runAndWait(page, 120_000)).toBe('exit code 0');
  expect(await outputText(page)).toBe('Hello from C++, compiled in your browser!');
  await page.getByTestId('examples-select').selectOption('words');
  await page.getByTestId('opt-level').selectOption('-Os');
  expect(await runAndWait(page)).toBe('exit code 0');
  expect(await outputText(page)).toMatch(/^3 lines, 9 distinct words\n3 the\n/);
  await page.getByTestId('examples-select').selectOption('exception');
  expect(await runAndWait(page)).toMatch(/trap: unreachable/);
  await expect(page.getByTestId('output-line').last()).toHaveAttribute('data-stream', 'stderr');
  expect(await outputText(page)).toContain(
    "terminate called after throwing an instance of 'std::out_of_range'",
  );
  await page.getByTestId('examples-select').selectOption('nbody');
  await page.getByTestId('compiler-flags').fill('-DSTEPS=1000');
  expect(await runAndWait(page)).toBe('exit code 0');
  expect(await outputText(page)).toBe('-0.169075164\n-0.169087605');
});

test('C/C++ ask before the ≈20 MB download (105 MB unpacked); it can be cancelled and started again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const toolchainRequests: string[] = [];
  page.on('request', (r) => {
    if (/llvm[^/]*\.(wasm|tar)/.test(r.url())) toolchainRequests.push(r.url());
  });
  await openPlayground(page);
  await selectLanguage(page, 'c');
  // The size on the wire (the preview server sends the build's brotli copies), and unpacked.
  await expect(page.getByTestId('toolchain-consent')).toContainText(
    'about 20 MB (105 MB unpacked)',
  );
  // Nothing is fetched before the user agrees.
  await page.waitForTimeout(1000);
  expect(toolchainRequests).toEqual([]);
  await expect(page.getByTestId('compiler-progress')).toHaveCount(0);

  await page.getByTestId('toolchain-download').click();
  await expect(page.getByTestId('compiler-progress')).toBeVisible();
  await page.getByTestId('toolchain-cancel').click();
  await expect(page.getByTestId('compiler-progress')).toHaveCount(0);
  await expect(page.getByTestId('toolchain-consent')).toContainText('Download cancelled');
  await expect(page.getByTestId('status-live')).toHaveText('C (clang) download cancelled');

  await page.getByTestId('toolchain-download').click();
  await expect(page.getByTestId('compiler-progress')).toBeVisible();
  // The bar counts the bytes that cross the wire, not the 105 MB they unpack to.
  await expect
    .poll(async () =>
      Number(await page.getByTestId('compiler-progress').getAttribute('data-total')),
    )
    .toBeGreaterThan(15e6);
  const total = Number(await page.getByTestId('compiler-progress').getAttribute('data-total'));
  expect(total).toBeLessThan(25e6);
  await expect(page.getByTestId('compiler-progress')).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByTestId('status-live')).toHaveText('C (clang) toolchain loaded');
  expect(await runAndWait(page)).toBe('exit code 0');

  // The answer is remembered: no question after a reload.
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('toolchain-consent')).toHaveCount(0);
});
