// Benchmark rows of the server story (issue #11): fresh instances per second (cold-start lab),
// a handler under load (fresh instance per request), and a page load in the live preview.
import { openApp, runOnce, sel, setSource } from './browser.mjs';
import { sample, settle } from './stats.mjs';

/** The figures of a result element, once it shows the run started after `since`. */
async function result(page, id, attrs, timeout = 300_000) {
  await page.waitForSelector(sel(id), { timeout });
  return page.evaluate(
    ({ id, attrs }) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      return Object.fromEntries(attrs.map((a) => [a, Number(el.getAttribute(a))]));
    },
    { id, attrs },
  );
}

/** Clicks a button and waits for the next result (its data-seq goes up). */
export async function clickForResult(page, button, id, attrs) {
  const before = await page.evaluate(
    (id) => Number(document.querySelector(`[data-testid="${id}"]`)?.dataset.seq ?? 0),
    id,
  );
  await page.click(sel(button));
  await page.waitForFunction(
    ({ id, before }) =>
      Number(document.querySelector(`[data-testid="${id}"]`)?.dataset.seq ?? 0) > before,
    { id, before },
    { timeout: 300_000, polling: 200 },
  );
  return result(page, id, attrs);
}

export async function serverRows({ browser, base, n, row, want, fixture }) {
  if (want('coldstart', 'coldstart-rate')) {
    console.log('coldstart (WAT hello world, 10,000 fresh instances)…');
    const page = await browser.newPage();
    await openApp(page, base);
    await page.selectOption(sel('language-select'), 'wat');
    await setSource(page, fixture('../src/languages/wat/examples/hello.wat'));
    await runOnce(page);
    await page.click(sel('main-tab-instances'));
    await page.fill(sel('coldstart-count'), '10000');
    const xs = await sample(
      () =>
        clickForResult(page, 'coldstart-button', 'coldstart-result', [
          'data-p50-us',
          'data-per-second',
        ]),
      { n },
    );
    await page.close();
    row(
      'coldstart',
      'WAT hello world: 10,000 fresh instances, p50 instantiate',
      xs.map((x) => x['data-p50-us']),
      'µs',
      '≤ 50 µs',
      (m) => m <= 50,
    );
    row(
      'coldstart-rate',
      'the same loop: fresh instances per second (new WASI state for each, memories pooled as Spin pools them)',
      xs.map((x) => x['data-per-second']),
      '/s',
      '≥ 10,000/s',
      (m) => m >= 10_000,
    );
    await settle();
  }

  if (want('handler-rps', 'handler-p99')) {
    console.log('handler-rps (C hello handler, 10,000 requests, 4 clients)…');
    const page = await browser.newPage();
    await openApp(page, base);
    await page.selectOption(sel('language-select'), 'c');
    await page.selectOption(sel('examples-select'), 'handler-hello');
    await page.click(sel('run-button'));
    await page.waitForSelector(sel('response-status'), { timeout: 300_000 });
    await page.waitForSelector(`${sel('run-button')}[data-state="idle"]`);
    await page.fill(sel('load-requests'), '10000');
    await page.fill(sel('load-concurrency'), '4');
    const xs = await sample(
      () =>
        clickForResult(page, 'load-test-button', 'load-result', [
          'data-rps',
          'data-p99-ms',
          'data-errors',
        ]),
      { n },
    );
    await page.close();
    if (xs.some((x) => x['data-errors'] > 0))
      throw new Error('the hello handler answered errors under load');
    row(
      'handler-rps',
      'C hello handler, fresh instance per request, 10,000 requests from 4 clients',
      xs.map((x) => x['data-rps']),
      'req/s',
      '≥ 2,000 req/s',
      (m) => m >= 2000,
    );
    row(
      'handler-p99',
      'the same load test: p99 latency',
      xs.map((x) => x['data-p99-ms']),
      'ms',
      '≤ 10 ms',
      (m) => m <= 10,
    );
    await settle();
  }

  if (want('preview-request')) {
    console.log('preview-request (WAT hello handler, Reload in the preview → painted)…');
    const page = await browser.newPage();
    await openApp(page, base);
    await page.selectOption(sel('language-select'), 'wat');
    await page.selectOption(sel('examples-select'), 'handler-hello');
    await page.click(sel('run-button'));
    await page.waitForSelector(sel('preview-frame'), { timeout: 60_000 });
    await page.frameLocator(sel('preview-frame')).locator('body').waitFor();
    // Timed in the page: Reload clicked → the frame's next load event → the next frame painted.
    const xs = await sample(
      () =>
        page.evaluate(
          () =>
            new Promise((resolve) => {
              const pane = document.querySelector('.preview-pane');
              const f = document.querySelector('[data-testid="preview-frame"]');
              const t0 = performance.now();
              const loaded = () => {
                watch.disconnect();
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
              };
              f.addEventListener('load', loaded, { once: true });
              // Reload navigates the same frame (or, failing that, makes a new one).
              const watch = new MutationObserver((_, obs) => {
                const g = document.querySelector('[data-testid="preview-frame"]');
                if (g && g !== f) {
                  obs.disconnect();
                  g.addEventListener('load', loaded, { once: true });
                }
              });
              watch.observe(pane, { childList: true, subtree: true });
              [...pane.querySelectorAll('button')].find((b) => b.textContent === 'Reload').click();
            }),
        ),
      { n: Math.max(n, 9) },
    );
    await page.close();
    row(
      'preview-request',
      "WAT hello handler: Reload in the preview → the page loaded (service worker → the tab's handler worker, on a port → a fresh instance) → painted",
      xs,
      'ms',
      '≤ 50 ms',
      (m) => m <= 50,
    );
  }
}
