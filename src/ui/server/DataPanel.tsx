import { useEffect, useState } from 'react';
import { dataAction, startFresh } from '../../server/spin/dataOps';
import { useSpinData } from '../../server/spin/keep';
import { isSpinProject } from '../../server/spin/page';
import { useServer } from '../../server/state';
import type { SqlCell } from '../../protocol/server';
import { currentProject } from '../../store/projectSlice';
import { useStore } from '../../store/store';
import { downloadFile } from '../download';
import { formatBytes } from '../format';

const dec = new TextDecoder('utf-8', { fatal: true });
/** A value as text when it is UTF-8 without control characters; else as hex. */
function asText(v: Uint8Array): string | null {
  try {
    const t = dec.decode(v);
    return [...t].some((c) => c.charCodeAt(0) < 32 && !'\t\n\r\f\v'.includes(c)) ? null : t;
  } catch {
    return null;
  }
}
const hex = (v: Uint8Array) => [...v].map((b) => b.toString(16).padStart(2, '0')).join(' ');
const cellText = (c: SqlCell) =>
  c === null ? 'NULL' : c instanceof Uint8Array ? `x'${hex(c).replace(/ /g, '')}'` : String(c);

/** The app whose data the panel shows: the served component's, else the Spin project's. */
function useDataKey(): string | null {
  const served = useServer((s) => s.handler?.spin?.dataKey);
  const project = useStore((s) => (isSpinProject(currentProject(s)) ? currentProject(s).id : null));
  return served ?? project;
}

/**
 * A Spin app's data: its key-value entries (text or hex; edit, delete, add) and its SQLite tables
 * (rows, a SQL box), kept across reloads; it follows every request that changes them.
 */
export function DataPanel() {
  const key = useDataKey();
  const d = useSpinData();
  // A section for what the app was granted (or holds): no key-value table for a SQL-only app.
  const grants = useServer((s) => s.handler?.spin?.grants);
  useEffect(() => {
    if (key) void dataAction(key);
  }, [key]);
  if (!key) return null;
  return (
    <section className="data-panel" data-testid="data-panel" aria-label="Data">
      <div className="preview-bar">
        <h3>Data</h3>
        {d.view && (
          <span className="muted" data-testid="data-size">
            key-value {formatBytes(d.view.kvBytes)} · SQLite {formatBytes(d.view.sqlBytes)}
          </span>
        )}
        <button type="button" data-testid="data-refresh" onClick={() => void dataAction(key)}>
          Refresh
        </button>
        <button
          type="button"
          data-testid="data-clear"
          onClick={() => {
            if (confirm('Delete every key-value entry and every table of this app?'))
              void dataAction(key, { kind: 'clear' });
          }}
        >
          Clear
        </button>
      </div>
      {d.readOnly && (
        <p className="hint" data-testid="data-read-only">
          This app's data is open in another tab: requests here work on it, but nothing is kept from
          this tab.
        </p>
      )}
      {d.error && (
        <div className="data-error" role="alert" data-testid="data-error">
          <p>{d.error}</p>
          {d.unreadable && (
            <p>
              <button
                type="button"
                onClick={() => {
                  const u = d.unreadable!;
                  if (u.kv) downloadFile('sqlite_key_value.db', u.kv, 'application/vnd.sqlite3');
                  if (u.sql) downloadFile('sqlite_db.db', u.sql, 'application/vnd.sqlite3');
                }}
              >
                Download the bytes
              </button>{' '}
              <button
                type="button"
                data-testid="data-start-fresh"
                onClick={() => void startFresh(key)}
              >
                Start with empty data
              </button>
            </p>
          )}
        </div>
      )}
      {d.view && (!grants || grants.keyValueStores.length > 0 || d.view.kv.length > 0) && (
        <KeyValue dataKey={key} />
      )}
      {d.view && (!grants || grants.sqliteDatabases.length > 0 || d.view.tables.length > 0) && (
        <Tables />
      )}
      <SqlBox dataKey={key} />
    </section>
  );
}

