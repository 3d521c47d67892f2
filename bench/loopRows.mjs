// The everyday loop measured on two builds at once, alternating sample by sample in one browser
// (`--against`): a fresh visit until the editor is ready with Run enabled, and Run on the WAT
// hello example until its output line is painted. Both are timed inside the page, and need
// nothing of a build but the data-testids every version has had.
import { HELLO_WAT } from './fixtures.mjs';
import { setSource, sel } from './browser.mjs';

/** Installed before the app's scripts: notes when the editor is ready and Run is enabled. */
function watchReady() {
  // The first release had a plain disabled button, later ones aria-disabled.
  const ready = () => {
    const run = document.querySelector('[data-testid="run-button"]');
    return (
      document.querySelector('[data-testid="editor"]')?.getAttribute('data-ready') === 'true' &&
      !!run &&
      !run.disabled &&
      run.getAttribute('aria-disabled') !== 'true'
    );
  };
  const obs = new MutationObserver(() => {
    if (window.__benchReadyAt === undefined && ready()) {
      window.__benchReadyAt = performance.now();
      obs.disconnect();
    }
  });
  obs.observe(document, { subtree: true, childList: true, attributes: true });
}

async function pageReady(browser, base) {
  const ctx = await browser.newContext();
  await ctx.addInitScript(watchReady);
  const page = await ctx.newPage();
  await page.goto(base);
  await page.waitForFunction(() => window.__benchReadyAt !== undefined, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => window.__benchReadyAt);
  await ctx.close();
  return ms;
}

/**
 * Click Run → the first output line of this run is in the DOM, then the next animation frame
 * (the one that paints it). "This run": the Run button has left `idle` first, which happens in
 * the same render that clears the last run's output.
 */
export function runToOutput(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const button = () => document.querySelector('[data-testid="run-button"]');
        let started = false;
        const check = () => {
          if (button()?.getAttribute('data-state') !== 'idle') started = true;
          const line = document.querySelector('[data-testid="output-line"]');
          if (!started || !line?.textContent) return;
          obs.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        };
        const obs = new MutationObserver(check);
        obs.observe(document.body, { subtree: true, childList: true, attributes: true });
        setTimeout(() => reject(new Error('no output within 30 s')), 30_000);
        const t0 = performance.now();
        button().click();
      }),
  );
}

export async function idle(page) {
  await page.waitForSelector(`${sel('run-button')}[data-state="idle"]`);
  await page.waitForTimeout(150); // the previous run's afterglow (GC, idle callbacks) settles
}

/** Rows `page-ready` and `wat-run-output` for every target, sample by sample. */
export async function loopRows({ browser, targets, n, row, want }) {
  const rounds = (k) => Array.from({ length: k }, (_, i) => i);
  if (want('page-ready')) {
    console.log('page-ready, alternating…');
    const xs = targets.map(() => []);
    for (const i of rounds(n + 1))
      for (const [t, target] of targets.entries()) {
        const ms = await pageReady(browser, target.base);
        if (i > 0) xs[t].push(ms);
      }
    for (const [t, target] of targets.entries())
      row(
        'page-ready',
        'fresh context: navigation → editor ready and Run enabled (in-page MutationObserver)',
        xs[t],
        'ms',
        '≤ 1000 ms',
        (m) => m <= 1000,
        { target: target.key },
      );
  }
  if (want('wat-run-output')) {
    console.log('wat-run-output, alternating…');
    const pages = [];
    for (const target of targets) {
      const page = await browser.newPage();
      await page.goto(target.base);
      await page.waitForSelector(`${sel('editor')}[data-ready="true"]`);
      await page.waitForSelector(`${sel('run-button')}:not([aria-disabled="true"]):enabled`);
      await setSource(page, HELLO_WAT);
      pages.push(page);
    }
    const xs = targets.map(() => []);
    const warmup = 3;
    // A painted frame comes at the next vsync: each sample carries a wait spread evenly over
    // 0–16.7 ms, so this row takes many samples (they are cheap) for a steady median.
    for (const i of rounds(warmup + Math.max(3 * n, 40)))
      for (const [t, page] of pages.entries()) {
        const ms = await runToOutput(page);
        await idle(page);
        if (i >= warmup) xs[t].push(ms);
      }
    for (const page of pages) await page.close();
    for (const [t, target] of targets.entries())
      row(
        'wat-run-output',
        'WAT hello: click Run → its output line painted (in-page, next animation frame)',
        xs[t],
        'ms',
        '≤ 25 ms',
        (m) => m <= 25,
        { target: target.key },
      );
  }
}
