/**
 * A Spin app's data in the runner worker, on sql.js (SQLite compiled to wasm, synchronous): the
 * key-value stores in Spin's own table (`spin_key_value (store, key, value)`, as
 * `.spin/sqlite_key_value.db`) and the `default` SQLite database (`.spin/sqlite_db.db`), each
 * capped at QUOTA_BYTES by SQLite itself (`max_page_count`). One writer: the worker that serves
 * the app's requests; the page keeps the bytes it exports in IndexedDB.
 */
import initSqlJs, { type Database, type SqlJsStatic, type Statement } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';

export const QUOTA_BYTES = 64 * 1024 * 1024;
const PAGE = 4096;

let sqlite: Promise<SqlJsStatic> | null = null;
/** sql.js, loaded once per worker (its wasm is served by the app). */
export function loadSqlite(): Promise<SqlJsStatic> {
  // In Node (unit tests) sql.js finds its wasm beside itself.
  const inBrowser =
    typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined' ||
    typeof document !== 'undefined';
  sqlite ??= initSqlJs(inBrowser ? { locateFile: () => wasmUrl } : {});
  sqlite.catch(() => (sqlite = null));
  return sqlite;
}

const enc = new TextEncoder();
const STATEMENTS = 64;
const CACHED_KEYS = 10_000;
const KV_GET = 'SELECT value FROM spin_key_value WHERE store = ? AND key = ?';
const KV_SET =
  'INSERT INTO spin_key_value (store, key, value) VALUES (?, ?, ?) ' +
  'ON CONFLICT (store, key) DO UPDATE SET value = excluded.value';
const KV_DELETE = 'DELETE FROM spin_key_value WHERE store = ? AND key = ?';
const KV_KEYS = 'SELECT key FROM spin_key_value WHERE store = ? ORDER BY key';

const KV_SCHEMA = `CREATE TABLE IF NOT EXISTS spin_key_value (
  store TEXT NOT NULL,
  key   TEXT NOT NULL,
  value BLOB NOT NULL,
  PRIMARY KEY (store, key)
)`;

/** The two databases' files, as kept and exported. */
export interface DataFiles {
  kv?: Uint8Array;
  sql?: Uint8Array;
}

/**
 * Each database's settings (again after every export, which reopens it): the quota, and the
 * rollback journal in memory with no syncs — the file itself is in memory, kept by exporting it
 * to IndexedDB, so a journal file in Emscripten's FS would only cost (an INSERT in a hot loop in Node: 53 µs
 * as SQLite defaults, 4 µs so).
 */
function pragmas(db: Database, quota: number) {
  db.exec(
    `PRAGMA page_size = ${PAGE}; PRAGMA max_page_count = ${Math.floor(quota / PAGE)}; ` +
      'PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; ' +
      // One connection (this worker is the data's one writer): no lock taken per transaction.
      'PRAGMA locking_mode = EXCLUSIVE; PRAGMA temp_store = MEMORY',
  );
}

/** Why kept bytes could not be opened (corrupt, or not SQLite). */
export class DataReadError extends Error {}

function open(
  S: SqlJsStatic,
  bytes: Uint8Array | undefined,
  what: string,
  quota: number,
): Database {
  let db: Database;
  try {
    db = new S.Database(bytes && bytes.length ? bytes : undefined);
    db.exec('PRAGMA schema_version');
  } catch (e) {
    throw new DataReadError(`${what} could not be read: ${(e as Error).message}`);
  }
  pragmas(db, quota);
  return db;
}

export class SpinData {
  /** Set by every write; cleared by the one who saves the files. */
  dirty = false;
  private statements = new Map<string, Statement>();
  private constructor(
    readonly kv: Database,
    readonly sql: Database,
  ) {}

  /** Opens the files (empty ones for a new app), each capped at `quota` bytes. */
  static async open(files: DataFiles, quota = QUOTA_BYTES): Promise<SpinData> {
    const S = await loadSqlite();
    const kv = open(S, files.kv, 'the key-value database', quota);
    kv.exec(KV_SCHEMA);
    const data = new SpinData(kv, open(S, files.sql, 'the SQLite database', quota));
    data.quota = quota;
    return data;
  }

