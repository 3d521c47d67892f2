import pg from 'pg';
import { idCandidates } from './ids.ts';
import { StoreUnavailable, type LinkStore } from './store.ts';

const SCHEMA = `CREATE TABLE IF NOT EXISTS links (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  data TEXT NOT NULL,
  created TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

/**
 * Links in PostgreSQL, for several stateless link servers behind a load balancer. Two servers
 * storing the same project at once meet on the hash's UNIQUE constraint and answer the same id.
 */
export async function openPostgresStore(url: string): Promise<LinkStore> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 3000 });
  // An idle client losing its server must not crash the service: the next query reports it.
  pool.on('error', () => {});
  const q = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    try {
      return await pool.query<R>(text, values);
    } catch (e) {
      throw new StoreUnavailable(e);
    }
  };
  await q(SCHEMA);
  const host = new URL(url).host || 'local socket';
  return {
    description: `PostgreSQL (${host})`,
    async put(hash, data) {
      const found = await q<{ id: string }>('SELECT id FROM links WHERE hash = $1', [hash]);
      if (found.rows[0]) return { id: found.rows[0].id, created: false };
      for (const id of idCandidates(hash)) {
        const ins = await q<{ id: string }>(
          'INSERT INTO links (id, hash, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id',
          [id, hash, data],
        );
        if (ins.rows[0]) return { id, created: true };
        // Either another server stored this very project a moment ago, or the id is taken.
        const again = await q<{ id: string }>('SELECT id FROM links WHERE hash = $1', [hash]);
        if (again.rows[0]) return { id: again.rows[0].id, created: false };
      }
      throw new Error(`no free id for ${hash}`);
    },
    async get(id) {
      const r = await q<{ data: string }>('SELECT data FROM links WHERE id = $1', [id]);
      return r.rows[0]?.data ?? null;
    },
    close: () => pool.end(),
  };
}
