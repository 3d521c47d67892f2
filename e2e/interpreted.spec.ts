import { expect, test } from '@playwright/test';
import { embedLink, messages, openHost, outputOf, send, waitFor } from './embedHost';
import {
  fileEntry,
  freshStorage,
  loadExample,
  openPlayground,
  outputText,
  runAndWait,
  selectLanguage,
  setSource,
  terminalText,
  typeInTerminal,
} from './helpers';

test.describe('Python (MicroPython)', () => {
  test.beforeEach(async ({ page }) => {
    await freshStorage(page);
    await openPlayground(page);
  });

  test('hello: output, the interpreter in Timings, no download to ask about', async ({ page }) => {
    await loadExample(page, 'python', 'hello');
    await expect(page.getByTestId('toolchain-consent')).toHaveCount(0);
    expect(await runAndWait(page)).toContain('exit code 0');
    expect(await outputText(page)).toContain('Hello, WebAssembly!');
    expect(await outputText(page)).toContain(
      'squares: [1, 4, 9, 16, 25, 36, 49, 64, 81, 100] sum: 385',
    );
    await expect(page.getByTestId('timing-interpreter')).toContainText('MicroPython 1.27');
    await expect(page.getByTestId('wasm-size')).toHaveAttribute('data-value', '433743');
    // No module of the program's own: Download gives its source; the inspector says why and
    // opens the interpreter's module on request.
    await expect(page.getByTestId('download-wasm')).toHaveCount(0);
    const download = page.waitForEvent('download');
    await page.getByTestId('download-source').click();
    expect((await download).suggestedFilename()).toBe('main.py');
    await page.getByTestId('main-tab-inspector').click();
    await expect(page.getByTestId('inspect-interpreted')).toContainText(
      'interpreted by MicroPython',
    );
    await page.getByTestId('inspect-interpreter').click();
    await expect(page.getByTestId('size-table')).toBeVisible();
    await expect(page.getByTestId('inspect-interpreted')).toContainText('the interpreter’s module');
  });

  test('input() waits for the terminal', async ({ page }) => {
    await loadExample(page, 'python', 'ask');
    await expect(page.getByTestId('output-view')).toHaveValue('terminal');
    await page.getByTestId('run-button').click();
    await expect.poll(() => terminalText(page)).toContain('A whole number:');
    await typeInTerminal(page, '13\n');
    await expect.poll(() => terminalText(page)).toContain('prime!');
    await expect(page.getByTestId('exit-status')).toContainText('exit code 0');
  });

  test('a file the program writes appears in the tree', async ({ page }) => {
    await loadExample(page, 'python', 'files');
    expect(await runAndWait(page)).toContain('exit code 0');
    expect(await outputText(page)).toContain('1. grace     97');
    await expect(fileEntry(page, 'report.txt')).toBeVisible();
  });

  test('an exception marks its line; Stop ends an endless loop and the next Run works', async ({
    page,
  }) => {
    await loadExample(page, 'python', 'error');
    expect(await runAndWait(page)).toContain('exit code 1');
    expect(await outputText(page)).toContain('ZeroDivisionError');
    const problem = page.getByTestId('problem').first();
    await expect(problem).toContainText('ZeroDivisionError');
    await expect(problem).toHaveAttribute('data-line', '3');
    await expect(page.locator('.monaco-editor .squiggly-error')).not.toHaveCount(0);

    await setSource(page, 'n = 0\nwhile True:\n    n += 1\n');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'running');
    await page.waitForTimeout(300);
    const t0 = Date.now();
    await page.getByTestId('stop-button').click();
    await expect(page.getByTestId('exit-status')).toContainText('stopped');
    expect(Date.now() - t0).toBeLessThan(1000);
    await setSource(page, 'print("again")\n');
    expect(await runAndWait(page)).toContain('exit code 0');
    expect(await outputText(page)).toContain('again');
  });
});

test('Python: a million lines arrive, the page stays responsive, the next Run works', async ({
  page,
}) => {
  await freshStorage(page);
  await openPlayground(page);
  await selectLanguage(page, 'python');
  await setSource(page, 'for i in range(1000000):\n    print(i)\n');
  expect(await runAndWait(page, 120_000)).toContain('exit code 0');
  await expect(page.getByTestId('output-count')).toHaveAttribute('data-value', '1000000');
  // The page answers at once: a click in the editor and a keystroke land.
  const t0 = Date.now();
  await setSource(page, 'print("next")\n');
  expect(Date.now() - t0).toBeLessThan(3000);
  expect(await runAndWait(page)).toContain('exit code 0');
  expect(await outputText(page)).toBe('next');
});

test('Format: Python with ruff; Ruby says no formatter runs here', async ({ page }) => {
  await freshStorage(page);
  await openPlayground(page);
  await selectLanguage(page, 'python');
  await setSource(page, 'def  f( x ):\n  return {"a":x}\nprint( f(1) )\n');
  await page.getByTestId('format-button').click();
  await expect(page.getByTestId('toast')).toContainText('ruff format');
  await expect(page.getByTestId('editor')).toContainText('return {"a": x}');
  await selectLanguage(page, 'ruby');
  await page.getByTestId('format-button').click();
  await expect(page.getByTestId('toast')).toContainText('no formatter for this language');
});

