/**
 * Spin's host services for a component, as Spin 2/3 grants them: fermyon:spin/key-value@2.0.0
 * and fermyon:spin/sqlite@2.0.0 on the app's SpinData, fermyon:spin/variables@2.0.0 from the
 * manifest (overridden by SPIN_VARIABLE_<NAME>), each call timed for the request log. A store
 * or database the manifest does not list is `access-denied`; one it lists that is not `default`
 * is `no-such-store` / `no-such-database` (Spin needs runtime config for those).
 */
import type { HostCall, SpinGrants } from '../../protocol/server';
import { variableNameProblem } from './manifest';
import { isFull, type SpinData } from './data';

type SqlValue =
  | { tag: 'integer'; val: bigint }
  | { tag: 'real'; val: number }
  | { tag: 'text'; val: string }
  | { tag: 'blob'; val: Uint8Array }
  | { tag: 'null' };

export interface ServiceContext {
  grants: SpinGrants;
  data: SpinData | null;
  /** `NAME=value` pairs (Run settings' environment): SPIN_VARIABLE_<NAME> overrides. */
  env: Record<string, string>;
  /** The current request's host calls. */
  calls: HostCall[];
}

/** Runs `f`, logging it as a host call (its error too) with the µs it took. */
export function timedCall<T>(
  ctx: ServiceContext,
  kind: HostCall['kind'],
  what: string,
  f: () => T,
): T {
  const t0 = performance.now();
  let error: string | undefined;
  try {
    return f();
  } catch (e) {
    error = (e as { tag?: string })?.tag ? errorText(e) : String(e);
    throw e;
  } finally {
    const us = (performance.now() - t0) * 1000;
    ctx.calls.push(error === undefined ? { kind, what, us } : { kind, what, us, error });
  }
}

const errorText = (e: unknown) => {
  const { tag, val } = e as { tag: string; val?: unknown };
  return val !== undefined && typeof val === 'string' ? `${tag}: ${val}` : tag;
};

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

function keyValue(ctx: ServiceContext) {
  class Store {
    private constructor(readonly label: string) {}
    static open(label: string) {
      return timedCall(ctx, 'kv', `open ${label}`, () => {
        if (!ctx.grants.keyValueStores.includes(label)) throw { tag: 'access-denied' };
        if (label !== 'default' || !ctx.data) throw { tag: 'no-such-store' };
        return new Store(label);
      });
    }
    private get db() {
      return ctx.data!;
    }
    get(key: string): Uint8Array | undefined {
      return timedCall(ctx, 'kv', `get ${short(key)}`, () => {
        return this.db.kvGet(this.label, key) ?? undefined;
      });
    }
    set(key: string, value: Uint8Array) {
      timedCall(ctx, 'kv', `set ${short(key)}`, () => {
        try {
          this.db.kvSet(this.label, key, value);
        } catch (e) {
          if (isFull(e)) throw { tag: 'store-table-full' };
          throw { tag: 'other', val: (e as Error).message };
        }
      });
    }
    delete(key: string) {
      timedCall(ctx, 'kv', `delete ${short(key)}`, () => {
        this.db.kvDelete(this.label, key);
      });
    }
    exists(key: string): boolean {
      return timedCall(
        ctx,
        'kv',
        `exists ${short(key)}`,
        () => this.db.kvGet(this.label, key) !== null,
      );
    }
    getKeys(): string[] {
      return timedCall(ctx, 'kv', 'get-keys', () => this.db.kvKeys(this.label));
    }
  }
  return { Store };
}

function toSql(v: SqlValue): number | string | Uint8Array | bigint | null {
  if (v.tag === 'null') return null;
  if (v.tag === 'integer')
    return v.val >= BigInt(Number.MIN_SAFE_INTEGER) && v.val <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(v.val)
      : v.val;
  return v.val;
}

function fromSql(v: unknown): SqlValue {
  if (v === null || v === undefined) return { tag: 'null' };
  if (typeof v === 'bigint') return { tag: 'integer', val: v };
  if (typeof v === 'number')
    return Number.isInteger(v) ? { tag: 'integer', val: BigInt(v) } : { tag: 'real', val: v };
  if (v instanceof Uint8Array) return { tag: 'blob', val: v };
  return { tag: 'text', val: String(v) };
}

