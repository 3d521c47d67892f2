// Python and Ruby (issue #30): Run → first output line painted, after a reload with the
// interpreter in the HTTP cache (first run in a fresh page), and for a second Run.
import { openApp, sel } from './browser.mjs';
import { idle, runToOutput } from './loopRows.mjs';

/** The language, its hello example, and what a first download needs (consent). */
const LANGUAGES = [
  { id: 'python', prefix: 'python', budgets: [400, 50] },
  { id: 'ruby', prefix: 'ruby', consent: true, budgets: [2500, 300] },
  { id: 'python', prefix: 'pyodide', interpreter: 'pyodide', consent: true, budgets: [3000, 300] },
];

async function ready(page) {
  await page.waitForSelector(`${sel('editor')}[data-ready="true"]`, { timeout: 60_000 });
  await page.waitForSelector(`${sel('run-button')}:not([aria-disabled="true"]):enabled`);
}

/** Rows `<lang>-first-run` and `<lang>-rerun` for MicroPython, Ruby and Pyodide. */
export async function interpretedRows({ browser, base, n, row, want }) {
  for (const lang of LANGUAGES) {
    const first = `${lang.prefix}-first-run`;
    const rerun = `${lang.prefix}-rerun`;
    if (!want(first, rerun)) continue;
    console.log(`${first}, ${rerun}…`);
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await openApp(page, base);
    await page.selectOption(sel('language-select'), lang.id);
    await page.selectOption(sel('examples-select'), 'hello');
    if (lang.interpreter) await page.selectOption(sel('interpreter-select'), lang.interpreter);
    if (lang.consent) await page.click(sel('toolchain-download'));
    // The first run ever: the download, into the HTTP cache and the service worker's.
    await runToOutput(page);
    await idle(page);
    const firsts = [];
    const reruns = [];
    for (let i = 0; i < n; i++) {
      await page.reload();
      await ready(page);
      await page.waitForTimeout(300);
      firsts.push(await runToOutput(page));
      await idle(page);
      for (let k = 0; k < 3; k++) {
        reruns.push(await runToOutput(page));
        await idle(page);
      }
    }
    await ctx.close();
    const [b1, b2] = lang.budgets;
    row(
      first,
      `${lang.interpreter ?? lang.id} hello after a reload (interpreter cached): Run → first output painted`,
      firsts,
      'ms',
      `≤ ${b1} ms`,
      (m) => m <= b1,
    );
    row(
      rerun,
      `${lang.interpreter ?? lang.id} hello, a further Run in the same page → first output painted`,
      reruns,
      'ms',
      `≤ ${b2} ms`,
      (m) => m <= b2,
    );
  }
}
