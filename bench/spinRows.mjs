// Rows of issue #31: a Spin component handler (C, spin.h) against the same hello as a WAGI module
// — load-test throughput and cold-start p50, side by side in one run — and what a key-value get
// and an SQLite INSERT cost on the host side (the request log's host-call timings).
import { readFileSync } from 'node:fs';
import { openApp, sel, setSource, timeInPage } from './browser.mjs';
import { clickForResult } from './serverRows.mjs';
import { sideBySide, sample, settle } from './stats.mjs';
import { summarize } from './stats.mjs';

/** A page with the C example `id` built and served (Run in the HTTP tab). */
async function served(browser, base, id) {
  const page = await browser.newPage();
  await openApp(page, base);
  await page.selectOption(sel('language-select'), 'c');
  await page.selectOption(sel('examples-select'), id);
  await page.click(sel('main-tab-http'));
  await page.click(sel('run-button'));
  await page.waitForSelector(sel('response-status'), { timeout: 300_000 });
  await page.waitForSelector(`${sel('run-button')}[data-state="idle"]`);
  return page;
}

/** Send, then the µs of that request's host call whose text starts with `what`. */
async function hostCallUs(page, what) {
  const response = page.locator(sel('response'));
  const before = await response.getAttribute('data-log-id');
  await page.click(sel('send-request'));
  // The response names its log entry; the live preview's requests reach the log at their own time.
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid="response"]')?.dataset.logId !== b,
    before,
  );
  const id = await response.getAttribute('data-log-id');
  const entry = page.locator(`[data-testid="request-log-entry"][data-id="${id}"]`);
  await entry.waitFor();
  return entry.evaluate((entry, what) => {
    const call = [...entry.querySelectorAll('[data-testid="host-call"]')].find((c) =>
      c.querySelector('.call-what').textContent.startsWith(what),
    );
    if (!call) throw new Error(`no host call "${what}" in the request`);
    return Number(call.dataset.us);
  }, what);
}

const SPIN_HELLO = readFileSync(
  new URL('../src/languages/c/examples/spin/hello.c', import.meta.url),
  'utf8',
);

export async function spinRows({ browser, base, n, row, want }) {
  if (want('spin-run')) {
    console.log('spin-run (C hello as a Spin component: edit, Run, the response)…');
    const page = await served(browser, base, 'spin-hello');
    let i = 0;
    const xs = await sample(
      async () => {
        // A new greeting each time: main.c is compiled again, the component made again.
        await setSource(page, SPIN_HELLO.replace('written in C!', `written in C! (edit ${++i})`));
        const before = await page.locator(sel('response')).getAttribute('data-log-id');
        return timeInPage(
          page,
          'run-button',
          `document.querySelector('[data-testid="response"]')?.dataset.logId !== ${JSON.stringify(before)} && document.querySelector('[data-testid="run-button"]').dataset.state === 'idle'`,
          120_000,
        );
      },
      { warmup: 2, n },
    );
    await page.close();
    row(
      'spin-run',
      'C hello as a Spin component, toolchain warm: Run after an edit → the response shown (compile, link, component embed + new, serve)',
      xs,
      'ms',
      '≤ 500 ms',
      (m) => m <= 500,
    );
    await settle();
  }

  if (want('spin-rps', 'spin-coldstart')) {
    console.log('spin-rps, spin-coldstart (C hello: Spin component vs WAGI module)…');
    const wagi = await served(browser, base, 'handler-hello');
    const spin = await served(browser, base, 'spin-hello');
    for (const p of [wagi, spin]) {
      await p.fill(sel('load-requests'), '5000');
      await p.fill(sel('load-concurrency'), '4');
    }
    const load = (p) => () =>
      clickForResult(p, 'load-test-button', 'load-result', ['data-rps', 'data-errors']);
    const [w, s] = await sideBySide(load(wagi), load(spin), { n });
    if ([...w, ...s].some((x) => x['data-errors'] > 0)) throw new Error('errors under load');
    const ratios = s.map((x, i) => x['data-rps'] / w[i]['data-rps']);
    row(
      'spin-rps',
      'C hello: Spin component (spin.h) ÷ WAGI module, load test req/s (5,000 requests, 4 clients, pooled), pairwise',
      ratios,
      '×',
      '≥ 0.8×',
      (m) => m >= 0.8,
      {
        spinRps: summarize(s.map((x) => x['data-rps'])).median,
        wagiRps: summarize(w.map((x) => x['data-rps'])).median,
      },
    );
    for (const p of [wagi, spin]) {
      await p.click(sel('main-tab-instances'));
      await p.fill(sel('coldstart-count'), '2000');
    }
    const cold = (p) => () =>
      clickForResult(p, 'coldstart-button', 'coldstart-result', ['data-p50-us']);
    const [cw, cs] = await sideBySide(cold(wagi), cold(spin), { n });
    const wp50 = summarize(cw.map((x) => x['data-p50-us'])).median;
    const sp50 = summarize(cs.map((x) => x['data-p50-us'])).median;
    row(
      'spin-coldstart',
      'C hello: cold-start p50 of the Spin component ÷ the WAGI module’s (2,000 fresh instances each, side by side)',
      cs.map((x, i) => x['data-p50-us'] / cw[i]['data-p50-us']),
      '×',
      '≤ 3×',
      (m) => m <= 3,
      { spinP50Us: sp50, wagiP50Us: wp50 },
    );
    await wagi.close();
    await spin.close();
    await settle();
  }

  if (want('spin-kv-get')) {
    console.log('spin-kv-get (the counter: a kv get inside each request, host side)…');
    const page = await served(browser, base, 'spin-counter');
    const xs = await sample(() => hostCallUs(page, 'get visits'), {
      warmup: 3,
      n: Math.max(n, 30),
    });
    await page.close();
    row(
      'spin-kv-get',
      'fermyon:spin/key-value get inside a request, host side (sql.js, Spin’s table), µs',
      xs,
      'µs',
      '≤ 20 µs',
      (m) => m <= 20,
    );
    await settle();
  }

  if (want('spin-sql-insert')) {
    console.log('spin-sql-insert (the to-do API: one INSERT per POST, host side)…');
    const page = await served(browser, base, 'spin-todo');
    const xs = await sample(() => hostCallUs(page, 'INSERT'), { warmup: 20, n: Math.max(n, 30) });
    await page.close();
    row(
      'spin-sql-insert',
      'fermyon:spin/sqlite execute of one INSERT … RETURNING inside a request, host side, µs',
      xs,
      'µs',
      '≤ 100 µs',
      (m) => m <= 100,
    );
  }
}
