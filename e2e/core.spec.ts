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
} from './helpers';

test.beforeEach(async ({ page }) => freshStorage(page));

/** Interactive examples are played in terminal.spec.ts. */
const INTERACTIVE = null;
/** HTTP handlers: Run answers the example's request (the HTTP tab; server.spec.ts goes further). */
const HANDLER = { out: /^$/, exit: /^HTTP 200$/ };
const EXPECTED: Record<string, Record<string, { out: RegExp; exit: RegExp } | null>> = {
  wat: {
    hello: { out: /^Hello, WebAssembly!$/, exit: /exit code 0/ },
    primes: { out: /^2\n3\n5\n7\n11[\s\S]*\n97\ntotal: 25$/, exit: /exit code 0/ },
    stdin: { out: /^HELLO FROM STDIN\nWEBASSEMBLY IS FUN$/, exit: /exit code 0/ },
    trap: { out: /^about to divide 1 by 0\.\.\.$/, exit: /trap: divi.*by zero in divide/ },
    exit: { out: /^exiting with code 42$/, exit: /exit code 42/ },
    echo: INTERACTIVE,
    'handler-hello': HANDLER,
    'handler-json': HANDLER,
  },
  assemblyscript: {
    hello: { out: /^Hello from AssemblyScript!\narguments: \(none/, exit: /exit code 0/ },
    mandelbrot: { out: /^( |[.:\-=+*#%@])+(\n( |[.:\-=+*#%@])+){27}$/, exit: /exit code 0/ },
    stdin: {
      out: /^1: first line \(10 chars\)\n2: second line \(11 chars\)\n3: third \(5 chars\)\n3 line\(s\) read$/,
      exit: /exit code 0/,
    },
    trap: { out: /^dividing 100 by 0\.\.\.$/, exit: /trap: divi.*by zero/ },
    ticker: { out: /^tick 1\n[\s\S]*tick 10\ndone$/, exit: /exit code 0/ },
    ask: INTERACTIVE,
    'handler-hello': HANDLER,
    'handler-json': HANDLER,
    'handler-router': HANDLER,
  },
};

for (const [language, examples] of Object.entries(EXPECTED)) {
  test(`every ${language} example runs with its expected output`, async ({ page }) => {
    test.setTimeout(120_000);
    await openPlayground(page);
    await selectLanguage(page, language);
    const options = await page
      .getByTestId('examples-select')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(options.sort()).toEqual(Object.keys(examples).sort());
    for (const [id, want] of Object.entries(examples)) {
      if (!want) continue;
      await page.getByTestId('examples-select').selectOption(id);
      // The menu says which example is on screen.
      await expect(page.getByTestId('examples-select')).toHaveValue(id);
      if (want === HANDLER) {
        // The exit badge is in the Output panel; a handler's Run shows the HTTP tab.
        await page.getByTestId('run-button').click();
        await expect(page.getByTestId('response-status'), id).toHaveAttribute(
          'data-status',
          '200',
          {
            timeout: 60_000,
          },
        );
        await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'idle');
        await expect(page.getByTestId('exit-status')).toHaveText(want.exit);
        continue;
      }
      const exit = await runAndWait(page);
      expect(exit, id).toMatch(want.exit);
      expect(await outputText(page), id).toMatch(want.out);
    }
  });
}

test('output streams while the program runs', async ({ page }) => {
  await openPlayground(page);
  await selectLanguage(page, 'assemblyscript');
  await page.getByTestId('examples-select').selectOption('ticker');
  await page.getByTestId('run-button').click();
  const lines = page.getByTestId('output-line');
  await expect(lines.first()).toHaveText('tick 1', { timeout: 60_000 });
  // The first line is on screen while the program is still running…
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'running');
  expect(await lines.count()).toBeLessThan(5);
  // …and the lines keep arriving one by one.
  await expect(lines.nth(2)).toHaveText('tick 3');
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'running');
  await expect(lines.last()).toHaveText('done', { timeout: 10_000 });
});

test('Stop kills an infinite loop, the editor stays usable, and the next Run works', async ({
  page,
}) => {
  await openPlayground(page);
  await setSource(page, fixture('loop.wat'));
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'running');
  // The page is not frozen: typing in the editor works while the loop spins.
  await page.getByTestId('editor').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(';; typed while running');
  await expect(page.getByTestId('editor')).toContainText(';; typed while running');
  await page.getByTestId('stop-button').click();
  await expect(page.getByTestId('exit-status')).toContainText('stopped');
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'idle');
  await page.getByTestId('examples-select').selectOption('hello');
  expect(await runAndWait(page)).toMatch(/exit code 0/);
  await expect(page.getByTestId('output-line')).toHaveText(['Hello, WebAssembly!']);
});

