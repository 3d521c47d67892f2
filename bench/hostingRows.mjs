// Rows of issue #27: an opaque-origin embed's start, the link service under load (autocannon),
// and the first C compile's bytes on the wire and time on a 50 Mbit/s link.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { openApp, sel, serveHtml, timeInPage } from './browser.mjs';
import { sample, summarize } from './stats.mjs';

const root = new URL('..', import.meta.url).pathname;

/** A host page of another origin with a `sandbox="allow-scripts"` frame; `start(src)` → ms to ready. */
const OPAQUE_HOST = `<!doctype html><body><iframe id="f" sandbox="allow-scripts" width="900" height="600"></iframe><script>
  window.start = (src) => new Promise((resolve, reject) => {
    const t0 = performance.now();
    setTimeout(() => reject(new Error('no playground:ready within 20 s')), 20000);
    addEventListener('message', (e) => e.data?.type === 'playground:ready' && resolve(performance.now() - t0));
    document.getElementById('f').src = src;
  });
</script></body>`;

/**
 * A proxy in front of `base` that counts the response bytes it forwards (as sent: compressed
 * when the server compressed) and, with `bitsPerSecond`, sends them no faster than that over one
 * shared link.
 */
export function wireProxy(base, bitsPerSecond = 0) {
  const upstream = new URL(base);
  const state = { bytes: 0 };
  let linkFreeAt = 0;
  // A fresh connection per request: a kept-alive socket the server has closed meanwhile would
  // fail the request ("socket hang up") and leave the page without one of its modules.
  const agent = new Agent({ keepAlive: false });
  const server = createServer((req, res) => {
    const up = request(
      {
        agent,
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: upstream.host },
      },
      (ur) => {
        const headers = { ...ur.headers };
        for (const h of ['connection', 'keep-alive', 'transfer-encoding']) delete headers[h];
        res.writeHead(ur.statusCode, headers);
        // Each chunk leaves when the shared link is free for it; the end follows the last one.
        let sent = Promise.resolve();
        ur.on('data', (chunk) => {
          state.bytes += chunk.length;
          const now = performance.now();
          linkFreeAt = bitsPerSecond
            ? Math.max(now, linkFreeAt) + (chunk.length * 8 * 1000) / bitsPerSecond
            : now;
          const at = linkFreeAt;
          sent = sent.then(
            () => new Promise((r) => setTimeout(r, Math.max(0, at - performance.now()))),
          );
          void sent.then(() => res.write(chunk));
        });
        ur.on('end', () => void sent.then(() => res.end()));
      },
    );
    req.pipe(up);
    up.on('error', (e) => {
      console.error(`wire proxy: ${req.url}: ${e.message}`);
      res.destroy();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, state, base: `http://localhost:${server.address().port}` }),
    ),
  );
}

/** Fresh context through `proxy`: open the app, choose C, Run (which starts the download). */
async function firstCompile(browser, proxy) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  try {
    await openApp(page, proxy.base);
    await page.selectOption(sel('language-select'), 'c');
    await page.waitForSelector(sel('toolchain-consent'));
    const before = proxy.state.bytes;
    const ms = await timeInPage(
      page,
      'run-button',
      `(document.querySelector('[data-testid="exit-status"]')?.textContent ?? '').includes('exit code 0')`,
      180_000,
    );
    return { ms, bytes: proxy.state.bytes - before };
  } finally {
    await ctx.close();
  }
}

