// Rows of the everyday loop: page load, WAT Run, compile and run ratios against Node, output
// throughput, Stop and the Run after it. Each takes the base URL of the build it measures.
import { gzipSync } from 'node:zlib';
import {
  longestTask,
  openApp,
  runOnce,
  sel,
  setSource,
  timeInPage,
  watchLongTasks,
} from './browser.mjs';
import {
  AS_HELLO,
  C_HELLO,
  COUNT_WAT,
  HELLO_WAT,
  LOOP_WAT,
  NBODY,
  NBODY_FLAGS,
} from './fixtures.mjs';
import { sample, settle, sideBySide, summarize } from './stats.mjs';

/** page-load: a fresh context each visit; the initial JS/CSS is weighed on the first. */
export async function pageLoadRows({ browser, base, row, want }) {
  if (want('page-load')) {
    console.log('page-load…');
    let bytes = null;
    const xs = await sample(async () => {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      // Everything fetched until the editor was ready (worker scripts included); what the page
      // loads afterwards in the background (a warmed compiler) is not initial.
      const finished = [];
      page.on('requestfinished', (req) => finished.push(req));
      await openApp(page, base);
      const { ms, readyAt } = await page.evaluate(() => {
        const t = performance.getEntriesByName('editor-ready')[0].startTime;
        return { ms: t, readyAt: performance.timeOrigin + t };
      });
      if (!bytes) {
        let gz = 0;
        const names = [];
        for (const req of finished) {
          const path = new URL(req.url()).pathname;
          if (!/\.(js|css)$/.test(path)) continue;
          const t = req.timing();
          if (t.startTime + t.responseEnd > readyAt) continue;
          const body = await (await req.response())?.body().catch(() => null);
          if (!body) continue;
          gz += gzipSync(body, { level: 9 }).length;
          names.push(path.replace(/^.*\/assets\//, ''));
        }
        const compilers = names.filter((n) => /^(asc|binaryen|bundle|llvm|compile)[-.]/.test(n));
        bytes = { gz, names, compilers };
      }
      await ctx.close();
      return ms;
    });
    row(
      'page-load',
      'navigation → editor ready and Run enabled (fresh cache)',
      xs,
      'ms',
      '≤ 1000 ms; initial JS/CSS ≤ 1.1 MB gzip, no compiler',
      (m) => m <= 1000 && bytes.gz <= 1.1e6 && bytes.compilers.length === 0,
      {
        initialGzipBytes: bytes.gz,
        initialFiles: bytes.names,
        initialCompilers: bytes.compilers,
      },
    );
  }
}

/** WAT hello, the compile ratios, n-body, 100,000 lines, Stop and Run after it. */
export async function coreRows({ browser, base, n, row, want, node, nodeCompileMs }) {
  if (want('wat-e2e', 'wat-compile-ratio', 'instantiate')) {
    console.log('WAT hello world…');
    const page = await browser.newPage();
    await openApp(page, base);
    await setSource(page, HELLO_WAT);
    const [runs, ref] = await sideBySide(
      () => runOnce(page),
      async () => (await nodeCompileMs('wat', HELLO_WAT)).compileMs,
      { warmup: 2, n: Math.max(n, 15) },
    );
    if (!runs.every((r) => r.exit === 'exit code 0'))
      throw new Error('WAT hello failed: ' + runs[0].exit);
    if (want('wat-e2e'))
      row(
        'wat-e2e',
        'WAT hello world: Run → last line rendered (compile in the compiler worker, a fresh runner instance, the output batch painted; one message round trip each way)',
        runs.map((r) => r.total),
        'ms',
        '≤ 25 ms',
        (m) => m <= 25,
      );
    if (want('wat-compile-ratio')) {
      const w = summarize(runs.map((r) => r.compile)).median;
      const nodeMedian = summarize(ref).median;
      row(
        'wat-compile-ratio',
        'compile in the worker ÷ wabt (parse+validate+binary) in Node',
        runs.map((r) => r.compile),
        'ms',
        '≤ 1.5',
        () => w / nodeMedian <= 1.5,
        { reference: nodeMedian, ratio: w / nodeMedian },
      );
    }
    if (want('instantiate'))
      row(
        'instantiate',
        'instantiate of the hello-world module (Timings panel)',
        runs.map((r) => r.instantiate),
        'ms',
        '≤ 0.2 ms',
        (m) => m <= 0.2,
      );
    await page.close();
    await settle();
  }

  for (const [name, language, source, budget] of [
    ['as-compile-ratio', 'assemblyscript', AS_HELLO, 1.25],
    ['c-compile-ratio', 'c', C_HELLO, 1.3],
  ]) {
    if (!want(name)) continue;
    console.log(`${name}…`);
    const page = await browser.newPage();
    await openApp(page, base);
    await page.selectOption(sel('language-select'), language);
    await setSource(page, source);
    const [runs, ref] = await sideBySide(
      () => runOnce(page),
      async () => (await nodeCompileMs(language, source, '-O2')).compileMs,
      { warmup: 2, n: n },
    );
    const w = summarize(runs.map((r) => r.compile)).median;
    const nodeMedian = summarize(ref).median;
    row(
      name,
      `${language} hello world at -O2: worker compile ÷ the same compile in Node`,
      runs.map((r) => r.compile),
      'ms',
      `≤ ${budget}`,
      () => w / nodeMedian <= budget,
      { reference: nodeMedian, ratio: w / nodeMedian },
    );
    await page.close();
    await settle();
  }

  if (want('run-ratio')) {
    console.log('run-ratio (n-body)…');
    await settle();
    const page = await browser.newPage();
    await openApp(page, base);
    await page.selectOption(sel('language-select'), 'cpp');
    await setSource(page, NBODY);
    await page.fill(sel('compiler-flags'), NBODY_FLAGS);
    await runOnce(page);
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.click(sel('download-wasm')),
    ]);
    const chunks = [];
    for await (const c of await dl.createReadStream()) chunks.push(c);
    const wasm = new Uint8Array(Buffer.concat(chunks));
    const [runs, ref] = await sideBySide(
      () => runOnce(page),
      async () => (await node.run(wasm)).runMs,
      { warmup: 1, n: n },
    );
    const w = summarize(runs.map((r) => r.run)).median;
    const nodeMedian = summarize(ref).median;
    row(
      'run-ratio',
      `n-body ${NBODY_FLAGS} -O2: run in the runner worker ÷ same bytes in Node`,
      runs.map((r) => r.run),
      'ms',
      '≤ 1.1',
      () => w / nodeMedian <= 1.1,
      { reference: nodeMedian, ratio: w / nodeMedian },
    );
    await page.close();
    await settle();
  }

  if (want('output-throughput')) {
    console.log('output-throughput…');
    await settle();
    const page = await browser.newPage();
    await openApp(page, base);
    await setSource(page, COUNT_WAT);
    const longest = [];
    const xs = await sample(async () => {
      await watchLongTasks(page);
      const ms = await timeInPage(
        page,
        'run-button',
        `document.querySelector('[data-testid="output-count"]')?.getAttribute('data-value') === '100000'`,
      );
      await page.waitForSelector(`${sel('run-button')}[data-state="idle"]`);
      longest.push(await longestTask(page));
      return 100_000 / (ms / 1000);
    });
    const maxTask = Math.max(...longest);
    row(
      'output-throughput',
      '100,000 lines: Run → count shows 100,000',
      xs,
      'lines/s',
      '≥ 200,000 lines/s; no task > 100 ms',
      (m) => m >= 200_000 && maxTask <= 100,
      { longestTaskMs: maxTask },
    );
  }

  if (want('stop-latency')) {
    console.log('stop-latency…');
    await settle();
    const page = await browser.newPage();
    await openApp(page, base);
    const stops = [];
    const starts = [];
    await sample(
      async () => {
        await setSource(page, LOOP_WAT);
        await page.click(sel('run-button'));
        await page.waitForSelector(`${sel('run-button')}[data-state="running"]`);
        await page.waitForTimeout(200);
        stops.push(
          await timeInPage(
            page,
            'stop-button',
            `document.querySelector('[data-testid="run-button"]').getAttribute('aria-disabled') === 'false'`,
          ),
        );
        await setSource(page, HELLO_WAT);
        starts.push(
          await timeInPage(
            page,
            'run-button',
            `document.querySelectorAll('[data-testid="output-line"]').length > 0`,
          ),
        );
        await page.waitForSelector(`${sel('run-button')}[data-state="idle"]`);
      },
      { warmup: 1, n: n },
    );
    row(
      'stop-latency',
      'infinite loop: Stop → Run enabled again',
      stops,
      'ms',
      '≤ 100 ms',
      (m) => m <= 100,
    );
    row(
      'run-after-stop',
      'then Run → first output line rendered (includes starting the runner worker that Stop terminated)',
      starts,
      'ms',
      '≤ 50 ms',
      (m) => m <= 50,
    );
  }
}
