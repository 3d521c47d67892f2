import { describe, expect, it } from 'vitest';
import { compile } from '../testing';
import { cMeta } from '../languages/c/meta';
import { watMeta } from '../languages/wat/meta';
import { assemblyscriptMeta } from '../languages/assemblyscript/meta';
import { HandlerHost } from './serve';
import type { HttpRequest } from './wagi';
import type { LanguageMeta } from '../languages/types';

const enc = new TextEncoder();
const dec = new TextDecoder();
const source = (meta: LanguageMeta, id: string) => meta.examples.find((e) => e.id === id)!.source;

async function handler(language: 'wat' | 'c' | 'assemblyscript', src: string, route = '/...') {
  const r = await compile(language, src);
  expect(r.ok, r.log).toBe(true);
  const files = { 'data.txt': enc.encode('from a file\n') };
  return new HandlerHost(r.wasm!, { route }, files);
}

const get = (
  path: string,
  headers: [string, string][] = [['Host', 'localhost:3000']],
): HttpRequest => ({
  method: 'GET',
  path,
  headers,
  body: new Uint8Array(0),
});

describe(
  'HTTP handlers: a fresh instance per request (real compilers)',
  { timeout: 180_000 },
  () => {
    it('WAT: the hello handler answers 200 text/plain, the JSON echo returns the body', async () => {
      const hello = await handler('wat', source(watMeta, 'handler-hello'));
      const r = hello.serve(get('/'));
      expect(r.response.status).toBe(200);
      expect(r.response.headers).toEqual([['content-type', 'text/plain']]);
      expect(dec.decode(r.response.body)).toBe('Hello from a fresh WebAssembly instance (WAT)!\n');
      expect(r.instantiateUs).toBeGreaterThan(0);
      const echo = await handler('wat', source(watMeta, 'handler-json'));
      const body = '{"a": [1, 2, 3]}';
      const e = echo.serve({ ...get('/'), method: 'POST', body: enc.encode(body) });
      expect(dec.decode(e.response.body)).toBe(body);
    });

    it('answers 404 outside the route, as Spin does', async () => {
      const hello = await handler('wat', source(watMeta, 'handler-hello'), '/api/...');
      expect(hello.serve(get('/other')).response.status).toBe(404);
      expect(hello.serve(get('/api/x')).response.status).toBe(200);
    });

    it('C: the JSON echo sees the method, path, query, headers and body', async () => {
      const h = await handler('c', source(cMeta, 'handler-json'));
      const r = h.serve({
        method: 'POST',
        path: '/echo?x=1',
        headers: [
          ['Host', 'localhost:3000'],
          ['Content-Type', 'application/json'],
        ],
        body: enc.encode('{"hello": "wasm"}'),
      });
      expect(r.response.status).toBe(200);
      expect(JSON.parse(dec.decode(r.response.body))).toMatchObject({
        method: 'POST',
        path: '/echo',
        query: 'x=1',
        content_type: 'application/json',
        length: 17,
        body: '{"hello": "wasm"}',
      });
    });

    it('C: the router serves a page, a form post, a binary image, a redirect and a 404', async () => {
      const h = await handler('c', source(cMeta, 'handler-router'));
      const home = h.serve(get('/'));
      expect(dec.decode(home.response.body)).toMatch(/<form method="post" action="\/greet">/);
      const form = h.serve({
        method: 'POST',
        path: '/greet',
        headers: [['Content-Type', 'application/x-www-form-urlencoded']],
        body: enc.encode('name=Grace+%3CH%3E'),
      });
      expect(dec.decode(form.response.body)).toMatch(/Hello, Grace &lt;H&gt;!/);
      const img = h.serve(get('/image.bmp'));
      expect(img.response.headers[0]).toEqual(['content-type', 'image/bmp']);
      expect(img.response.body.length).toBe(54 + 64 * 64 * 3);
      expect(dec.decode(img.response.body.slice(0, 2))).toBe('BM');
      expect(h.serve(get('/old')).response).toMatchObject({
        status: 302,
        headers: [['location', '/']],
      });
      expect(h.serve(get('/nope')).response.status).toBe(404);
    });

    it('AssemblyScript: the router answers a form post and draws an SVG per request', async () => {
      const h = await handler('assemblyscript', source(assemblyscriptMeta, 'handler-router'));
      const form = h.serve({ ...get('/greet'), method: 'POST', body: enc.encode('name=Ada') });
      expect(dec.decode(form.response.body)).toMatch(/Hello, Ada!/);
      const a = dec.decode(h.serve(get('/image.svg')).response.body);
      const b = dec.decode(h.serve(get('/image.svg')).response.body);
      expect(a).toMatch(/^<svg/);
      expect(a).not.toBe(b);
    });

    it('turns a non-zero exit, a trap and malformed headers into 500/502 with the reason', async () => {
      const exit = await handler(
        'wat',
        `(module (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
        (memory (export "memory") 1) (func (export "_start") (call $exit (i32.const 3))))`,
      );
      const r1 = exit.serve(get('/')).response;
      expect(r1.status).toBe(500);
      expect(dec.decode(r1.body)).toMatch(/exited with code 3/);
      const trap = await handler(
        'wat',
        `(module (memory (export "memory") 1) (func (export "_start") unreachable))`,
      );
      const r2 = trap.serve(get('/')).response;
      expect(r2.status).toBe(500);
      expect(r2.error).toMatch(/trapped: unreachable/);
      const bad = await handler(
        'wat',
        `(module (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
        (memory (export "memory") 1) (data (i32.const 64) "oops no colon\\n\\nbody")
        (func (export "_start") (i32.store (i32.const 0) (i32.const 64)) (i32.store (i32.const 4) (i32.const 19))
          (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))`,
      );
      const r3 = bad.serve(get('/')).response;
      expect(r3.status).toBe(502);
      expect(r3.error).toMatch(/malformed header line 1/);
    });

    it('gives every request a fresh instance: state never carries over', async () => {
      // A counter in a global: a reused instance would count up. A byte on the heap: a pooled
      // memory given again without zeroing would show the last request's 42.
      const h = await handler(
        'c',
        `#include <stdio.h>\n#include <stdlib.h>\nstatic int hits;\nint main(void) { hits++; unsigned char *p = malloc(4096); printf("Content-Type: text/plain\\n\\n%d %d\\n", hits, p[100]); p[100] = 42; }\n`,
      );
      expect(h.pooled).toBe(true);
      const bodies = [1, 2, 3].map(() => dec.decode(h.serve(get('/')).response.body));
      expect(bodies).toEqual(['1 0\n', '1 0\n', '1 0\n']);
      // WASI state: a file one request wrote, and a descriptor it left open, are gone for the next.
      const fs = await handler(
        'c',
        `#include <stdio.h>\n#include <fcntl.h>\nint main(void) { FILE *seen = fopen("/made.txt", "r"); int fd = open("/data.txt", O_RDONLY); FILE *f = fopen("/made.txt", "w"); fputs("x", f); fflush(f); printf("Content-Type: text/plain\\n\\n%s fd %d\\n", seen ? "seen" : "new", fd); }\n`,
      );
      const fsBodies = [1, 2].map(() => dec.decode(fs.serve(get('/')).response.body));
      expect(fsBodies).toEqual(['new fd 4\n', 'new fd 4\n']);
    });
  },
);