test('the time limit stops a runaway program with a clear message', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('time-limit-input').fill('1');
  await setSource(page, fixture('loop.wat'));
  const exit = await runAndWait(page, 15_000);
  // Short in the badge, the whole sentence in its tooltip.
  expect(exit).toBe('stopped at the time limit (1 s)');
  await expect(page.getByTestId('exit-status')).toHaveAttribute(
    'title',
    'time limit exceeded: stopped after 1 s (change it in Run settings)',
  );
});

test('a compile error shows a marker in the editor and a problem that moves the cursor', async ({
  page,
}) => {
  await openPlayground(page);
  await setSource(page, '(module\n  (func (export "_start")\n    (i32.add (i32.const 1))))\n');
  const exit = await runAndWait(page);
  expect(exit).toMatch(/compile failed/);
  const problem = page.getByTestId('problem').first();
  await expect(problem).toContainText('type mismatch');
  await expect(problem).toHaveAttribute('data-line', '3');
  await expect(page.getByTestId('editor').locator('.squiggly-error')).toHaveCount(1);
  await problem.click();
  // Typing lands where the problem pointed: line 3, column 6.
  await page.keyboard.insertText('XYZ');
  await expect(page.getByTestId('editor')).toContainText('(XYZi32.add');
  // The compiler worker survives bad input: the next compile works.
  await page.getByTestId('examples-select').selectOption('hello');
  expect(await runAndWait(page)).toMatch(/exit code 0/);
  await expect(page.getByTestId('problem')).toHaveCount(0);
});

test('reload restores the source, language and run settings', async ({ page }) => {
  await openPlayground(page);
  await selectLanguage(page, 'assemblyscript');
  await setSource(page, 'console.log("persisted");\n');
  await page.getByTestId('stdin-input').fill('saved stdin');
  await page.getByTestId('args-input').fill('x y');
  await autosaved(page);
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('language-select')).toHaveValue('assemblyscript');
  await expect(page.getByTestId('editor')).toContainText('console.log("persisted");');
  await expect(page.getByTestId('stdin-input')).toHaveValue('saved stdin');
  await expect(page.getByTestId('args-input')).toHaveValue('x y');
});

test('100,000 lines arrive complete and the page stays responsive', async ({ page }) => {
  await openPlayground(page);
  await setSource(page, fixture('count.wat'));
  expect(await runAndWait(page)).toMatch(/exit code 0/);
  await expect(page.getByTestId('output-count')).toHaveAttribute('data-value', '100000');
  await expect(page.getByTestId('output-count')).toContainText('100000 lines');
  // Virtualized: only a screenful of rows is in the DOM, and the tail is the last number.
  expect(await page.getByTestId('output-line').count()).toBeLessThan(200);
  await expect(page.getByTestId('output-line').last()).toHaveText('99999');
  await page.getByTestId('clear-output').click();
  await expect(page.getByTestId('output-count')).toHaveAttribute('data-value', '0');
});

test('stdin, arguments and environment reach the program; stderr is marked', async ({ page }) => {
  await openPlayground(page);
  await selectLanguage(page, 'assemblyscript');
  await setSource(page, fixture('settings.ts'));
  await page.getByTestId('args-input').fill('one "two words"');
  await page.getByTestId('env-input').fill('MODE=fast\nOTHER=1');
  await page.getByTestId('stdin-input').fill('piped text');
  expect(await runAndWait(page)).toMatch(/exit code 0/);
  await expect(page.getByTestId('output-line')).toHaveText([
    'argc=2 args=one|two words',
    'MODE=fast',
    'stdin=piped text',
    'this line goes to stderr',
  ]);
  await expect(page.getByTestId('output-line').last()).toHaveAttribute('data-stream', 'stderr');
  await expect(page.getByTestId('output-line').first()).toHaveAttribute('data-stream', 'stdout');
});