/** `npm run links` on a free port with a fresh SQLite file and no rate limit. */
async function startLinks() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-links-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/links/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LINKS_DATA_DIR: dir,
      LINKS_RATE_PER_MINUTE: '0',
      LINKS_DIST: '/nonexistent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) =>
    proc.stdout.on('data', (d) => String(d).includes('http://') && resolve()),
  );
  return {
    base: `http://127.0.0.1:${port}/`,
    stop: () => {
      proc.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const encode = (i) =>
  `v2.${deflateRawSync(Buffer.from(JSON.stringify({ language: 'c', entry: 'main.c', files: { 'main.c': `#include <stdio.h>\nint main(void) { printf("%d\\n", ${i}); }\n` }, stdin: '', args: '', env: '', timeLimit: 10, compileOptions: {} }))).toString('base64url')}`;

const cannon = (opts) =>
  new Promise((resolve, reject) =>
    autocannon({ connections: 10, duration: 5, ...opts }, (e, r) => (e ? reject(e) : resolve(r))),
  );

export async function hostingRows({ browser, base, n, row, want }) {
  if (want('embed-opaque-ready')) {
    console.log('embed-opaque-ready…');
    const host = await serveHtml(OPAQUE_HOST);
    const xs = await sample(
      async () => {
        const ctx = await browser.newContext();
        const page = await ctx.newPage();
        await page.goto(host.url);
        const ms = await page.evaluate((src) => window.start(src), `${base}/embed.html`);
        await ctx.close();
        return ms;
      },
      { warmup: 1, n },
    );
    host.server.close();
    row(
      'embed-opaque-ready',
      'a sandbox="allow-scripts" frame (opaque origin) in a fresh context → playground:ready',
      xs,
      'ms',
      '≤ 1500 ms',
      (m) => m <= 1500,
    );
  }

  if (want('links-create', 'links-resolve')) {
    console.log('links-create / links-resolve (autocannon, 10 connections, 5 s rounds)…');
    const links = await startLinks();
    try {
      let next = 0;
      const created = [];
      const rounds = Math.min(n, 5);
      const create = [];
      for (let i = 0; i < rounds; i++) {
        const r = await cannon({
          url: `${links.base}api/links`,
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          // Every request a new project: each one is a write.
          requests: [{ setupRequest: (req) => ({ ...req, body: encode(next++) }) }],
        });
        if (r.non2xx) throw new Error(`links-create: ${r.non2xx} answers were not 2xx`);
        create.push({ rps: r.requests.average, p99: r.latency.p99 });
      }
      const ids = await Promise.all(
        Array.from(
          { length: 200 },
          async (_, i) =>
            (
              await (
                await fetch(`${links.base}api/links`, { method: 'POST', body: encode(i) })
              ).json()
            ).id,
        ),
      );
      created.push(...ids);
      const resolve = [];
      for (let i = 0; i < rounds; i++) {
        let k = 0;
        const r = await cannon({
          url: links.base,
          requests: [
            { setupRequest: (req) => ({ ...req, path: `/s/${created[k++ % created.length]}` }) },
          ],
        });
        if (r.non2xx !== r.requests.total - r['3xx'] - r['2xx'] && r['3xx'] === 0)
          throw new Error('links-resolve: no redirects');
        resolve.push({ rps: r.requests.average, p99: r.latency.p99 });
      }
      for (const [name, xs, minRps, maxP99] of [
        ['links-create', create, 1000, 20],
        ['links-resolve', resolve, 5000, 10],
      ]) {
        const p99 = summarize(xs.map((x) => x.p99)).median;
        row(
          name,
          `${name === 'links-create' ? 'POST /api/links, a new project each (SQLite, WAL)' : 'GET /s/<id> → 302 (SQLite)'}: req/s over 5 s rounds, 10 connections (autocannon); p99 ${p99 < 1 ? '< 1' : p99} ms`,
          xs.map((x) => x.rps),
          'req/s',
          `≥ ${minRps} req/s, p99 ≤ ${maxP99} ms`,
          (m) => m >= minRps && p99 <= maxP99,
          { p99Ms: p99 },
        );
      }
    } finally {
      links.stop();
    }
  }

  if (want('c-toolchain-wire')) {
    console.log('c-toolchain-wire…');
    const proxy = await wireProxy(base);
    const xs = await sample(async () => (await firstCompile(browser, proxy)).bytes / 1e6, {
      warmup: 0,
      n: Math.min(n, 3),
    });
    proxy.server.close();
    row(
      'c-toolchain-wire',
      'bytes on the wire from Run to the first C program’s exit in a fresh context (toolchain, support objects, workers), served by the preview server',
      xs,
      'MB',
      '≤ 25 MB',
      (m) => m <= 25,
    );
  }

  if (want('c-toolchain-slow-link')) {
    console.log('c-toolchain-slow-link…');
    const proxy = await wireProxy(base, 50e6);
    const xs = await sample(async () => (await firstCompile(browser, proxy)).ms, {
      warmup: 0,
      n: Math.min(n, 3),
    });
    proxy.server.close();
    row(
      'c-toolchain-slow-link',
      'Run → first C program’s exit in a fresh context, every byte through a 50 Mbit/s link',
      xs,
      'ms',
      '≤ 8 s',
      (m) => m <= 8000,
    );
  }
}
