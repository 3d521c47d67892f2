// Rows of issue #28: the C defaults' cost on hello world, a project's first build on one worker
// and on all, and a C++ throw caught against an error code returned.
import { sel, serveHtml } from './browser.mjs';
import { manyUnitProject, SQLITE_FLAGS, sqliteProject, THROW_CATCH } from './cFixtures.mjs';
import { C_HELLO } from './fixtures.mjs';
import { sideBySide, summarize } from './stats.mjs';

const HOST = `<!doctype html><body><iframe id="f" width="900" height="600"></iframe><script>
  window.messages = [];
  addEventListener('message', (e) => window.messages.push(e.data));
  window.send = (m) => document.getElementById('f').contentWindow.postMessage(m, '*');
</script></body>`;

let host = null;
/** The host page's URL, served on a port of its own while the harness runs. */
function hostUrl() {
  host ??= serveHtml(HOST).then(({ server, url }) => {
    server.unref();
    return url;
  });
  return host;
}

/** An embed in a fresh context, driven through its postMessage API (the bench's host page). */
export async function openEmbed(browser, base, query = '') {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  // A host page of another origin on this machine (a secure context, as a site on https is).
  await page.goto(await hostUrl());
  await page.evaluate(
    (src) => (document.getElementById('f').src = src),
    `${base}/embed.html${query}`,
  );
  await page.waitForFunction(() => window.messages.some((m) => m.type === 'playground:ready'));
  const frame = page.frameLocator('#f');
  const send = (m) => page.evaluate((x) => window.send(x), m);
  /** Sends `run` (after `set`), clicks through the toolchain prompt, waits for its exit event. */
  const run = async (set, timeout = 600_000) => {
    const before = await page.evaluate(
      () => window.messages.filter((m) => m.type === 'playground:exit').length,
    );
    await page.evaluate(() => (window.outputText = ''));
    if (set) await send(set);
    await send({ type: 'playground:run' });
    const consent = frame.locator(sel('toolchain-consent'));
    await Promise.race([
      consent.click({ timeout }).catch(() => {}),
      page.waitForFunction(
        (n) => window.messages.filter((m) => m.type === 'playground:exit').length > n,
        before,
        { timeout },
      ),
    ]);
    await page.waitForFunction(
      (n) => window.messages.filter((m) => m.type === 'playground:exit').length > n,
      before,
      { timeout, polling: 500 },
    );
    return page.evaluate((n) => {
      const exit = window.messages.filter((m) => m.type === 'playground:exit')[n];
      const out = window.messages
        .slice(
          window.messages.indexOf(
            window.messages.filter((m) => m.type === 'playground:exit')[n - 1],
          ) + 1,
        )
        .filter((m) => m.type === 'playground:output')
        .map((m) => m.text)
        .join('');
      return { exit, out };
    }, before);
  };
  return { ctx, page, run };
}

/**
 * A project's first build once the toolchain is warm (a hello world ran first) with `jobs`, and
 * then `rebuilds` builds of every unit again in the same page (a define changes).
 */
async function buildsMs(browser, base, files, flags, jobs, check, rebuilds = 0) {
  const { ctx, run } = await openEmbed(browser, base, jobs ? `?jobs=${jobs}` : '');
  try {
    await run({ type: 'playground:set', language: 'c', source: C_HELLO });
    const times = [];
    for (let i = 0; i <= rebuilds; i++) {
      const { exit, out } = await run(
        i === 0
          ? { type: 'playground:set', language: 'c', files, entry: 'main.c', flags }
          : { type: 'playground:set', flags: `${flags} -DPLAYGROUND_BENCH_REBUILD=${i}` },
      );
      if (exit.code !== 0 || !check(out))
        throw new Error(`build failed: ${JSON.stringify(exit)} ${out}`);
      times.push(exit.timings.compileMs);
    }
    return times;
  } finally {
    await ctx.close();
  }
}