function KeyValue({ dataKey }: { dataKey: string }) {
  const entries = useSpinData((s) => s.view?.kv ?? []);
  const [adding, setAdding] = useState({ key: '', value: '' });
  const enc = new TextEncoder();
  return (
    <div className="kv">
      <h4>Key-value ({entries.length})</h4>
      <table>
        <thead>
          <tr>
            <th>Store</th>
            <th>Key</th>
            <th>Value</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                No entries yet: a request that calls spin_kv_set adds one.
              </td>
            </tr>
          )}
          {entries.map((e) => {
            const text = asText(e.value);
            return (
              <tr
                key={`${e.store}\0${e.key}`}
                data-testid="kv-entry"
                data-store={e.store}
                data-key={e.key}
                data-value={text ?? hex(e.value)}
              >
                <td>{e.store}</td>
                <td>{e.key}</td>
                <td>
                  <input
                    aria-label={`Value of ${e.key}`}
                    className={text === null ? 'hex' : undefined}
                    defaultValue={text ?? hex(e.value)}
                    title={
                      text === null ? 'Binary: shown as hex (read-only)' : 'Edit and press Enter'
                    }
                    readOnly={text === null}
                    onKeyDown={(ev) => {
                      if (ev.key === 'Enter')
                        void dataAction(dataKey, {
                          kind: 'kv-set',
                          store: e.store,
                          key: e.key,
                          value: enc.encode(ev.currentTarget.value),
                        });
                    }}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={`Delete ${e.key}`}
                    onClick={() =>
                      void dataAction(dataKey, { kind: 'kv-delete', store: e.store, key: e.key })
                    }
                  >
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form
        className="inline-form"
        onSubmit={(ev) => {
          ev.preventDefault();
          if (!adding.key) return;
          void dataAction(dataKey, {
            kind: 'kv-set',
            store: 'default',
            key: adding.key,
            value: enc.encode(adding.value),
          });
          setAdding({ key: '', value: '' });
        }}
      >
        <input
          aria-label="New key"
          placeholder="key"
          value={adding.key}
          onChange={(e) => setAdding({ ...adding, key: e.target.value })}
        />
        <input
          aria-label="New value"
          placeholder="value"
          value={adding.value}
          onChange={(e) => setAdding({ ...adding, value: e.target.value })}
        />
        <button type="submit">Add to default</button>
      </form>
    </div>
  );
}

function Tables() {
  const tables = useSpinData((s) => s.view?.tables ?? []);
  return (
    <div className="sql-tables">
      <h4>SQLite tables ({tables.length})</h4>
      {tables.length === 0 && <p className="muted">No tables yet in the default database.</p>}
      {tables.map((t) => (
        <details key={t.name} open data-testid="sql-table" data-name={t.name}>
          <summary>
            {t.name}{' '}
            <span className="muted">
              ({t.count.toLocaleString('en')} rows
              {t.count > t.rows.length ? `, first ${t.rows.length} shown` : ''})
            </span>
          </summary>
          <ResultTable columns={t.columns} rows={t.rows} testid="sql-row" />
        </details>
      ))}
    </div>
  );
}

function ResultTable({
  columns,
  rows,
  testid,
}: {
  columns: string[];
  rows: SqlCell[][];
  testid: string;
}) {
  return (
    <table className="sql-result">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c}>{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} data-testid={testid}>
            {r.map((c, j) => (
              <td key={j} className={c === null ? 'muted' : undefined}>
                {cellText(c)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SqlBox({ dataKey }: { dataKey: string }) {
  const [sql, setSql] = useState('SELECT * FROM sqlite_master;');
  const result = useSpinData((s) => s.sql);
  const error = useSpinData((s) => s.sqlError);
  const run = () => void dataAction(dataKey, { kind: 'sql', sql });
  return (
    <div className="sql-box">
      <h4>SQL on the default database</h4>
      <textarea
        data-testid="sql-input"
        aria-label="SQL"
        spellCheck={false}
        value={sql}
        onChange={(e) => setSql(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            run();
          }
        }}
      />
      <button type="button" data-testid="sql-run" onClick={run} title="Ctrl+Enter">
        Run SQL
      </button>
      {error && (
        <p className="data-error" role="alert" data-testid="sql-error">
          {error}
        </p>
      )}
      {result && (
        <ResultTable columns={result.columns} rows={result.rows} testid="sql-result-row" />
      )}
    </div>
  );
}
