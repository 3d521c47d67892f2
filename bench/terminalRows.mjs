// Benchmark rows of the interactive terminal (issue #9): key → echo painted, Enter → the
// program's answer painted, output throughput of the terminal view, and what JSPI costs a
// program that never waits.
import {
  longestTask,
  openApp,
  runOnce,
  sel,
  setSource,
  timeInPage,
  watchLongTasks,
} from './browser.mjs';
import { COUNT_WAT, ECHO_WAT, NBODY, NBODY_FLAGS } from './fixtures.mjs';
import { sample, settle, sideBySide, summarize } from './stats.mjs';

/**
 * Arms a measurement in the page: from the next keydown in the terminal until `done()` holds
 * after a DOM change. xterm.js changes its rows inside an animation frame, so the browser paints
 * them in that same frame: the DOM change is the paint, as in the other "rendered" rows.
 * Resolves with milliseconds.
 */
function armKeyTimer(page, doneExpr) {
  return page.evaluate(
    (doneExpr) =>
      new Promise((resolve, reject) => {
        const done = new Function(`return (${doneExpr});`);
        const ta = document.querySelector('[data-testid="terminal"] textarea');
        let t0 = null;
        ta.addEventListener('keydown', () => (t0 ??= performance.now()), {
          capture: true,
          once: true,
        });
        const obs = new MutationObserver(() => {
          if (t0 === null || !done()) return;
          obs.disconnect();
          resolve(performance.now() - t0);
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
        setTimeout(() => reject(new Error(`timed out waiting for ${doneExpr}`)), 10_000);
        window.__armed = true;
      }),
    doneExpr,
  );
}

const rowsText = `document.querySelector('[data-testid="terminal"] .xterm-rows').textContent`;

export async function terminalRows({ browser, base, n, row, want }) {
  if (want('keystroke-echo', 'input-roundtrip')) {
    console.log('keystroke-echo, input-roundtrip (WAT echo in the terminal)…');
    await settle();
    const page = await browser.newPage();
    await openApp(page, base);
    await page.getByTestId('output-view').selectOption('terminal');
    await setSource(page, ECHO_WAT);
    await page.click(sel('run-button'));
    await page.waitForSelector(sel('stdin-waiting'));
    await page.locator('[data-testid="terminal"] textarea').focus();
    const keys = 'abcdefghijklmnopqrstuvwxyz';
    let typed = '';
    const echo = await sample(
      async (i) => {
        const k = keys[i % keys.length];
        const expected = `> ${typed}${k}`;
        const timer = armKeyTimer(page, `${rowsText}.includes(${JSON.stringify(expected)})`);
        await page.waitForFunction(() => window.__armed);
        await page.evaluate(() => (window.__armed = false));
        await page.keyboard.press(k);
        typed += k;
        return timer;
      },
      { warmup: 2, n: Math.max(9, n) },
    );
    // Enter → "echo: <line>" painted; each round types a fresh line first.
    const round = await sample(
      async (i) => {
        // Clear the typed line (Ctrl+U), type a unique word, then time Enter.
        await page.keyboard.press('Control+U');
        const word = `line${i}x`;
        await page.keyboard.type(word);
        const timer = armKeyTimer(page, `${rowsText}.includes(${JSON.stringify(`echo: ${word}`)})`);
        await page.waitForFunction(() => window.__armed);
        await page.evaluate(() => (window.__armed = false));
        await page.keyboard.press('Enter');
        const ms = await timer;
        await page.waitForSelector(sel('stdin-waiting'));
        return ms;
      },
      { warmup: 2, n: Math.max(9, n) },
    );
    if (want('keystroke-echo'))
      row(
        'keystroke-echo',
        'key typed in the terminal while the program waits → echoed character painted',
        echo,
        'ms',
        '≤ 16 ms',
        (m) => m <= 16,
      );
    if (want('input-roundtrip'))
      row(
        'input-roundtrip',
        'Enter → the program’s answer line painted (WAT echo)',
        round,
        'ms',
        '≤ 30 ms',
        (m) => m <= 30,
      );
    await page.keyboard.press('Control+D');
    await page.close();
  }

  if (want('terminal-throughput')) {
    console.log('terminal-throughput…');
    await settle();
    const page = await browser.newPage();
    await openApp(page, base);
    await page.getByTestId('output-view').selectOption('terminal');
    await setSource(page, COUNT_WAT);
    const longest = [];
    const xs = await sample(
      async () => {
        await watchLongTasks(page);
        // Done when the terminal shows the last line: xterm parses in order, so all of it is in.
        const ms = await timeInPage(
          page,
          'run-button',
          `document.querySelector('[data-testid="run-button"]').dataset.state === 'idle' && ${rowsText}.includes('99999')`,
        );
        longest.push(await longestTask(page));
        return 100_000 / (ms / 1000);
      },
      { warmup: 1, n: Math.max(9, n) },
    );
    const maxTask = Math.max(...longest);
    row(
      'terminal-throughput',
      '100,000 lines into the terminal view: Run → last line painted',
      xs,
      'lines/s',
      '≥ 200,000 lines/s; no task > 100 ms',
      (m) => m >= 200_000 && maxTask <= 100,
      { longestTaskMs: maxTask },
    );
    await page.close();
  }

  if (want('jspi-overhead')) {
    console.log('jspi-overhead (n-body with and without the Suspending imports)…');
    await settle();
    const pages = [];
    for (const path of ['/', '/?stdin-wait=none', '/?stdin-wait=atomics']) {
      const page = await browser.newPage();
      await openApp(page, base, path);
      await page.selectOption(sel('language-select'), 'cpp');
      await setSource(page, NBODY);
      await page.fill(sel('compiler-flags'), NBODY_FLAGS);
      await page.selectOption(sel('output-view'), 'list');
      await runOnce(page);
      pages.push(page);
    }
    const atomics = [];
    const [withJspi, without] = await sideBySide(
      async () => (await runOnce(pages[0])).run,
      async () => {
        const ms = (await runOnce(pages[1])).run;
        atomics.push((await runOnce(pages[2])).run);
        return ms;
      },
      { warmup: 1, n: Math.max(9, n) },
    );
    atomics.splice(0, atomics.length - without.length);
    const a = summarize(withJspi).median;
    const b = summarize(without).median;
    const c = summarize(atomics).median;
    row(
      'jspi-overhead',
      `n-body ${NBODY_FLAGS}: run time with JSPI (Suspending fd_read/poll_oneoff, promising _start) ÷ plain imports`,
      withJspi,
      'ms',
      '≤ 1.05',
      () => a / b <= 1.05,
      { reference: b, ratio: a / b, atomicsMs: c, atomicsRatio: c / b },
    );
    console.log(`    (Atomics path: median ${c.toFixed(0)} ms, ratio ${(c / b).toFixed(3)})`);
    for (const p of pages) await p.close();
  }
}
