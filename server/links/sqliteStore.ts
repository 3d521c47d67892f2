import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { idCandidates } from './ids.ts';
import { StoreUnavailable, type LinkStore } from './store.ts';

const SCHEMA = `CREATE TABLE IF NOT EXISTS links (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  data TEXT NOT NULL,
  created INTEGER NOT NULL
)`;

/**
 * Links in one SQLite file, in WAL mode: readers never wait for the writer, and a write is one
 * transaction, so a link killed mid-write is either whole or absent.
 */
export function openSqliteStore(file: string): LinkStore {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode is durable against a crash of the process (what a kill is); only a power
  // loss can drop the last commits, never corrupt the file.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const byHash = db.prepare<[string], { id: string }>('SELECT id FROM links WHERE hash = ?');
  const byId = db.prepare<[string], { data: string }>('SELECT data FROM links WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO links (id, hash, data, created) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const put = db.transaction((hash: string, data: string) => {
    const found = byHash.get(hash);
    if (found) return { id: found.id, created: false };
    for (const id of idCandidates(hash)) {
      // Within this transaction the hash is new, so a conflict is another project's id.
      if (insert.run(id, hash, data, Date.now()).changes === 1) return { id, created: true };
    }
    throw new Error(`no free id for ${hash}`);
  });
  const guard = <T>(f: () => T): Promise<T> => {
    try {
      return Promise.resolve(f());
    } catch (e) {
      return Promise.reject(new StoreUnavailable(e));
    }
  };
  return {
    description: `SQLite (${path})`,
    put: (hash, data) => guard(() => put(hash, data)),
    get: (id) => guard(() => byId.get(id)?.data ?? null),
    close: async () => void db.close(),
  };
}
