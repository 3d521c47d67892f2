import { expect, test } from '@playwright/test';
import {
  autosaved,
  fixture,
  freshStorage,
  openPlayground,
  outputText,
  runAndWait,
  selectLanguage,
  setSource,
  watToWasm,
} from './helpers';

test.beforeEach(async ({ page }) => freshStorage(page));

test('Share puts the program in the URL; a fresh browser opens the same code and settings', async ({
  page,
  browser,
}) => {
  await openPlayground(page);
  await selectLanguage(page, 'assemblyscript');
  await setSource(page, 'console.log("shared ✓ ünïcode");\n');
  await page.getByTestId('opt-level').selectOption('-O3');
  await page.getByTestId('stdin-input').fill('shared stdin');
  await page.getByTestId('args-input').fill('a "b c"');
  await page.getByTestId('env-input').fill('K=v');
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('toast')).toContainText(/Link copied|Copy the link/);
  const link = await page.getByTestId('share-url').inputValue();
  expect(link).toMatch(/#v2\.[A-Za-z0-9_-]+$/);
  // The address bar holds the link until the next edit.
  expect(page.url()).toBe(link);
  await page.getByTestId('stdin-input').fill('shared stdin');
  expect(page.url()).toBe(link);
  await page.getByTestId('stdin-input').fill('edited');
  await expect.poll(() => page.url()).not.toContain('#');
  await page.getByTestId('stdin-input').fill('shared stdin');

  const other = await browser.newContext();
  const p2 = await other.newPage();
  await openPlayground(p2, link);
  await expect(p2.getByTestId('language-select')).toHaveValue('assemblyscript');
  await expect(p2.getByTestId('editor')).toContainText('console.log("shared ✓ ünïcode");');
  await expect(p2.getByTestId('opt-level')).toHaveValue('-O3');
  await expect(p2.getByTestId('stdin-input')).toHaveValue('shared stdin');
  await expect(p2.getByTestId('args-input')).toHaveValue('a "b c"');
  await expect(p2.getByTestId('env-input')).toHaveValue('K=v');
  // Not run on open: the link did not ask for it.
  await expect(p2.getByTestId('output-count')).toHaveAttribute('data-value', '0');
  await expect(p2.getByTestId('run-button')).toHaveAttribute('data-state', 'idle');
  await other.close();
});

test('a link with run=1 runs on open', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('share-button').click();
  const link = new URL(await page.getByTestId('share-url').inputValue());
  link.search = '?run=1';
  await page.goto('about:blank');
  await page.goto(link.toString());
  await expect(page.getByTestId('output-line')).toHaveText(['Hello, WebAssembly!']);
});

test('a broken or future link shows a clear message and the last state', async ({ page }) => {
  await openPlayground(page);
  await setSource(page, ';; my own work\n(module)');
  await autosaved(page);
  for (const hash of ['#v1.bm90IGRlZmxhdGU', '#v9.abc', '#v1.%%%']) {
    await page.goto('/' + hash);
    await expect(page.getByTestId('share-error')).toBeVisible();
    await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId('editor')).toContainText(';; my own work');
  }
  await expect(page.getByTestId('share-error')).toContainText(/newer playground|damaged|format/);
});

test('opening a shared link keeps the draft one click away', async ({ page, browser }) => {
  // Someone else shares a program…
  const ctx = await browser.newContext();
  const sharer = await ctx.newPage();
  await openPlayground(sharer);
  await setSource(sharer, ';; shared program\n(module)');
  await sharer.getByTestId('share-button').click();
  const link = await sharer.getByTestId('share-url').inputValue();
  await ctx.close();
  // …and I open it over my own work.
  await openPlayground(page);
  await setSource(page, ';; my precious draft\n(module)');
  await autosaved(page);
  await page.goto(link);
  await expect(page.getByTestId('editor')).toContainText(';; shared program');
  await page.getByTestId('restore-draft').click();
  await expect(page.getByTestId('editor')).toContainText(';; my precious draft');
});

test('a link over 8 KB warns that chat apps may cut it, and still works', async ({
  page,
  browser,
}) => {
  await openPlayground(page);
  let seed = 42;
  const noise = Array.from({ length: 1000 }, () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return ';; ' + seed.toString(36).repeat(3);
  }).join('\n');
  await setSource(page, noise + '\n(module)');
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('toast')).toContainText('some chat apps cut links');
  const link = await page.getByTestId('share-url').inputValue();
  expect(link.length).toBeGreaterThan(8192);
  const ctx = await browser.newContext();
  const fresh = await ctx.newPage();
  await openPlayground(fresh, link);
  await expect(fresh.getByTestId('editor')).toContainText(noise.split('\n')[0]);
  await ctx.close();
});

test('Open .wasm runs a WASI module; a PNG renamed .wasm gets a clear error', async ({ page }) => {
  await openPlayground(page);
  const wasm = await watToWasm(fixture('../../src/languages/wat/examples/hello.wat'));
  await page
    .getByTestId('open-wasm-input')
    .setInputFiles({ name: 'hello.wasm', mimeType: 'application/wasm', buffer: Buffer.from(wasm) });
  await expect(page.getByTestId('exit-status')).toContainText('exit code 0');
  expect(await outputText(page)).toBe('Hello, WebAssembly!');
  await expect(page.getByTestId('wasm-size')).toHaveAttribute(
    'data-value',
    String(wasm.byteLength),
  );
  await expect(page.getByTestId('timing-instantiate')).toHaveAttribute('data-value', /\d/);

  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  await page
    .getByTestId('open-wasm-input')
    .setInputFiles({ name: 'picture.wasm', mimeType: 'application/wasm', buffer: png });
  await expect(page.getByTestId('exit-status')).toContainText(
    'not a WebAssembly module: bad magic',
  );
  // The editor content is untouched.
  await expect(page.getByTestId('editor')).toContainText('Hello world as a WASI command');
});

test('Download .wasm and .wat of the compiled program', async ({ page }) => {
  await openPlayground(page);
  expect(await runAndWait(page)).toMatch(/exit code 0/);
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-wasm').click(),
  ]);
  expect(dl.suggestedFilename()).toBe('main.wasm');
  const bytes = await (await dl.createReadStream()).toArray();
  const buf = Buffer.concat(bytes);
  expect([...buf.subarray(0, 4)]).toEqual([0, 0x61, 0x73, 0x6d]);
  await selectLanguage(page, 'assemblyscript');
  expect(await runAndWait(page)).toMatch(/exit code 0/);
  const [wat] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-wat').click(),
  ]);
  expect(wat.suggestedFilename()).toBe('main.wat');
  const text = Buffer.concat(await (await wat.createReadStream()).toArray()).toString();
  expect(text).toMatch(/^\(module/);
  expect(text).toContain('(export "_start"');
});