test.describe('Ruby (ruby.wasm)', () => {
  test.beforeEach(async ({ page }) => {
    await freshStorage(page);
    await openPlayground(page);
  });

  test('asks before the download, then runs hello, gets, files and errors', async ({ page }) => {
    const rubyRequests: string[] = [];
    page.on('request', (r) => {
      if (/ruby_stdlib-[\w-]+\.wasm/.test(r.url())) rubyRequests.push(r.url());
    });
    await loadExample(page, 'ruby', 'hello');
    await expect(page.getByTestId('toolchain-consent')).toContainText('about 7 MB');
    await page.waitForTimeout(500);
    expect(rubyRequests, 'nothing is downloaded before the user agrees').toEqual([]);
    await page.getByTestId('toolchain-download').click();
    expect(await runAndWait(page, 120_000)).toContain('exit code 0');
    expect(await outputText(page)).toContain('Ruby 3.4');
    await expect(page.getByTestId('timing-interpreter')).toContainText('Ruby 3.4');

    await page.getByTestId('examples-select').selectOption('ask');
    await page.getByTestId('run-button').click();
    await expect.poll(() => terminalText(page)).toContain('A whole number:');
    await typeInTerminal(page, '12\n');
    await expect.poll(() => terminalText(page)).toContain('not prime');

    await page.getByTestId('examples-select').selectOption('files');
    expect(await runAndWait(page)).toContain('exit code 0');
    await expect(fileEntry(page, 'report.txt')).toBeVisible();

    await page.getByTestId('examples-select').selectOption('error');
    expect(await runAndWait(page)).toContain('exit code 1');
    const problem = page.getByTestId('problem').first();
    await expect(problem).toContainText('divided by 0');
    await expect(problem).toHaveAttribute('data-line', '3');
    expect(rubyRequests.length).toBeGreaterThan(0);

    await setSource(page, 'n = 0\nloop { n += 1 }\n');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'running');
    await page.waitForTimeout(500);
    await page.getByTestId('stop-button').click();
    await expect(page.getByTestId('exit-status')).toContainText('stopped');
    await setSource(page, 'puts "again"\n');
    expect(await runAndWait(page)).toContain('exit code 0');
    // The terminal view is still on (the interactive example chose it).
    await expect.poll(() => terminalText(page)).toContain('again');
  });
});

test.describe('Full Python (Pyodide)', () => {
  test.beforeEach(async ({ page }) => {
    await freshStorage(page);
    await openPlayground(page);
  });

  test('asks first, runs CPython, keeps the choice in a share link', async ({ page, browser }) => {
    await loadExample(page, 'python', 'hello');
    await page.getByTestId('interpreter-select').selectOption('pyodide');
    await expect(page.getByTestId('toolchain-consent')).toContainText('6 MB');
    await page.getByTestId('toolchain-download').click();
    expect(await runAndWait(page, 120_000)).toContain('exit code 0');
    expect(await outputText(page)).toContain('on cpython');
    await expect(page.getByTestId('timing-interpreter')).toContainText('CPython 3.14');

    await page.getByTestId('examples-select').selectOption('ask');
    await expect(page.getByTestId('interpreter-select')).toHaveValue('pyodide');
    await page.getByTestId('run-button').click();
    await expect.poll(() => terminalText(page)).toContain('A whole number:');
    await typeInTerminal(page, '7\n');
    await expect.poll(() => terminalText(page)).toContain('prime!');

    await page.getByTestId('share-button').click();
    const link = await page.getByTestId('share-url').inputValue();
    const other = await browser.newContext();
    const p2 = await other.newPage();
    await p2.goto(link);
    await expect(p2.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
    await expect(p2.getByTestId('interpreter-select')).toHaveValue('pyodide');
    await other.close();
  });
});

test('Python in an opaque-origin embed (sandbox="allow-scripts"): output, the error as diagnostics', async ({
  page,
}) => {
  const src = await embedLink(page, '(module)');
  await openHost(page, src, 'allow-scripts');
  await waitFor(page, 'playground:ready');
  await send(page, {
    type: 'playground:set',
    language: 'python',
    source: 'print("from", "python")\nraise KeyError("nope")\n',
  });
  await send(page, { type: 'playground:run' });
  await waitFor(page, 'playground:exit');
  const all = await messages(page);
  const out = outputOf(all);
  expect(out).toContain('from python\n');
  expect(out).toContain('KeyError: nope');
  const compiled = all.find((m) => m.data.type === 'playground:compiled')!.data as unknown as {
    diagnostics: { line: number; message: string }[];
  };
  expect(compiled.diagnostics[0]).toMatchObject({ line: 2, message: 'KeyError: nope' });
  expect(all.find((m) => m.data.type === 'playground:exit')!.data.code).toBe(1);
});
