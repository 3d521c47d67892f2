// C programs built with spin.h into Spin components, served by the Spin host in Node: the
// interfaces a component imports, key-value and SQLite as Spin's WIT says (errors too),
// variables, outbound HTTP grants, and a fresh instance per request.
import { beforeAll, describe, expect, it } from 'vitest';
import { spinExamples } from '../../languages/c/examples/spin/examples';
import { buildSpin } from './testing';
import { compilers } from '../../languages/compilers';
import { transpile } from '../../component/build';
import type { ComponentBuild } from '../../protocol/compile';
import { SpinData } from './data';
import { SpinHost } from './host';
import { parseManifest } from './manifest';
import type { Sender } from './outbound';
import { DirectSpinHost, directServable } from './direct';
import type { SpinGrants } from '../../protocol/server';
import { mountFiles } from './files';

const dec = new TextDecoder();
const example = (id: string) => spinExamples.find((e) => e.id === `spin-${id}`)!;

interface Built extends ComponentBuild {
  /** The core module (before component new): what the direct host serves. */
  core: Uint8Array;
}

async function build(source: string): Promise<Built> {
  const { core, made } = await buildSpin('c', source);
  // The app serves the core module directly; jco's bindings of the same component are the
  // reference the direct host is held to.
  return { ...(await transpile(made.component!, [], 'sync')), core };
}

type MakeHost = (
  b: Built,
  g: SpinGrants,
  d: SpinData | null,
  env?: Record<string, string>,
  send?: Sender,
) => Promise<Pick<SpinHost, 'serve' | 'mount'>>;

/** Both ways of serving a component: jco's bindings, and the direct host on its core module. */
const HOSTS: [string, MakeHost][] = [
  ['jco bindings', (b, g, d, env, send) => SpinHost.create(b.transpiled!, g, d, env, send)],
  [
    'direct host',
    async (b, g, d, env, send) => {
      expect(directServable(new WebAssembly.Module(b.core as BufferSource))).toBe(true);
      return new DirectSpinHost(b.core, g, d, env, send);
    },
  ],
];

const grantsOf = (toml: string) => {
  const m = parseManifest(toml);
  expect(m.problems).toEqual([]);
  return m.grants!;
};

const get = (path: string, method = 'GET', body = '') => ({
  method,
  path,
  headers: [['Host', 'localhost:3000']] as [string, string][],
  body: new TextEncoder().encode(body),
});

/** The Spin interfaces a component's WIT imports. */
const spinImports = (b: ComponentBuild) =>
  [...b.wit!.matchAll(/^\s*import ((fermyon:spin|wasi:http)\/[\w-]+)@/gm)].map((m) => m[1]).sort();

const builds: Record<string, Built> = {};

