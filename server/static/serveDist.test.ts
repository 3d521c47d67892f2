import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from './headersFile.ts';
import { headersFileText } from './hostingHeaders.ts';
import { serveDist } from './serveDist.ts';

describe('_headers', () => {
  it('applies every matching rule, later ones overriding a name', () => {
    const rules = parseHeadersFile(
      `# comment\n/*\n  A: 1\n  B: 2\n/assets/*\n  B: 3\n/x.html\n  C: 4\n`,
    );
    expect(headersFor(rules, '/index.html')).toEqual({ A: '1', B: '2' });
    expect(headersFor(rules, '/assets/a.js')).toEqual({ A: '1', B: '3' });
    expect(headersFor(rules, '/x.html')).toEqual({ A: '1', B: '2', C: '4' });
  });
  it('the build writes the headers an opaque-origin embed and an isolated app need', () => {
    const all = headersFor(parseHeadersFile(headersFileText()), '/assets/llvm.core-x.wasm');
    expect(all).toMatchObject({
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });
});

describe('serveDist', () => {
  let dir: string;
  let server: Server;
  let base: string;
  const big = 'x'.repeat(50_000);
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, '_headers'), headersFileText());
    writeFileSync(join(dir, 'index.html'), '<h1>app</h1>');
    writeFileSync(join(dir, 'assets/t.wasm'), big);
    writeFileSync(join(dir, 'assets/t.wasm.br'), brotliCompressSync(big));
    writeFileSync(join(dir, 'assets/t.wasm.gz'), gzipSync(big));
    const serve = serveDist(dir);
    server = createServer((req, res) => {
      void serve(req, res).then((done) => done || res.writeHead(404).end());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const head = (path: string, encoding: string) =>
    fetch(base + path, { method: 'HEAD', headers: { 'accept-encoding': encoding } });

  it('sends the precompressed copy the request accepts, with Content-Encoding and Vary', async () => {
    const br = await head('/assets/t.wasm', 'gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(Number(br.headers.get('content-length'))).toBeLessThan(1000);
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('content-type')).toBe('application/wasm');
    expect(br.headers.get('access-control-allow-origin')).toBe('*');
    expect(br.headers.get('cache-control')).toContain('immutable');
    expect((await head('/assets/t.wasm', 'gzip')).headers.get('content-encoding')).toBe('gzip');
    expect((await head('/assets/t.wasm', 'br;q=0, gzip')).headers.get('content-encoding')).toBe(
      'gzip',
    );
    const plain = await head('/assets/t.wasm', 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Number(plain.headers.get('content-length'))).toBe(big.length);
    // The body a browser decodes is the file.
    expect(await (await fetch(`${base}/assets/t.wasm`)).text()).toBe(big);
  });

  it('sends the file itself when it was written after its compressed copies', async () => {
    const later = new Date(Date.now() + 5000);
    writeFileSync(join(dir, 'assets/t.wasm'), `${big}!`);
    utimesSync(join(dir, 'assets/t.wasm'), later, later);
    const r = await head('/assets/t.wasm', 'gzip, br');
    expect(r.headers.get('content-encoding')).toBeNull();
    expect(Number(r.headers.get('content-length'))).toBe(big.length + 1);
  });

  it('serves index.html for a folder and nothing outside dist', async () => {
    const r = await fetch(`${base}/`);
    expect(await r.text()).toBe('<h1>app</h1>');
    expect(r.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/nope.js', '/%E0%A4%A'])
      expect((await fetch(base + p)).status, p).toBe(404);
  });
});
