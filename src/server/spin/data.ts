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

/** Why kept bytes could not be opened (corrupt, or not SQLite). */
export class DataReadError extends Error {}

function open(S: SqlJsStatic, bytes: Uint8Array | undefined, what: string): Database {
  let db: Database;
  try {
    db = new S.Database(bytes && bytes.length ? bytes : undefined);
    db.exec('PRAGMA schema_version');
  } catch (e) {
    throw new DataReadError(`${what} could not be read: ${(e as Error).message}`);
  }
  db.exec(`PRAGMA page_size = ${PAGE}; PRAGMA max_page_count = ${QUOTA_BYTES / PAGE}`);
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

  static async open(files: DataFiles): Promise<SpinData> {
    const S = await loadSqlite();
    const kv = open(S, files.kv, 'the key-value database');
    kv.exec(KV_SCHEMA);
    return new SpinData(kv, open(S, files.sql, 'the SQLite database'));
  }

  /** A key-value statement, prepared once (a prepare costs more than the lookup). */
  kvStatement(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.kv.prepare(sql)));
    return s;
  }

  /** Runs a prepared key-value statement with `params`; its rows' first columns. */
  kvRun(sql: string, params: (string | Uint8Array)[]): unknown[] {
    const s = this.kvStatement(sql);
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
    this.kv.exec('DELETE FROM spin_key_value');
    const tables =
      this.sql.exec(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )[0]?.values ?? [];
    for (const [name] of tables) this.sql.exec(`DROP TABLE "${String(name).replace(/"/g, '""')}"`);
    this.sql.exec('VACUUM');
  }

  private dropStatements() {
    this.statements.forEach((s) => s.free());
    this.statements.clear();
  }

  files(): Required<DataFiles> {
    this.dropStatements();
    const files = { kv: this.kv.export(), sql: this.sql.export() };
    // export() closes and reopens a database: its pragmas are set again.
    for (const db of [this.kv, this.sql]) db.exec(`PRAGMA max_page_count = ${QUOTA_BYTES / PAGE}`);
    return files;
  }

  close() {
    this.dropStatements();
    this.kv.close();
    this.sql.close();
  }
}

/** Whether an error is SQLite's "database or disk is full" (the quota). */
export const isFull = (e: unknown) =>
  /database or disk is full|SQLITE_FULL/i.test(String((e as Error)?.message ?? e));
