// `npm run bench`: builds the app, serves dist/, drives Chromium through the real UI and measures
// each row against its budget, with Node references measured in the same run. See README.
import { spawn, execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { createServer } from 'vite';
import {
  launch,
  longestTask,
  openApp,
  runOnce,
  sel,
  setSource,
  timeInPage,
  watchLongTasks,
} from './browser.mjs';
import { fsRows } from './fsRows.mjs';
import { terminalRows } from './terminalRows.mjs';
import { inspectRows } from './inspectRows.mjs';
import { serverRows } from './serverRows.mjs';
import { loadRows } from './loadRows.mjs';
import { componentRows } from './componentRows.mjs';
import { sample, settle, sideBySide, summarize } from './stats.mjs';

const argv = process.argv.slice(2);
// `--only a,b`: just those rows.
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : null;
// At least 9 measured runs per row after warm-up (median and p90 reported).
const N = Number(process.env.BENCH_RUNS ?? 9);
const PORT = 4180;
const BASE = `http://localhost:${PORT}`;
const fixture = (p) => readFileSync(new URL(p, import.meta.url), 'utf8');
const HELLO_WAT = fixture('../src/languages/wat/examples/hello.wat');
const COUNT_WAT = fixture('../e2e/fixtures/count.wat');
const LOOP_WAT = fixture('../e2e/fixtures/loop.wat');
const AS_HELLO = fixture('../src/languages/assemblyscript/examples/hello.ts');
const C_HELLO = fixture('../src/languages/c/examples/hello.c');
const NBODY = fixture('../src/languages/cpp/examples/nbody.cpp');
const NBODY_FLAGS = '-DSTEPS=16000000';

const rows = [];
function row(name, what, xs, unit, budget, ok, extra = {}) {
  const s = summarize(xs);
  const r = { name, what, ...s, unit, runs: xs.length, budget, ok: ok(s.median), ...extra };
  rows.push(r);
  console.log(
    `  ${r.ok ? 'ok  ' : 'MISS'} ${name}: median ${fmt(s.median)} ${unit} (p90 ${fmt(s.p90)}, min ${fmt(s.min)}, max ${fmt(s.max)})${extra.ratio !== undefined ? `, ratio ${extra.ratio.toFixed(2)}` : ''}`,
  );
}
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const want = (...names) => !only || names.some((n) => only.includes(n));

// Node references: the very same compile/run code, loaded through Vite's SSR module loader.
const vite = await createServer({
  server: { middlewareMode: true },
  appType: 'custom',
  logLevel: 'error',
});
const node = await vite.ssrLoadModule('/src/testing.ts');
async function nodeCompileMs(language, source, optLevel, flags) {
  const r = await node.compile(language, source, optLevel, flags);
  if (!r.ok) throw new Error(`reference compile failed: ${r.log}`);
  return r;
}

// A production build: the Vite dev server created above for the Node references sets
// NODE_ENV=development in this process, which a child build would inherit (React's development
// build, several times slower, was measured that way once).
if (!argv.includes('--no-build'))
  execSync('npx vite build', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
  stdio: 'ignore',
  detached: true,
});
// npx starts vite as a child: kill the whole process group, or the server outlives the harness.
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
const browser = await launch();
const fail = async (e) => {
  console.error(e);
  await browser.close().catch(() => {});
  stopServer();
  await vite.close();
  process.exit(2);
};
process.on('unhandledRejection', fail);