function sqlite(ctx: ServiceContext) {
  class Connection {
    private constructor(readonly name: string) {}
    static open(name: string) {
      return timedCall(ctx, 'sql', `open ${name}`, () => {
        if (!ctx.grants.sqliteDatabases.includes(name)) throw { tag: 'access-denied' };
        if (name !== 'default' || !ctx.data) throw { tag: 'no-such-database' };
        return new Connection(name);
      });
    }
    /** spin:sqlite@3's additions: the last INSERT's rowid, the rows the last statement changed. */
    lastInsertRowid(): bigint {
      const v = ctx.data!.sql.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0];
      return BigInt((v as number | undefined) ?? 0);
    }
    changes(): bigint {
      return BigInt(ctx.data!.sql.getRowsModified());
    }
    execute(statement: string, parameters: SqlValue[]) {
      return timedCall(ctx, 'sql', short(statement.trim().replace(/\s+/g, ' ')), () => {
        const db = ctx.data!.sql;
        let stmt;
        try {
          stmt = ctx.data!.statement(db, statement);
        } catch (e) {
          throw { tag: 'io', val: (e as Error).message };
        }
        try {
          stmt.bind(parameters.map(toSql) as never);
          const rows: { values: SqlValue[] }[] = [];
          // sql.js takes useBigInt (INTEGER as BigInt: s64 needs it); its types do not say so.
          const big = stmt as unknown as { get(p: null, c: { useBigInt: boolean }): unknown[] };
          while (stmt.step())
            rows.push({ values: big.get(null, { useBigInt: true }).map(fromSql) });
          const columns = stmt.getColumnNames();
          ctx.data!.noteStatement(statement);
          return { columns, rows };
        } catch (e) {
          throw { tag: 'io', val: isFull(e) ? 'database or disk is full' : (e as Error).message };
        } finally {
          stmt.reset();
        }
      });
    }
  }
  return { Connection };
}

/** A component variable's value, as Spin resolves it. */
export function resolveVariable(
  grants: SpinGrants,
  env: Record<string, string>,
  name: string,
): string {
  const bad = variableNameProblem(name);
  if (bad) throw { tag: 'invalid-name', val: `"${name}": ${bad}` };
  const tmpl = grants.componentVariables[name];
  if (tmpl === undefined)
    throw { tag: 'undefined', val: `no variable for "${grants.component}"."${name}"` };
  return tmpl.replace(/\{\{\s*([^}\s]*)\s*\}\}/g, (_, app: string) => {
    const override = env[`SPIN_VARIABLE_${app.toUpperCase()}`];
    if (override !== undefined) return override;
    const decl = grants.variables[app];
    if (decl?.default !== undefined) return decl.default;
    throw { tag: 'undefined', val: `no value for required variable "${app}"` };
  });
}

function variables(ctx: ServiceContext) {
  return {
    get: (name: string) =>
      timedCall(ctx, 'var', `get ${name}`, () => resolveVariable(ctx.grants, ctx.env, name)),
  };
}

/** The Spin interfaces' part of the import object (unversioned keys, as jco asks). */
/**
 * wasi:config/store (draft 2024-09-27), as Spin 3 serves it: the component's variables; a name
 * that is invalid or has no value is `none` (Spin: "the guidance of wasi-runtime-config").
 */
function config(ctx: ServiceContext) {
  const get = (key: string): string | undefined => {
    try {
      return resolveVariable(ctx.grants, ctx.env, key);
    } catch (e) {
      const tag = (e as { tag?: string }).tag;
      if (tag === 'invalid-name' || tag === 'undefined') return undefined;
      throw { tag: 'upstream', val: String((e as { val?: unknown }).val ?? tag) };
    }
  };
  return {
    get: (key: string) => timedCall(ctx, 'var', `config get ${key}`, () => get(key)),
    getAll: () =>
      timedCall(ctx, 'var', 'config get-all', () =>
        Object.keys(ctx.grants.componentVariables).flatMap((k) => {
          const v = get(k);
          return v === undefined ? [] : [[k, v] as [string, string]];
        }),
      ),
  };
}

/**
 * The Spin interfaces' part of the import object (unversioned keys, as jco asks): Spin 2's
 * fermyon:spin@2.0.0, and Spin 3's synchronous spin:sqlite@3 and wasi:config/store.
 */
export function spinImports(ctx: ServiceContext): Record<string, object> {
  const sql = sqlite(ctx);
  return {
    'fermyon:spin/key-value': keyValue(ctx),
    'fermyon:spin/sqlite': sql,
    'fermyon:spin/variables': variables(ctx),
    'spin:sqlite/sqlite': sql,
    'wasi:config/store': config(ctx),
  };
}
