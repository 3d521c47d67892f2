import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from './ids.ts';
import { openPostgresStore } from './postgresStore.ts';
import { openSqliteStore } from './sqliteStore.ts';
import type { LinkStore } from './store.ts';
import { encodeJson, encodeProject, get, post, serve } from './testing/client.ts';
import { postgresMissing, query, startPostgres, type TestPostgres } from './testing/postgres.ts';

interface Backend {
  name: string;
  open(): Promise<LinkStore>;
  /** Takes the database away (503 expected), then brings it back. */
  down(store: LinkStore): Promise<void>;
  up(): Promise<void>;
  dispose(): Promise<void>;
}

function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'links-sqlite-'));
  return {
    name: 'SQLite',
    open: async () => openSqliteStore(join(dir, 'links.sqlite')),
    down: (store) => store.close(),
    up: async () => {},
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

let pgServer: TestPostgres | null = null;
function postgresBackend(): Backend {
  return {
    name: 'PostgreSQL',
    async open() {
      pgServer ??= await startPostgres();
      await query(pgServer.url, 'DROP TABLE IF EXISTS links');
      return openPostgresStore(pgServer.url);
    },
    down: async () => pgServer!.stop(),
    up: async () => pgServer!.start(),
    dispose: async () => pgServer?.dispose(),
  };
}

const missing = postgresMissing();
// CI installs PostgreSQL (.ci/run): there a missing server is a failure, not a skip.
if (missing && process.env.CI) throw new Error(missing);
if (missing) console.warn(`links: the PostgreSQL suite is skipped here: ${missing}`);
const backends = [sqliteBackend, ...(missing ? [] : [postgresBackend])];

describe.each(backends.map((make) => [make().name, make] as const))(
  'link service on %s',
  (_, make) => {
    const backend = make();
    let store: LinkStore;
    let base: string;
    let server: Server;
    const project = encodeProject('int main(void) { return 0; }\n');

    beforeAll(async () => {
      store = await backend.open();
      ({ base, server } = await serve({ store, appUrl: 'https://play.example/', perMinute: 0 }));
    }, 60_000);
    afterAll(async () => {
      server.close();
      await store.close().catch(() => {});
      await backend.dispose();
    });

    it('stores a project under a content-addressed id and answers the same link for it again', async () => {
      const first = await post(base, project);
      expect(first.status).toBe(201);
      const { id, url } = (await first.json()) as { id: string; url: string };
      expect(id).toBe(contentHash(project).slice(0, 8));
      expect(url).toBe(`${base}s/${id}`);
      expect(first.headers.get('access-control-allow-origin')).toBe('*');
      const again = await post(base, `#${project}\n`);
      expect(again.status).toBe(200);
      expect(((await again.json()) as { id: string }).id).toBe(id);
      // Many at once: one row, one id.
      const many = await Promise.all(Array.from({ length: 20 }, () => post(base, project)));
      const ids = await Promise.all(many.map(async (r) => ((await r.json()) as { id: string }).id));
      expect(new Set(ids)).toEqual(new Set([id]));
    });

    it('redirects a short link to the app with the project in the fragment, or to the embed', async () => {
      const { id } = (await (await post(base, project)).json()) as { id: string };
      const r = await get(`${base}s/${id}`);
      expect(r.status).toBe(302);
      expect(r.headers.get('location')).toBe(`https://play.example/#${project}`);
      expect(r.headers.get('link')).toContain('application/json+oembed');
      const e = await get(`${base}s/${id}?embed=1&theme=light&readonly=1`);
      expect(e.headers.get('location')).toBe(
        `https://play.example/embed.html?theme=light&readonly=1#${project}`,
      );
    });

    it('answers 404 with a way home for unknown ids and ids with odd characters', async () => {
      for (const path of ['s/AAAAAAAAAA', "s/abc'%3B%20DROP%20TABLE%20links--", 's/%FF%FE', 's/']) {
        const r = await get(base + path);
        expect(r.status, path).toBe(404);
        const html = await r.text();
        expect(html).toContain('does not exist');
        expect(html).toContain('href="https://play.example/"');
        expect(html).not.toContain('<script');
      }
      // The table is still there.
      expect(
        (await get(`${base}s/${((await (await post(base, project)).json()) as { id: string }).id}`))
          .status,
      ).toBe(302);
    });

    it('refuses what is not an encoded project (400) and what is too large (413), storing nothing', async () => {
      const bad = [
        'hello',
        'v2.!!!',
        'v2.AAAA',
        `v2.${Buffer.from('not deflated').toString('base64url')}`,
        encodeProject('x').replace(/^v2\./, 'v2.A'),
        // Valid deflate and JSON, but not a project: no entry file, no files, not an object.
        encodeJson({ language: 'c', files: { 'a.c': '' }, entry: 'main.c' }),
        encodeJson({ language: 'c', entry: 'main.c' }),
        encodeJson(['v2']),
      ];
      for (const body of bad) {
        const r = await post(base, body);
        expect(r.status, body.slice(0, 20)).toBe(400);
        expect(((await r.json()) as { error: string }).error).toBeTruthy();
      }
      const huge = await post(base, `v2.${'A'.repeat(300 * 1024)}`);
      expect(huge.status).toBe(413);
      for (const body of bad) {
        const r = await get(`${base}s/${contentHash(body.trim()).slice(0, 8)}`);
        expect(r.status, 'nothing stored').toBe(404);
      }
    });

    it('lengthens the id when another project has the same first characters', async () => {
      const a = await store.put('COLLIDExAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'v2.a');
      const b = await store.put('COLLIDExBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB', 'v2.b');
      expect(a).toEqual({ id: 'COLLIDEx', created: true });
      expect(b).toEqual({ id: 'COLLIDExB', created: true });
      expect(await store.get('COLLIDEx')).toBe('v2.a');
      expect(await store.get('COLLIDExB')).toBe('v2.b');
    });

    it('describes a short link for oEmbed consumers', async () => {
      const { id, url } = (await (await post(base, project)).json()) as { id: string; url: string };
      const r = await get(`${base}api/oembed?url=${encodeURIComponent(url)}&maxwidth=640`);
      expect(r.status).toBe(200);
      const o = (await r.json()) as Record<string, string | number>;
      expect(o).toMatchObject({ version: '1.0', type: 'rich', width: 640 });
      expect(o.html).toContain(`src="${base}s/${id}?embed=1"`);
      expect(o.html).toContain('sandbox="allow-scripts"');
      expect(
        (await get(`${base}api/oembed?url=${encodeURIComponent(`${base}s/unknown00`)}`)).status,
      ).toBe(404);
      const info = (await (await get(`${base}api/links`)).json()) as { store: string };
      expect(info.store).toBe(backend.name);
    });

    it('answers 503 while the database is down, and works again after', async () => {
      await backend.down(store);
      const r = await post(base, encodeProject('while the database is down'));
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBeTruthy();
      expect((await get(`${base}s/AAAAAAAAAA`)).status).toBe(503);
      await backend.up();
      if (backend.name === 'PostgreSQL') {
        expect((await post(base, encodeProject('after'))).status).toBe(201);
      }
    }, 30_000);
  },
);

describe('rate limit', () => {
  it('answers 429 with Retry-After past the per-client limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'links-rate-'));
    const store = openSqliteStore(join(dir, 'l.sqlite'));
    const { base, server } = await serve({ store, perMinute: 3 });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await post(base, encodeProject(`p${i}`))).status);
    expect(codes).toEqual([201, 201, 201, 429, 429]);
    const r = await post(base, encodeProject('later'));
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Resolving is never limited.
    expect((await get(`${base}api/links`)).status).toBe(200);
    server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