try {
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(BASE);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }

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
      await openApp(page, BASE);
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

  if (
    want(
      'first-code-paint',
      'c-toolchain-cold',
      'c-toolchain-warm',
      'c-first-compile-after-load',
      'as-first-compile',
      'offline-load',
    )
  ) {
    await settle();
    await loadRows({ browser, base: BASE, n: N, row, want });
  }

  if (want('wat-e2e', 'wat-compile-ratio', 'instantiate')) {
    console.log('WAT hello world…');
    const page = await browser.newPage();
    await openApp(page, BASE);
    await setSource(page, HELLO_WAT);
    const [runs, ref] = await sideBySide(
      () => runOnce(page),
      async () => (await nodeCompileMs('wat', HELLO_WAT)).compileMs,
      { warmup: 2, n: Math.max(N, 15) },
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
      const n = summarize(ref).median;
      row(
        'wat-compile-ratio',
        'compile in the worker ÷ wabt (parse+validate+binary) in Node',
        runs.map((r) => r.compile),
        'ms',
        '≤ 1.5',
        () => w / n <= 1.5,
        { reference: n, ratio: w / n },
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
    await openApp(page, BASE);
    await page.selectOption(sel('language-select'), language);
    await setSource(page, source);
    const [runs, ref] = await sideBySide(
      () => runOnce(page),
      async () => (await nodeCompileMs(language, source, '-O2')).compileMs,
      { warmup: 2, n: N },
    );
    const w = summarize(runs.map((r) => r.compile)).median;
    const n = summarize(ref).median;
    row(
      name,
      `${language} hello world at -O2: worker compile ÷ the same compile in Node`,
      runs.map((r) => r.compile),
      'ms',
      `≤ ${budget}`,
      () => w / n <= budget,
      { reference: n, ratio: w / n },
    );
    await page.close();
    await settle();
  }

  if (want('run-ratio')) {
    console.log('run-ratio (n-body)…');
    await settle();
    const page = await browser.newPage();
    await openApp(page, BASE);
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
      { warmup: 1, n: N },
    );
    const w = summarize(runs.map((r) => r.run)).median;
    const n = summarize(ref).median;
    row(
      'run-ratio',
      `n-body ${NBODY_FLAGS} -O2: run in the runner worker ÷ same bytes in Node`,
      runs.map((r) => r.run),
      'ms',
      '≤ 1.1',
      () => w / n <= 1.1,
      { reference: n, ratio: w / n },
    );
    await page.close();
    await settle();
  }

  if (want('output-throughput')) {
    console.log('output-throughput…');
    await settle();
    const page = await browser.newPage();
    await openApp(page, BASE);
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
    await openApp(page, BASE);
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
      { warmup: 1, n: N },
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

  if (want('keystroke-echo', 'input-roundtrip', 'terminal-throughput', 'jspi-overhead')) {
    await terminalRows({ browser, base: BASE, n: N, row, want });
    await settle();
  }

  if (want('fs-throughput', 'fs-many', 'c-incremental')) {
    await settle();
    await fsRows({ browser, base: BASE, n: N, row, want });
  }

  if (want('inspect-1mb', 'wasm-opt-ratio')) {
    await settle();
    await inspectRows({ browser, base: BASE, n: N, row, want, vite, node });
  }

  if (want('component-build', 'component-run-ratio')) {
    await settle();
    await componentRows({ browser, base: BASE, n: N, row, want });
  }

  if (want('coldstart', 'coldstart-rate', 'handler-rps', 'handler-p99', 'preview-request')) {
    await settle();
    await serverRows({ browser, base: BASE, n: N, row, want, fixture });
  }
} finally {
  await browser.close();
  stopServer();
  await vite.close();
}

const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}, ${browser.version?.() ?? 'Chromium'}`;
const today = new Date().toISOString().slice(0, 10);
for (const r of rows) r.date = today;
// `--only`: the rows measured now replace theirs in the last results (each row keeps its date).
const resultsUrl = new URL('./results.json', import.meta.url);
const last = only && existsSync(resultsUrl) ? JSON.parse(readFileSync(resultsUrl, 'utf8')) : null;
const all = last
  ? [
      ...last.rows.map(
        (r) => rows.find((x) => x.name === r.name) ?? { date: last.date.slice(0, 10), ...r },
      ),
      ...rows.filter((r) => !last.rows.some((x) => x.name === r.name)),
    ]
  : rows;
const table = [
  '| row | what | median | p90 | min | max | reference (Node) | ratio | budget | ok |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...all.map(
    (r) =>
      `| ${r.name} | ${r.what} | ${fmt(r.median)} ${r.unit} | ${fmt(r.p90)} | ${fmt(r.min)} | ${fmt(r.max)} | ${r.reference !== undefined ? fmt(r.reference) + ' ms' : ''} | ${r.ratio !== undefined ? r.ratio.toFixed(2) : ''} | ${r.budget} | ${r.ok ? '✅' : '❌'} |`,
  ),
].join('\n');
const extras = all
  .filter((r) => r.initialGzipBytes !== undefined || r.longestTaskMs !== undefined)
  .map((r) =>
    r.initialGzipBytes !== undefined
      ? `- initial JS/CSS: ${(r.initialGzipBytes / 1024).toFixed(0)} KiB gzip in ${r.initialFiles.length} files (${r.initialFiles.join(', ')}); ${r.initialCompilers.length ? `compilers among them: ${r.initialCompilers.join(', ')}` : 'no compiler among them'}`
      : r.longestTaskMs > 0
        ? `- longest main-thread task during ${r.taskWhat ?? '100,000 lines'} (${r.name}): ${fmt(r.longestTaskMs)} ms`
        : `- no long main-thread task (≥ 50 ms, the Long Tasks API threshold) during ${r.taskWhat ?? '100,000 lines'} (${r.name})`,
  )
  .join('\n');
const dates = [...new Set(all.map((r) => r.date))].sort();
const when =
  dates.length > 1
    ? `${dates[0]} (full run); ${dates
        .slice(1)
        .map(
          (d) =>
            `${all
              .filter((r) => r.date === d)
              .map((r) => r.name)
              .join(', ')} measured again ${d} (\`--only\`)`,
        )
        .join('; ')}`
    : today;
const md = `${table}\n\n${extras}\n\nMachine: ${machine}, ${when}`;
console.log(`\n${md}`);
if (!only || last) {
  writeFileSync(
    resultsUrl,
    JSON.stringify(
      { machine, date: last?.date ?? new Date().toISOString(), runs: N, rows: all },
      null,
      2,
    ) + '\n',
  );
  writeFileSync(new URL('./results.md', import.meta.url), `${md}\n`);
}
process.exit(rows.every((r) => r.ok) ? 0 : 1);