  private quota = QUOTA_BYTES;

  /**
   * A statement, prepared once per database and text (a prepare costs more than a lookup; Spin
   * prepares its key-value statements once too, `prepare_cached`). At most STATEMENTS kept.
   */
  statement(db: Database, sql: string): Statement {
    const key = `${db === this.kv ? 'kv' : 'sql'}\0${sql}`;
    let s = this.statements.get(key);
    if (!s) {
      if (this.statements.size >= STATEMENTS) this.dropStatements();
      this.statements.set(key, (s = db.prepare(sql)));
    }
    return s;
  }

  /**
   * Reads go through a cache in front of the table, writes through it to the table (Spin's key-
   * value host keeps a cache around its stores for `get` as well).
   */
  private cache = new Map<string, Uint8Array | null>();

  kvGet(store: string, key: string): Uint8Array | null {
    const k = `${store}\0${key}`;
    const hit = this.cache.get(k);
    if (hit !== undefined) return hit;
    const v = this.kvRun(KV_GET, [store, key])[0];
    const value = v === undefined ? null : v instanceof Uint8Array ? v : enc.encode(String(v));
    if (this.cache.size >= CACHED_KEYS) this.cache.clear();
    this.cache.set(k, value);
    return value;
  }

  kvSet(store: string, key: string, value: Uint8Array) {
    const k = `${store}\0${key}`;
    this.cache.delete(k);
    this.kvRun(KV_SET, [store, key, value]);
    this.cache.set(k, value.slice());
    this.dirty = true;
  }

  kvDelete(store: string, key: string) {
    this.cache.delete(`${store}\0${key}`);
    this.kvRun(KV_DELETE, [store, key]);
    this.cache.set(`${store}\0${key}`, null);
    this.dirty = true;
  }

  kvKeys(store: string): string[] {
    return this.kvRun(KV_KEYS, [store]).map(String);
  }

  /** Runs a prepared key-value statement with `params`; its rows' first columns. */
  private kvRun(sql: string, params: (string | Uint8Array)[]): unknown[] {
    const s = this.statement(this.kv, sql);
    try {
      s.bind(params);
      const out: unknown[] = [];
      while (s.step()) out.push(s.get()[0]);
      return out;
    } finally {
      s.reset();
    }
  }

  /** Empties both: every key-value entry and every table of the database. */
  clear() {
    this.cache.clear();
    this.dropStatements();
    this.kv.exec('DELETE FROM spin_key_value');
    for (const name of this.tableNames()) this.sql.exec(`DROP TABLE ${quoteName(name)}`);
    this.sql.exec('VACUUM');
  }

  /** The database's own tables (not SQLite's), by name. */
  tableNames(): string[] {
    const q = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
    return (this.sql.exec(`${q} ORDER BY name`)[0]?.values ?? []).map((r) => String(r[0]));
  }

  /** After `sql` ran on the database: a statement that may have written marks the data dirty. */
  noteStatement(sql: string) {
    if (this.sql.getRowsModified() > 0 || !READ_ONLY.test(sql)) this.dirty = true;
  }

  private dropStatements() {
    this.statements.forEach((s) => s.free());
    this.statements.clear();
  }

  files(): Required<DataFiles> {
    this.dropStatements();
    const files = { kv: this.kv.export(), sql: this.sql.export() };
    // export() closes and reopens a database: its pragmas are set again.
    for (const db of [this.kv, this.sql]) pragmas(db, this.quota);
    return files;
  }

  close() {
    this.dropStatements();
    this.kv.close();
    this.sql.close();
  }
}

/** A statement that only reads (when it also changed no row, nothing is to be kept). */
const READ_ONLY = /^\s*(select|with|pragma|explain)\b/i;

/** A table's name as an SQL identifier. */
export const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Whether an error is SQLite's "database or disk is full" (the quota). */
export const isFull = (e: unknown) =>
  /database or disk is full|SQLITE_FULL/i.test(String((e as Error)?.message ?? e));
