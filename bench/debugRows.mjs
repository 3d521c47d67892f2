// Rows of issue #29: Debug → paused at a breakpoint, Step over → the next line and its
// variables on screen, and a loop-heavy program under Debug (no breakpoint hit) against its
// normal -O0 Run.
import { openApp, readTimings, sel, setSource } from './browser.mjs';
import { C_HELLO } from './fixtures.mjs';
import { idle } from './loopRows.mjs';

/** Flush left: the editor indents typed text by itself. */
const STEPS = `#include <stdio.h>
int main(void) {
int a = 1;
int b = a + 1;
int c = b + 1;
int d = c + 1;
int e = d + 1;
int f = e + 1;
printf("%d\\n", a + b + c + d + e + f);
return 0;
}
`;

const LOOP = `#include <stdio.h>
static unsigned next(unsigned x) { return x * 1103515245u + 12345u; }
int main(void) {
unsigned x = 1, sum = 0;
for (int i = 0; i < 2000000; i++) {
x = next(x);
sum += x >> 16;
}
printf("%u\\n", sum);
return 0;
}
`;

/** Runs `action` in the page, then waits for the paused line to show `line`; ms until painted. */
function toPaused(page, action, line) {
  return page.evaluate(
    ([action, line]) =>
      new Promise((resolve, reject) => {
        const done = () => {
          const p = document.querySelector('[data-testid="debug-paused-line"]');
          const v = document.querySelector('[data-testid="debug-variable"]');
          return p?.getAttribute('data-line') === String(line) && v;
        };
        const obs = new MutationObserver(() => {
          if (!done()) return;
          obs.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        });
        obs.observe(document.body, { subtree: true, childList: true, attributes: true });
        setTimeout(() => reject(new Error('not paused within 60 s')), 60_000);
        const t0 = performance.now();
        document.querySelector(`[data-testid="${action}"]`).click();
      }),
    [action, line],
  );
}

/** F9 on `line` of the editor. */
async function breakpointOn(page, line) {
  await page.click(sel('editor'));
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('F9');
}

async function stopDebug(page) {
  await page.click(sel('debug-stop'));
  await idle(page);
}

export async function debugRows({ browser, base, n, row, want }) {
  if (!want('debug-start', 'step-latency', 'debug-overhead')) return;
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await openApp(page, base);
  await page.selectOption(sel('language-select'), 'c');
  if (want('debug-start')) {
    console.log('debug-start…');
    await setSource(page, C_HELLO);
    await breakpointOn(page, 1);
    // The first Debug loads the toolchain: not measured.
    await toPaused(page, 'debug-button', 5);
    await stopDebug(page);
    const xs = [];
    for (let i = 0; i < n; i++) {
      xs.push(await toPaused(page, 'debug-button', 5));
      await stopDebug(page);
    }
    row(
      'debug-start',
      'C hello, a breakpoint on line 1 (placed on the first line with code): Debug → paused line and variables painted',
      xs,
      'ms',
      '≤ 1500 ms',
      (m) => m <= 1500,
    );
  }
  if (want('step-latency')) {
    console.log('step-latency…');
    await setSource(page, STEPS);
    await breakpointOn(page, 3);
    const xs = [];
    for (let i = 0; i < Math.max(1, Math.ceil(n / 5)); i++) {
      await toPaused(page, 'debug-button', 3);
      for (let line = 4; line <= 8; line++) xs.push(await toPaused(page, 'debug-step-over', line));
      await stopDebug(page);
    }
    row(
      'step-latency',
      'Step over → the next line highlighted and the variables updated (painted)',
      xs,
      'ms',
      '≤ 50 ms',
      (m) => m <= 50,
    );
  }
  if (want('debug-overhead')) {
    console.log('debug-overhead…');
    await setSource(page, LOOP);
    await page.selectOption(sel('opt-level'), '-O0');
    const plain = [];
    const debug = [];
    for (let i = 0; i < n; i++) {
      await page.click(sel('run-button'));
      await idle(page);
      plain.push((await readTimings(page)).run);
      await page.click(sel('debug-button'));
      await idle(page);
      debug.push((await readTimings(page)).run);
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const ratios = debug.map((d, i) => d / plain[i]);
    console.log(`  -O0 run ${median(plain)} ms, under Debug ${median(debug)} ms`);
    row(
      'debug-overhead',
      `a loop-heavy C program (2M calls) under Debug, no breakpoint hit, run time ÷ its -O0 Run (medians ${median(debug).toFixed(1)} / ${median(plain).toFixed(1)} ms)`,
      ratios,
      '×',
      '≤ 3×',
      (m) => m <= 3,
    );
  }
  await ctx.close();
}
