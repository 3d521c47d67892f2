/**
 * The direct host's fermyon:spin@2.0.0 imports (key-value, sqlite, variables), lowered by hand
 * onto the same services as the jco path (services.ts: grants, errors, host-call timings).
 * Layouts: see spin_kv.c, spin_sqlite.c, spin_vars.c.
 */
import { tryResult, type Abi } from './abi';
import { spinImports, type ServiceContext } from './services';

type Err = { tag?: string; val?: unknown };
type Store = {
  get(k: string): Uint8Array | undefined;
  set(k: string, v: Uint8Array): void;
  delete(k: string): void;
  exists(k: string): boolean;
  getKeys(): string[];
};
type SqlValue = { tag: string; val?: bigint | number | string | Uint8Array };
type Connection = {
  execute(s: string, p: SqlValue[]): { columns: string[]; rows: { values: SqlValue[] }[] };
};

/** A variant error at `p`: its case's index in `cases`, and a string payload at p + 4. */
function putError(abi: Abi, p: number, cases: string[], e: Err) {
  const i = cases.indexOf(e.tag ?? '');
  abi.u8(p, i < 0 ? cases.length - 1 : i);
  const last = i < 0 || typeof e.val === 'string';
  if (last) abi.putStr(p + 4, String(e.val ?? e.tag ?? 'error'));
}

const KV_ERRORS = ['store-table-full', 'no-such-store', 'access-denied', 'other'];
const SQL_ERRORS = [
  'no-such-database',
  'access-denied',
  'invalid-connection',
  'database-full',
  'io',
];
const VAR_ERRORS = ['invalid-name', 'undefined', 'provider', 'other'];
const VALUE_TAGS = ['integer', 'real', 'text', 'blob', 'null'];

export function spinServiceImports(abi: Abi, ctx: ServiceContext) {
  const services = spinImports(ctx) as {
    'fermyon:spin/key-value': { Store: { open(l: string): Store } };
    'fermyon:spin/sqlite': { Connection: { open(n: string): Connection } };
    'fermyon:spin/variables': { get(n: string): string };
  };
  const { Store } = services['fermyon:spin/key-value'];
  const { Connection } = services['fermyon:spin/sqlite'];
  const kvErr = (ret: number) => (e: Err) => putError(abi, ret + 4, KV_ERRORS, e);
  const sqlErr = (ret: number) => (e: Err) => putError(abi, ret + 4, SQL_ERRORS, e);

  /** list<value> at `p` (16 bytes each: the tag, the payload at +8). */
  const readValues = (p: number, n: number): SqlValue[] => {
    const dv = abi.dv;
    return Array.from({ length: n }, (_, i) => {
      const at = p + 16 * i;
      const tag = VALUE_TAGS[dv.getUint8(at)] ?? 'null';
      if (tag === 'integer') return { tag, val: dv.getBigInt64(at + 8, true) };
      if (tag === 'real') return { tag, val: dv.getFloat64(at + 8, true) };
      const ptr = dv.getUint32(at + 8, true);
      const len = dv.getUint32(at + 12, true);
      if (tag === 'text') return { tag, val: abi.str(ptr, len) };
      if (tag === 'blob') return { tag, val: abi.bytes(ptr, len) };
      return { tag };
    });
  };
  const writeValues = (values: SqlValue[]): number => {
    const list = abi.allocList(values.length, 16, 8);
    values.forEach((v, i) => {
      const at = list + 16 * i;
      abi.u8(at, VALUE_TAGS.indexOf(v.tag));
      if (v.tag === 'integer') abi.dv.setBigInt64(at + 8, v.val as bigint, true);
      else if (v.tag === 'real') abi.dv.setFloat64(at + 8, v.val as number, true);
      else if (v.tag === 'text') abi.putStr(at + 8, v.val as string);
      else if (v.tag === 'blob') abi.putBytes(at + 8, v.val as Uint8Array);
    });
    return list;
  };

  return {
    'fermyon:spin/key-value@2.0.0': {
      '[static]store.open': (p: number, l: number, ret: number) =>
        tryResult(
          abi,
          ret,
          () => Store.open(abi.str(p, l)),
          (s) => abi.i32(ret + 4, abi.own(s)),
          kvErr(ret),
        ),
      '[method]store.get': (self: number, kp: number, kl: number, ret: number) =>
        tryResult(
          abi,
          ret,
          () => abi.get<Store>(self).get(abi.str(kp, kl)),
          (v) => {
            abi.u8(ret + 4, v ? 1 : 0);
            if (v) abi.putBytes(ret + 8, v);
          },
          kvErr(ret),
        ),
      '[method]store.set': (
        self: number,
        kp: number,
        kl: number,
        vp: number,
        vl: number,
        ret: number,
      ) =>
        tryResult(
          abi,
          ret,
          () => abi.get<Store>(self).set(abi.str(kp, kl), abi.bytes(vp, vl)),
          undefined,
          kvErr(ret),
        ),
      '[method]store.delete': (self: number, kp: number, kl: number, ret: number) =>
        tryResult(
          abi,
          ret,
          () => abi.get<Store>(self).delete(abi.str(kp, kl)),
          undefined,
          kvErr(ret),
        ),
      '[method]store.exists': (self: number, kp: number, kl: number, ret: number) =>
        tryResult(
          abi,
          ret,
          () => abi.get<Store>(self).exists(abi.str(kp, kl)),
          (b) => abi.u8(ret + 4, b ? 1 : 0),
          kvErr(ret),
        ),
      '[method]store.get-keys': (self: number, ret: number) =>
        tryResult(
          abi,
          ret,
          () => abi.get<Store>(self).getKeys(),
          (keys) => abi.putStrings(ret + 4, keys),
          kvErr(ret),
        ),
      '[resource-drop]store': abi.drop,
    },
    'fermyon:spin/sqlite@2.0.0': {
      '[static]connection.open': (p: number, l: number, ret: number) =>
        tryResult(
          abi,
          ret,
          () => Connection.open(abi.str(p, l)),
          (c) => abi.i32(ret + 4, abi.own(c)),
          sqlErr(ret),
        ),
      '[method]connection.execute'(
        self: number,
        sp: number,
        sl: number,
        pp: number,
        pl: number,
        ret: number,
      ) {
        tryResult(
          abi,
          ret,
          () => abi.get<Connection>(self).execute(abi.str(sp, sl), readValues(pp, pl)),
          (r) => {
            abi.putStrings(ret + 4, r.columns);
            const rows = abi.allocList(r.rows.length, 8, 4);
            r.rows.forEach((row, i) => {
              abi.i32(rows + 8 * i, writeValues(row.values));
              abi.i32(rows + 8 * i + 4, row.values.length);
            });
            abi.i32(ret + 12, rows);
            abi.i32(ret + 16, r.rows.length);
          },
          sqlErr(ret),
        );
      },
      '[resource-drop]connection': abi.drop,
    },
    'fermyon:spin/variables@2.0.0': {
      get: (p: number, l: number, ret: number) =>
        tryResult(
          abi,
          ret,
          () => services['fermyon:spin/variables'].get(abi.str(p, l)),
          (v) => abi.putStr(ret + 4, v),
          (e) => putError(abi, ret + 4, VAR_ERRORS, e),
        ),
    },
  };
}
