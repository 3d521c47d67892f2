// The app's data host side: the quota (Spin's errors, nothing already stored lost), unreadable
// kept bytes, and the files an export writes.
import { describe, expect, it } from 'vitest';
import { DataReadError, SpinData } from './data';
import { parseManifest } from './manifest';
import { spinImports, type ServiceContext } from './services';

const grants = parseManifest(`spin_manifest_version = 2
[application]
name = "t"
[[trigger.http]]
route = "/..."
component = "t"
[component.t]
source = "t.wasm"
key_value_stores = ["default"]
sqlite_databases = ["default"]
`).grants!;

type Store = { set(k: string, v: Uint8Array): void; get(k: string): Uint8Array | undefined };
type Conn = { execute(s: string, p: { tag: string; val?: unknown }[]): { rows: unknown[] } };

function services(data: SpinData) {
  const ctx: ServiceContext = { grants, data, env: {}, calls: [] };
  const s = spinImports(ctx) as {
    'fermyon:spin/key-value': { Store: { open(l: string): Store } };
    'fermyon:spin/sqlite': { Connection: { open(n: string): Conn } };
  };
  return {
    ctx,
    store: s['fermyon:spin/key-value'].Store.open('default'),
    db: s['fermyon:spin/sqlite'].Connection.open('default'),
  };
}

describe('Spin data', () => {
  it('over the quota: store-table-full / an io error, what was stored is kept', async () => {
    const data = await SpinData.open({}, 64 * 1024);
    const { store, db, ctx } = services(data);
    store.set('first', new TextEncoder().encode('kept'));
    const big = new Uint8Array(16 * 1024);
    let thrown: unknown;
    try {
      for (let i = 0; i < 100; i++) store.set(`big${i}`, big);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toEqual({ tag: 'store-table-full' });
    expect(ctx.calls.at(-1)).toMatchObject({ kind: 'kv', error: 'store-table-full' });
    expect(new TextDecoder().decode(store.get('first'))).toBe('kept');
    db.execute('CREATE TABLE t (b BLOB)', []);
    let sqlError: unknown;
    try {
      for (let i = 0; i < 100; i++)
        db.execute('INSERT INTO t VALUES (?)', [{ tag: 'blob', val: big }]);
    } catch (e) {
      sqlError = e;
    }
    expect(sqlError).toEqual({ tag: 'io', val: 'database or disk is full' });
    expect(db.execute('SELECT count(*) FROM t', []).rows.length).toBe(1);
  });

  it('says clearly when kept bytes cannot be read', async () => {
    await expect(
      SpinData.open({ kv: new TextEncoder().encode('not a database at all, sorry') }),
    ).rejects.toThrow(DataReadError);
    await expect(SpinData.open({ sql: new Uint8Array(4096).fill(7) })).rejects.toThrow(
      /the SQLite database could not be read/,
    );
  });

  it('exports both files; they open again with the rows', async () => {
    const data = await SpinData.open({});
    const { store, db } = services(data);
    store.set('k', new TextEncoder().encode('v'));
    db.execute('CREATE TABLE todos (title TEXT)', []);
    db.execute('INSERT INTO todos VALUES (?)', [{ tag: 'text', val: 'x' }]);
    const files = data.files();
    expect(new TextDecoder().decode(files.kv.slice(0, 15))).toBe('SQLite format 3');
    const again = await SpinData.open(files);
    expect(again.kvGet('default', 'k')).toEqual(new TextEncoder().encode('v'));
    expect(again.sql.exec('SELECT title FROM todos')[0].values).toEqual([['x']]);
  });
});