test('timings and size are reported from the workers', async ({ page }) => {
  await openPlayground(page);
  expect(await runAndWait(page)).toMatch(/exit code 0/);
  for (const id of ['timing-compile', 'timing-instantiate', 'timing-run', 'timing-total']) {
    const v = Number(await page.getByTestId(id).getAttribute('data-value'));
    expect(v, id).toBeGreaterThanOrEqual(0);
    expect(v, id).toBeLessThan(10_000);
  }
  expect(Number(await page.getByTestId('timing-total').getAttribute('data-value'))).toBeGreaterThan(
    0,
  );
  await expect(page.getByTestId('wasm-size')).toHaveAttribute('data-value', /^\d+$/);
  const size = Number(await page.getByTestId('wasm-size').getAttribute('data-value'));
  expect(size).toBeGreaterThan(50);
  expect(size).toBeLessThan(1000);
  await expect(page.getByTestId('imports')).toContainText('fd_write');
  await expect(page.getByTestId('capabilities')).toContainText('write output');
  await expect(page.getByTestId('capabilities')).not.toContainText('filesystem');
});

test('the AssemblyScript compiler loads only when AssemblyScript is used', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await openPlayground(page);
  expect(await runAndWait(page)).toMatch(/exit code 0/);
  expect(requested.filter((u) => /\/asc-[\w-]+\.js$/.test(u))).toEqual([]);
  await selectLanguage(page, 'assemblyscript');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('loading-compiler')).toBeVisible();
  await expect(page.getByTestId('exit-status')).toContainText('exit code 0', { timeout: 60_000 });
  expect(requested.filter((u) => /\/asc-[\w-]+\.js$/.test(u))).toHaveLength(1);
  // Nothing is fetched from outside the app.
  expect(requested.filter((u) => !u.startsWith('http://localhost'))).toEqual([]);
});

test('no output from a stopped run appears after Stop', async ({ page }) => {
  await openPlayground(page);
  await setSource(page, fixture('spam.wat'));
  await page.getByTestId('run-button').click();
  await expect
    .poll(async () => Number(await page.getByTestId('output-count').getAttribute('data-value')))
    .toBeGreaterThan(1000);
  // The page answers while output floods in: Stop lands at once (it took 2–17 s when the output
  // list re-measured every line on each append).
  const t0 = Date.now();
  await page.getByTestId('stop-button').click();
  await expect(page.getByTestId('exit-status')).toContainText('stopped by user');
  expect(Date.now() - t0).toBeLessThan(3000);
  const after = await page.getByTestId('output-count').getAttribute('data-value');
  await page.waitForTimeout(1000); // anything still in flight would have landed by now
  await expect(page.getByTestId('output-count')).toHaveAttribute('data-value', after!);
});

test('Ctrl/Cmd+Enter in the editor runs; the theme can be switched', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('editor').click();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('exit-status')).toHaveText('exit code 0');
  await expect(page.getByTestId('output-line')).toHaveText(['Hello, WebAssembly!']);
  await page.getByTestId('theme-select').selectOption('dark');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await page.getByTestId('theme-select').selectOption('light');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
});

test('a second Run during a slow compile wins, and nothing hangs', async ({ page }) => {
  await openPlayground(page);
  await selectLanguage(page, 'assemblyscript');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'running');
  // Ctrl+Enter while the compiler is still loading: the newest request replaces the first.
  await page.getByTestId('editor').click();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('exit-status')).toHaveText('exit code 0', { timeout: 60_000 });
  await expect(page.getByTestId('run-button')).toHaveAttribute('data-state', 'idle');
  await expect(page.getByTestId('output-line').first()).toHaveText('Hello from AssemblyScript!');
  // …and the compiler worker is still healthy.
  expect(await runAndWait(page)).toBe('exit code 0');
});

test('a single line of a million characters is shown cut, and the page stays usable', async ({
  page,
}) => {
  await openPlayground(page);
  await setSource(page, fixture('longline.wat'));
  expect(await runAndWait(page)).toBe('exit code 0');
  await expect(page.getByTestId('output-count')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('output-line')).toContainText('(990000 more characters)');
  await page.getByTestId('editor').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(';; still typing');
  await expect(page.getByTestId('editor')).toContainText(';; still typing');
});

test('on a narrow screen the output sits under the editor', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 800 });
  await openPlayground(page);
  expect(await runAndWait(page)).toBe('exit code 0');
  const editor = (await page.getByTestId('editor').boundingBox())!;
  const output = (await page.getByTestId('output').boundingBox())!;
  expect(output.y).toBeGreaterThan(editor.y + editor.height - 1);
  expect(output.width).toBeGreaterThan(350);
  await expect(page.getByTestId('output-line')).toHaveText(['Hello, WebAssembly!']);
});
