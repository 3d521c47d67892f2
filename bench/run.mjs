// `npm run bench`: builds the app, serves dist/, drives Chromium through the real UI and measures
// each row against its budget, with Node references measured in the same run. See README.
//
// `npm run bench -- --against <ref>`: also builds <ref> in a worktree of its own, serves both
// builds, and measures every row on both in one browser: the everyday loop (page-ready,
// wat-run-output) alternating sample by sample, every other group of rows on this tree, then on
// the ref, group by group. Prints each row's median for both and the ratio (bench/against.md).
import { spawn, execSync } from 'node:child_process';
import { createServer } from 'vite';
import { launch } from './browser.mjs';
import { fsRows } from './fsRows.mjs';
import { terminalRows } from './terminalRows.mjs';
import { inspectRows } from './inspectRows.mjs';
import { serverRows } from './serverRows.mjs';
import { loadRows } from './loadRows.mjs';
import { componentRows } from './componentRows.mjs';
import { coreRows, pageLoadRows } from './coreRows.mjs';
import { loopRows } from './loopRows.mjs';
import { cRows } from './cRows.mjs';
import { hostingRows } from './hostingRows.mjs';
import { interpretedRows } from './interpretedRows.mjs';
import { debugRows } from './debugRows.mjs';
import { spinRows } from './spinRows.mjs';
import { fixture } from './fixtures.mjs';
import { prepareRef } from './refBuild.mjs';
import { fmt, writeAgainst, writeResults } from './report.mjs';
import { settle, summarize } from './stats.mjs';

const argv = process.argv.slice(2);
const flag = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : null);
// `--only a,b`: just those rows.
const only = flag('--only')?.split(',') ?? null;
const against = flag('--against');
// At least 9 measured runs per row after warm-up (median and p90 reported).
const N = Number(process.env.BENCH_RUNS ?? 9);
const root = new URL('..', import.meta.url).pathname;

const targets = [{ key: 'head', label: 'this tree', dir: root, port: 4180 }];
if (against) {
  const ref = prepareRef(against, { rebuild: argv.includes('--rebuild-ref') });
  targets.push({ key: 'ref', label: ref.label, dir: ref.dir, port: 4181 });
}
for (const t of targets) t.base = `http://localhost:${t.port}`;
let target = targets[0];

const rows = [];
function row(name, what, xs, unit, budget, ok, extra = {}) {
  const s = summarize(xs);
  const r = { name, what, ...s, unit, runs: xs.length, budget, ok: ok(s.median) };
  Object.assign(r, { target: target.key }, extra);
  rows.push(r);
  const who = against ? `[${targets.find((t) => t.key === r.target).label}] ` : '';
  console.log(
    `  ${r.ok ? 'ok  ' : 'MISS'} ${who}${name}: median ${fmt(s.median)} ${unit} (p90 ${fmt(s.p90)}, min ${fmt(s.min)}, max ${fmt(s.max)})${extra.ratio !== undefined ? `, ratio ${extra.ratio.toFixed(2)}` : ''}`,
  );
}
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
const servers = targets.map((t) =>
  spawn('npx', ['vite', 'preview', '--port', String(t.port), '--strictPort'], {
    cwd: t.dir,
    stdio: 'ignore',
    detached: true,
  }),
);
// npx starts vite as a child: kill the whole process group, or the server outlives the harness.
const stopServers = () => {
  for (const s of servers) {
    try {
      process.kill(-s.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
};
const browser = await launch();
const fail = async (e) => {
  console.error(e);
  await browser.close().catch(() => {});
  stopServers();
  await vite.close();
  process.exit(2);
};
process.on('unhandledRejection', fail);

/** Each group of rows: the row names it may produce, and the function that measures them. */
const groups = [
  [['page-load'], pageLoadRows],
  [
    [
      'first-code-paint',
      'c-toolchain-cold',
      'c-toolchain-warm',
      'c-first-compile-after-load',
      'as-first-compile',
      'offline-load',
    ],
    loadRows,
  ],
  [
    [
      'wat-e2e',
      'wat-compile-ratio',
      'instantiate',
      'as-compile-ratio',
      'c-compile-ratio',
      'run-ratio',
      'output-throughput',
      'stop-latency',
      'run-after-stop',
    ],
    coreRows,
  ],
  [['keystroke-echo', 'input-roundtrip', 'terminal-throughput', 'jspi-overhead'], terminalRows],
  [['fs-throughput', 'fs-many', 'c-incremental'], fsRows],
  [['inspect-1mb', 'wasm-opt-ratio'], inspectRows],
  [['component-build', 'component-run-ratio'], componentRows],
  [['coldstart', 'coldstart-rate', 'handler-rps', 'handler-p99', 'preview-request'], serverRows],
  [
    [
      'c-hello-defaults',
      'c-project-first-build',
      'c-many-units-first-build',
      'c-many-units-rebuild',
      'cpp-throw-catch',
    ],
    cRows,
  ],
  [
    [
      'embed-opaque-ready',
      'links-create',
      'links-resolve',
      'c-toolchain-wire',
      'c-toolchain-slow-link',
    ],
    hostingRows,
  ],
  [
    [
      'python-first-run',
      'python-rerun',
      'ruby-first-run',
      'ruby-rerun',
      'pyodide-first-run',
      'pyodide-rerun',
    ],
    interpretedRows,
  ],
  [['debug-start', 'step-latency', 'debug-overhead'], debugRows],
  [['spin-run', 'spin-rps', 'spin-coldstart', 'spin-kv-get', 'spin-sql-insert'], spinRows],
];

let browserVersion;
try {
  for (const t of targets) {
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(t.base);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
  if (against) await loopRows({ browser, targets, n: N, row, want });
  for (const [names, measure] of groups) {
    if (!want(...names)) continue;
    for (const t of targets) {
      target = t;
      const ctx = { browser, base: t.base, n: N, row, want, vite, node, nodeCompileMs, fixture };
      try {
        await measure(ctx);
      } catch (e) {
        // An older build may lack what a newer row drives: that row is n/a for it.
        if (!against) throw e;
        console.log(`  n/a  [${t.label}] ${names.join(', ')}: ${String(e).split('\n')[0]}`);
      }
      await settle();
    }
  }
} finally {
  browserVersion = browser.version();
  await browser.close();
  stopServers();
  await vite.close();
}

if (against) writeAgainst({ rows, targets, browserVersion });
else writeResults({ rows, browserVersion, only, N });
process.exit(against || rows.every((r) => r.ok) ? 0 : 1);
