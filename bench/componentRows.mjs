// Benchmark rows of components (issue #12): wrapping and transpiling in the compiler worker, and
// what running as a component (preview2-shim, through the preview 1 adapter) costs a program.
import { openApp, runOnce, sel } from './browser.mjs';
import { sample, settle, sideBySide, summarize } from './stats.mjs';

/** The sum of the component phases of the last Run, as the Timings panel shows them (ms). */
const componentPhasesMs = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="compile-phase"]')]
      .filter((e) => ['component-new', 'wit', 'transpile'].includes(e.dataset.name))
      .reduce((t, e) => t + Number(e.dataset.ms), 0),
  );

async function setComponent(page, on) {
  const box = page.locator(sel('as-component'));
  if ((await box.isChecked()) !== on) await box.setChecked(on);
}

export async function componentRows({ browser, base, n, row, want }) {
  if (want('component-build')) {
    console.log('component-build (C hello world)…');
    await settle();
    const page = await browser.newPage();
    await openApp(page, base);
    await page.selectOption(sel('language-select'), 'c');
    await setComponent(page, true);
    // The first Run loads clang and jco's tools (the warm-up); then each Run is timed.
    await runOnce(page, 240_000);
    const xs = await sample(
      async () => {
        const t = await runOnce(page, 60_000);
        if (!/exit code 0/.test(t.exit)) throw new Error(`component-build: ${t.exit}`);
        return componentPhasesMs(page);
      },
      { n },
    );
    row(
      'component-build',
      'C hello world: wasm-tools component-new (preview 1 command adapter) + WIT + jco transpile, in the compiler worker, warm',
      xs,
      'ms',
      '≤ 500 ms',
      (m) => m <= 500,
    );
    await page.close();
  }

  if (want('component-run-ratio')) {
    console.log('component-run-ratio (C++ n-body)…');
    await settle();
    const page = await browser.newPage();
    await openApp(page, base);
    await page.selectOption(sel('language-select'), 'cpp');
    await page.selectOption(sel('examples-select'), 'nbody');
    await page.fill(sel('compiler-flags'), '-DSTEPS=5000000');
    await runOnce(page, 240_000);
    const runMs = async (component) => {
      await setComponent(page, component);
      const t = await runOnce(page, 120_000);
      if (!/exit code 0/.test(t.exit)) throw new Error(`component-run-ratio: ${t.exit}`);
      return t.run;
    };
    const [comp, p1] = await sideBySide(
      () => runMs(true),
      () => runMs(false),
      { n },
    );
    const reference = summarize(p1).median;
    const ratio = summarize(comp).median / reference;
    row(
      'component-run-ratio',
      'C++ n-body (5,000,000 steps, -O2): run time as a component (preview2-shim) ÷ as a preview 1 module (our host), alternating in one page; reference column: preview 1, ms',
      comp,
      'ms',
      '≤ 1.1',
      () => ratio <= 1.1,
      { reference, ratio },
    );
    await page.close();
  }
}
