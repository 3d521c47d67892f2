import { join } from 'node:path';
import { openPostgresStore } from './postgresStore.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_PER_MINUTE, type LinkServiceOptions } from './service.ts';
import { openSqliteStore } from './sqliteStore.ts';
import type { LinkStore } from './store.ts';

/** The store the environment asks for: PostgreSQL when DATABASE_URL is set, else a SQLite file. */
export function openStore(env: NodeJS.ProcessEnv = process.env): Promise<LinkStore> {
  const url = env.DATABASE_URL;
  if (url) return openPostgresStore(url);
  return Promise.resolve(openSqliteStore(join(env.LINKS_DATA_DIR ?? '.data', 'links.sqlite')));
}

const slash = (u: string | undefined) => (u ? (u.endsWith('/') ? u : `${u}/`) : undefined);

/** The service's settings from the environment (README: "Short links"). */
export function optionsFromEnv(
  store: LinkStore,
  env: NodeJS.ProcessEnv = process.env,
): LinkServiceOptions {
  const num = (v: string | undefined, d: number) => (v !== undefined && v !== '' ? Number(v) : d);
  return {
    store,
    appUrl: slash(env.LINKS_APP_URL),
    publicUrl: slash(env.LINKS_PUBLIC_URL),
    maxBytes: num(env.LINKS_MAX_BYTES, DEFAULT_MAX_BYTES),
    perMinute: num(env.LINKS_RATE_PER_MINUTE, DEFAULT_PER_MINUTE),
    trustProxy: env.LINKS_TRUST_PROXY === '1',
  };
}