export async function cRows({ browser, base, n, row, want, vite }) {
  if (want('c-hello-defaults')) await helloDefaults({ n, row, vite });

  if (want('c-project-first-build')) {
    console.log('c-project-first-build…');
    const check = (out) => out.includes('count: customers=3');
    const [all, one] = await sideBySide(
      async () => (await buildsMs(browser, base, sqliteProject(), SQLITE_FLAGS, 0, check))[0],
      async () => (await buildsMs(browser, base, sqliteProject(), SQLITE_FLAGS, 1, check))[0],
      { warmup: 0, n: Math.min(n, 3) },
    );
    const ratio = summarize(all).median / summarize(one).median;
    row(
      'c-project-first-build',
      "SQLite's amalgamation + main.c (2 units), first build after the toolchain is warm: one clang per core ÷ one worker (?jobs=1)",
      all,
      'ms',
      '≤ 60% of one worker',
      () => ratio <= 0.6,
      { reference: summarize(one).median, ratio },
    );
  }

  if (want('c-many-units-first-build', 'c-many-units-rebuild')) {
    console.log('c-many-units…');
    const check = (out) => /^-?\d+\n$/.test(out);
    const files = manyUnitProject();
    const [all, one] = await sideBySide(
      () => buildsMs(browser, base, files, '', 0, check, 3),
      () => buildsMs(browser, base, files, '', 1, check, 3),
      { warmup: 0, n: Math.min(n, 3) },
    );
    for (const [name, what, pick] of [
      ['c-many-units-first-build', 'first build after the toolchain is warm', (t) => t[0]],
      ['c-many-units-rebuild', 'every unit rebuilt in a warm session (3rd rebuild)', (t) => t[3]],
    ]) {
      const a = all.map(pick);
      const b = one.map(pick);
      const ratio = summarize(a).median / summarize(b).median;
      row(
        name,
        `8 units of ≈ 120 functions + main.c, ${what}: one clang per core ÷ one worker (?jobs=1)`,
        a,
        'ms',
        '≤ 60% of one worker',
        () => ratio <= 0.6,
        { reference: summarize(b).median, ratio },
      );
    }
  }

  if (want('cpp-throw-catch')) {
    console.log('cpp-throw-catch…');
    const { ctx, page, run } = await openEmbed(browser, base);
    const throws = [];
    const codes = [];
    await run({ type: 'playground:set', language: 'cpp', source: THROW_CATCH });
    for (let i = 0; i < n; i++) {
      const { out, exit } = await run();
      const m = /throw-catch ([\d.]+) ns, error-code ([\d.]+) ns, 100000 100000/.exec(out);
      if (!m)
        throw new Error(
          `cpp-throw-catch: ${out} ${JSON.stringify(exit)} ${JSON.stringify(await page.evaluate(() => window.messages.filter((x) => x.type === 'playground:compiled')))}`,
        );
      throws.push(Number(m[1]));
      codes.push(Number(m[2]));
    }
    await ctx.close();
    const ratio = summarize(throws).median / summarize(codes).median;
    row(
      'cpp-throw-catch',
      'a std::runtime_error thrown 3 frames down and caught, per iteration ÷ the same loop returning an error code',
      throws,
      'ns',
      'report the ratio; ≤ 20×',
      () => ratio <= 20,
      { reference: summarize(codes).median, ratio },
    );
  }
}

/**
 * Hello world with the C defaults of #28 against the command lines before them (9b38514: no
 * setjmp, emulation flags, <stdio.h> overlay, extra libraries or lazy members), compiled and
 * linked by the same clang in Node, alternately: time and .wasm size.
 */
async function helloDefaults({ n, row, vite }) {
  console.log('c-hello-defaults…');
  const clang = await import('@yowasp/clang');
  const support = await vite.ssrLoadModule('/src/languages/c/support.ts');
  const run = async (args, tree) => {
    let log = '';
    const dec = new TextDecoder();
    const write = (b) => b && (log += dec.decode(b));
    try {
      return { out: await clang.runClang(args, tree, { stdout: write, stderr: write }), log };
    } catch (e) {
      throw new Error(`${args.join(' ')}: ${log || e}`, { cause: e });
    }
  };
  const objs = await support.supportObjects(clang.version, run, false);
  const text = (d) => (typeof d === 'string' ? d : new TextDecoder().decode(d));
  const build = async (defaults) => {
    const t0 = performance.now();
    const { out } = await run(
      [
        'clang',
        '-O2',
        ...(defaults ? support.DEFAULT_COMPILE_FLAGS : []),
        '-fno-color-diagnostics',
        '-I.',
        '-c',
        'main.c',
        '-o',
        'unit0.o',
        '-MD',
        '-MF',
        'unit0.o.d',
      ],
      { 'main.c': C_HELLO, ...(defaults ? support.OVERLAY : {}) },
    );
    const lazy = defaults ? objs.lazy : { 'stdin-flush.o': objs.lazy['stdin-flush.o'] };
    const linked = await run(
      [
        'clang',
        '-O2',
        '-Wno-unused-command-line-argument',
        'unit0.o',
        '-Wl,--start-lib',
        ...Object.keys(lazy),
        '-Wl,--end-lib',
        '-Wl,--wrap=__stdio_read',
        ...(defaults ? support.linkLibsOf(text(out['unit0.o.d'])) : []),
        '-o',
        'main.wasm',
      ],
      { 'unit0.o': out['unit0.o'], ...lazy },
    );
    return { ms: performance.now() - t0, size: linked.out['main.wasm'].length };
  };
  const [now, before] = await sideBySide(
    () => build(true),
    () => build(false),
    {
      warmup: 2,
      n: Math.max(n, 15),
    },
  );
  const timeRatio =
    summarize(now.map((r) => r.ms)).median / summarize(before.map((r) => r.ms)).median;
  const sizeRatio = now[0].size / before[0].size;
  row(
    'c-hello-defaults',
    'C hello world at -O2, compile + link in Node: the new defaults ÷ the command lines before them (time; size in extra)',
    now.map((r) => r.ms),
    'ms',
    'ratio ≤ 1.05 for time and for size',
    () => timeRatio <= 1.05 && sizeRatio <= 1.05,
    {
      reference: summarize(before.map((r) => r.ms)).median,
      ratio: timeRatio,
      size: now[0].size,
      sizeBefore: before[0].size,
      sizeRatio,
    },
  );
}
