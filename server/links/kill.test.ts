import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from './ids.ts';
import { encodeProject, get, post } from './testing/client.ts';
import {
  freePort,
  postgresMissing,
  query,
  startPostgres,
  type TestPostgres,
} from './testing/postgres.ts';

/** `npm run links` as a process of its own, with `env`; resolves once it listens. */
async function startService(
  env: Record<string, string>,
): Promise<{ base: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/links/main.ts'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LINKS_RATE_PER_MINUTE: '0',
      LINKS_DIST: '/nonexistent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => {
      log += d;
      if (log.includes('http://')) resolve();
    });
    proc.stderr!.on('data', (d: Buffer) => (log += d));
    proc.on('exit', (code) => reject(new Error(`the service exited (${code}): ${log}`)));
  });
  return { base: `http://127.0.0.1:${port}/`, proc };
}

/**
 * Kills the service (SIGKILL) while 300 creations are in flight, starts it again on the same
 * database, and checks that every link it confirmed is there whole and every row is whole.
 */
async function killDuringWrites(
  env: Record<string, string>,
  rows: () => Promise<{ hash: string; data: string }[]>,
) {
  const first = await startService(env);
  const bodies = Array.from({ length: 300 }, (_, i) =>
    encodeProject(`/* ${i} */ int main(void) { return ${i}; }\n${'x'.repeat(i * 50)}`),
  );
  let answered = 0;
  const confirmed: { body: string; id: string }[] = [];
  const sends = bodies.map(async (body) => {
    try {
      const r = await post(first.base, body);
      if (r.status === 201) confirmed.push({ body, id: ((await r.json()) as { id: string }).id });
      if (++answered === 40) first.proc.kill('SIGKILL');
    } catch {
      // cut off by the kill
    }
  });
  await Promise.all(sends);
  await new Promise((r) =>
    first.proc.exitCode !== null || first.proc.signalCode ? r(null) : first.proc.on('exit', r),
  );
  expect(first.proc.signalCode).toBe('SIGKILL');
  expect(confirmed.length).toBeGreaterThanOrEqual(39);
  expect(confirmed.length).toBeLessThan(bodies.length);

  const second = await startService(env);
  try {
    for (const { body, id } of confirmed) {
      const r = await get(`${second.base}s/${id}`);
      expect(r.status).toBe(302);
      expect(r.headers.get('location')!.split('#')[1]).toBe(body);
    }
    const all = await rows();
    expect(all.length).toBeGreaterThanOrEqual(confirmed.length);
    for (const row of all) expect(contentHash(row.data), 'a stored row is whole').toBe(row.hash);
    // The restarted service writes again.
    expect((await post(second.base, encodeProject('after the kill'))).status).toBe(201);
  } finally {
    second.proc.kill();
  }
}

describe('killed during writes', () => {
  const dirs: string[] = [];
  let pgServer: TestPostgres | null = null;
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    pgServer?.dispose();
  });

  it('SQLite: every confirmed link survives whole, the file passes integrity_check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'links-kill-'));
    dirs.push(dir);
    await killDuringWrites({ LINKS_DATA_DIR: dir }, async () => {
      const db = new Database(join(dir, 'links.sqlite'), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db.prepare('SELECT hash, data FROM links').all() as {
        hash: string;
        data: string;
      }[];
      db.close();
      return rows;
    });
  }, 60_000);

  const missing = postgresMissing();
  it.runIf(!missing)(
    'PostgreSQL: every confirmed link survives whole',
    async () => {
      pgServer = await startPostgres();
      const url = pgServer.url;
      await query(url, 'DROP TABLE IF EXISTS links');
      await killDuringWrites({ DATABASE_URL: url }, () =>
        query<{ hash: string; data: string }>(url, 'SELECT hash, data FROM links'),
      );
    },
    60_000,
  );
});