describe.each(HOSTS)('Spin components from C (spin.h), %s', (kind, makeHost) => {
  beforeAll(async () => {
    for (const id of ['hello', 'counter', 'todo', 'greeting', 'proxy', 'denied', 'files'])
      builds[id] ??= await build(example(id).source);
  }, 300_000);

  it('imports exactly the Spin interfaces the program uses', () => {
    if (kind === 'direct host') return;
    expect(builds.hello.exports).toEqual(['wasi:http/incoming-handler@0.2.0']);
    expect(spinImports(builds.hello)).toEqual(['wasi:http/types']);
    expect(spinImports(builds.counter)).toEqual(['fermyon:spin/key-value', 'wasi:http/types']);
    expect(spinImports(builds.todo)).toEqual(['fermyon:spin/sqlite', 'wasi:http/types']);
    expect(spinImports(builds.greeting)).toEqual(['fermyon:spin/variables', 'wasi:http/types']);
    expect(spinImports(builds.proxy)).toEqual(['wasi:http/outgoing-handler', 'wasi:http/types']);
  });

  it("counts visits in key-value across fresh instances, in Spin's table", async () => {
    const data = await SpinData.open({});
    const host = await makeHost(
      builds.counter,
      grantsOf(example('counter').files!['spin.toml']),
      data,
    );
    for (let i = 1; i <= 3; i++) {
      const r = host.serve(get('/'));
      expect(r.response.status).toBe(200);
      expect(dec.decode(r.response.body)).toBe(`visit ${i} (GET /)\n`);
      expect(r.hostCalls.map((c) => `${c.kind} ${c.what}`)).toEqual([
        'kv open default',
        'kv get visits',
        'kv set visits',
      ]);
    }
    const rows = data.kv.exec('SELECT store, key, value FROM spin_key_value')[0].values;
    expect(rows.map(([s, k, v]) => [s, k, dec.decode(v as Uint8Array)])).toEqual([
      ['default', 'visits', '3'],
    ]);
    // The exported file holds it (what the page keeps and `spin up` reads).
    const again = await SpinData.open(data.files());
    expect(again.kv.exec('SELECT value FROM spin_key_value')[0].values.length).toBe(1);
  });

  it('serves the to-do API on SQLite: create, list, delete; errors reach the guest', async () => {
    const data = await SpinData.open({});
    const host = await makeHost(builds.todo, grantsOf(example('todo').files!['spin.toml']), data);
    expect(dec.decode(host.serve(get('/todos', 'POST', '{"title": "one"}')).response.body)).toBe(
      '{"id": 1}\n',
    );
    expect(host.serve(get('/todos', 'POST', 'two "quoted"')).response.status).toBe(201);
    expect(dec.decode(host.serve(get('/todos')).response.body)).toBe(
      '[{"id": 1, "title": "one", "done": false}, {"id": 2, "title": "two \\"quoted\\"", "done": false}]\n',
    );
    expect(host.serve(get('/todos/1', 'DELETE')).response.status).toBe(204);
    expect(data.sql.exec('SELECT title FROM todos')[0].values).toEqual([['two "quoted"']]);
    // A SQL error is the guest's to handle (io: SQLite's message), the data unharmed.
    data.sql.exec(
      'DROP TABLE todos; CREATE TABLE todos (id INTEGER PRIMARY KEY, title TEXT NOT NULL CHECK (length(title) < 5), done INTEGER DEFAULT 0)',
    );
    const bad = host.serve(get('/todos', 'POST', 'too long a title'));
    expect(bad.response.status).toBe(400);
    expect(dec.decode(bad.response.body)).toMatch(/"insert: io: CHECK constraint failed/);
    expect(bad.hostCalls.at(-1)?.error).toMatch(/^io: CHECK constraint failed/);
  });

  it("denies a store and a database the manifest does not grant, with Spin's errors", async () => {
    const data = await SpinData.open({});
    const toml = example('denied').files!['spin.toml'];
    const host = await makeHost(builds.denied, grantsOf(toml), data);
    expect(dec.decode(host.serve(get('/')).response.body)).toBe(
      'key-value "default": access-denied\nsqlite "default": access-denied\n',
    );
    const granted = toml.replace(
      'source = "handler.wasm"',
      'source = "handler.wasm"\nkey_value_stores = ["default", "other"]\nsqlite_databases = ["default"]',
    );
    const host2 = await makeHost(builds.denied, grantsOf(granted), data);
    expect(dec.decode(host2.serve(get('/')).response.body)).toBe(
      'key-value: opened\nsqlite: opened\n',
    );
  });

  it('reads variables from the manifest, SPIN_VARIABLE_ overrides, secrets used', async () => {
    const g = grantsOf(example('greeting').files!['spin.toml']);
    const host = await makeHost(builds.greeting, g, null);
    expect(dec.decode(host.serve(get('/?Ada')).response.body)).toBe('Hello, Ada! (api key: set)\n');
    const o = await makeHost(builds.greeting, g, null, {
      SPIN_VARIABLE_GREETING: 'Bonjour',
    });
    const r = o.serve(get('/'));
    expect(dec.decode(r.response.body)).toBe('Bonjour, world! (api key: set)\n');
    expect(r.hostCalls.map((c) => c.kind)).toEqual(['var', 'var']);
  });

  it('sends outbound HTTP only to allowed hosts (HttpRequestDenied before any send)', async () => {
    const sent: string[] = [];
    const send: Sender = (method, url) => {
      sent.push(`${method} ${url}`);
      return {
        status: 200,
        headers: [['content-type', 'text/plain']],
        body: new TextEncoder().encode('pong'),
      };
    };
    const g = grantsOf(
      example('proxy').files!['spin.toml'].replace('%PAGE_ORIGIN%', 'https://api.example.com'),
    );
    const host = await makeHost(builds.proxy, g, null, {}, send);
    const ok = host.serve(get('/?url=https://api.example.com/ping'));
    expect(dec.decode(ok.response.body)).toBe(
      'GET https://api.example.com/ping → 200, 4 bytes\n\npong',
    );
    const denied = host.serve(get('/?url=https://evil.example.net/'));
    expect(denied.response.status).toBe(403);
    expect(dec.decode(denied.response.body)).toBe(
      'GET https://evil.example.net/ failed: HttpRequestDenied\n',
    );
    expect(denied.hostCalls).toMatchObject([{ kind: 'http', error: 'HTTP-request-denied' }]);
    expect(sent).toEqual(['GET https://api.example.com/ping']);
  });

  it("serves the files the manifest mounts, read-only; exclude_files' are not there", async () => {
    const ex = example('files');
    const g = grantsOf(ex.files!['spin.toml']);
    const project = Object.fromEntries(
      Object.entries(ex.files!).map(([p, t]) => [p, new TextEncoder().encode(t)]),
    );
    const { files, problems } = mountFiles(g, project);
    expect(problems).toEqual([]);
    expect(Object.keys(files).sort()).toEqual(['/static/index.html', '/static/style.css']);
    const host = await makeHost(builds.files, g, null);
    // Nothing mounted: no preopen at all, as Spin gives a component without files.
    expect(host.serve(get('/')).response.status).toBe(404);
    host.mount(files);
    const page = host.serve(get('/'));
    expect(page.response.status).toBe(200);
    expect(page.response.headers).toContainEqual(['content-type', 'text/html; charset=utf-8']);
    expect(dec.decode(page.response.body)).toContain('Hello from static/index.html');
    expect(dec.decode(host.serve(get('/style.css')).response.body)).toContain('#2f6fde');
    expect(host.serve(get('/drafts/next.html')).response.status).toBe(404);
    const write = host.serve(get('/', 'POST'));
    expect(write.response.status).toBe(403);
    expect(dec.decode(write.response.body)).toBe(
      'writing /static/visitors.txt: Operation not permitted\n',
    );
  });

  it('answers 404 off the route and 413 over the body limit, before the component runs', async () => {
    const g = { ...grantsOf(example('hello').files!['spin.toml']), route: '/api/...' };
    const host = await makeHost(builds.hello, g, null);
    expect(host.serve(get('/other')).response.status).toBe(404);
    const hello = host.serve(get('/api/x?y=1'));
    expect(dec.decode(hello.response.body)).toContain('GET /api/x?y=1 (path /api/x, query "y=1")');
    const big = { ...get('/api/'), body: new Uint8Array(17 * 1024 * 1024) };
    expect(host.serve(big).response.status).toBe(413);
  });
});

describe('a program without spin_handle', () => {
  it('is told what a Spin component defines', { timeout: 120_000 }, async () => {
    const compile = await compilers.c.load();
    const r = await compile({
      language: 'c',
      source: 'int main(void) { return 0; }\n',
      options: { optLevel: '-O2' },
      target: 'spin-http',
    });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0].message).toMatch(/a Spin component defines void spin_handle/);
  });
});
