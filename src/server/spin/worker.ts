/**
 * The runner worker's Spin side: each app's data (opened once per worker from the bytes the page
 * kept), the component host of a handler spec, and the Data panel's reads and edits. The worker
 * that serves the page's requests is the data's one writer; a load test's workers serve copies.
 */
import type {
  ServerMessage,
  SpinDataAnswer,
  SpinDataEdit,
  SpinDataFiles,
  SpinDataView,
  SpinSpec,
  SqlCell,
} from '../../protocol/server';
import { DataReadError, quoteName, SpinData } from './data';
import { SpinHost } from './host';
import { DirectSpinHost, directServable } from './direct';

const datas = new Map<string, Promise<SpinData>>();

/** The app's data in this worker: opened from `files` the first time `key` is asked for. */
export function dataFor(key: string, files: SpinDataFiles | undefined): Promise<SpinData> {
  let d = datas.get(key);
  if (!d) {
    d = SpinData.open(files ?? {});
    d.catch(() => datas.delete(key));
    datas.set(key, d);
  }
  return d;
}

/**
 * A host for the spec (its data opened): the direct host on the core module `core` when the spec
 * asks for it and the module imports only what it lowers, else jco's bindings. Throws when the
 * component or the data cannot load.
 */
export async function spinHost(
  spec: SpinSpec,
  core?: Uint8Array,
  pooled = true,
): Promise<SpinHost | DirectSpinHost> {
  const data = await dataFor(spec.dataKey, spec.data);
  let host: SpinHost | DirectSpinHost | null = null;
  if (spec.direct && core) {
    const mod = await WebAssembly.compile(core as BufferSource);
    if (directServable(mod))
      host = new DirectSpinHost(core, spec.grants, data, spec.env, undefined, pooled);
  }
  if (!host) {
    if (!spec.component)
      throw new Error('the component has neither bindings nor a core module this host can serve');
    host = await SpinHost.create(spec.component, spec.grants, data, spec.env);
  }
  host.mount(spec.files ?? {});
  return host;
}

/**
 * How often a busy app's data is exported for the page to keep: an export closes and reopens
 * sql.js's database (≈ 60 µs, and every prepared statement with it — the next kv get then costs
 * ≈ 200 µs instead of ≈ 15), so a burst of writes is exported once, a moment after.
 */
const EXPORT_EVERY_MS = 1000;
let lastExport = -Infinity;
let exportTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * The data's files and view to hand the page after a request that changed them: now when the
 * last export is a while ago, else null and posted with `post` once the interval has passed.
 */
export function exportAfterRequest(
  key: string,
  d: SpinData,
  post: (m: ServerMessage) => void,
): { files: Required<SpinDataFiles>; view: SpinDataView } | null {
  if (!d.dirty) return null;
  const now = performance.now();
  if (!exportTimer && now - lastExport >= EXPORT_EVERY_MS) {
    lastExport = now;
    d.dirty = false;
    return { files: d.files(), view: dataView(d) };
  }
  exportTimer ??= setTimeout(
    () => {
      exportTimer = null;
      lastExport = performance.now();
      if (!d.dirty) return;
      d.dirty = false;
      post({ type: 'server:spin-data', dataKey: key, files: d.files(), view: dataView(d) });
    },
    Math.max(0, EXPORT_EVERY_MS - (now - lastExport)),
  );
  return null;
}

const ROWS_SHOWN = 200;
const cell = (v: unknown): SqlCell =>
  v === null ||
  v === undefined ||
  typeof v === 'number' ||
  typeof v === 'string' ||
  v instanceof Uint8Array
    ? (v ?? null)
    : String(v);

/** What the Data panel shows: every key-value entry, each table's first rows. */
export function dataView(d: SpinData): SpinDataView {
  const kv = (
    d.kv.exec('SELECT store, key, value FROM spin_key_value ORDER BY store, key LIMIT 1000')[0]
      ?.values ?? []
  ).map(([store, key, value]) => ({
    store: String(store),
    key: String(key),
    value: value instanceof Uint8Array ? value : new TextEncoder().encode(String(value)),
  }));
  const tables = d.tableNames().map((name) => {
    const q = quoteName(name);
    const r = d.sql.exec(`SELECT * FROM ${q} LIMIT ${ROWS_SHOWN}`)[0];
    const count = Number(d.sql.exec(`SELECT count(*) FROM ${q}`)[0].values[0][0]);
    const columns =
      r?.columns ??
      (d.sql.exec(`PRAGMA table_info(${q})`)[0]?.values ?? []).map((c) => String(c[1]));
    return { name, columns, rows: (r?.values ?? []).map((row) => row.map(cell)), count };
  });
  const size = (db: typeof d.kv) =>
    Number(db.exec('PRAGMA page_count')[0].values[0][0]) *
    Number(db.exec('PRAGMA page_size')[0].values[0][0]);
  return { kv, tables, kvBytes: size(d.kv), sqlBytes: size(d.sql) };
}

/** Reads (and with `edit`, changes) the app's data for the Data panel. */
export async function spinDataHere(
  key: string,
  files: SpinDataFiles | undefined,
  edit?: SpinDataEdit,
): Promise<SpinDataAnswer> {
  let d: SpinData;
  try {
    d = await dataFor(key, files);
  } catch (e) {
    return {
      view: null,
      error:
        e instanceof DataReadError ? e.message : `the data did not open: ${(e as Error).message}`,
    };
  }
  let result: SpinDataAnswer['result'];
  let error: string | undefined;
  try {
    if (edit?.kind === 'kv-set') d.kvSet(edit.store, edit.key, edit.value);
    else if (edit?.kind === 'kv-delete') d.kvDelete(edit.store, edit.key);
    else if (edit?.kind === 'clear') {
      d.clear();
      d.dirty = true;
    } else if (edit?.kind === 'sql') {
      const r = d.sql.exec(edit.sql);
      d.noteStatement(edit.sql);
      const last = r[r.length - 1];
      result = {
        columns: last?.columns ?? [],
        rows: (last?.values ?? []).slice(0, ROWS_SHOWN).map((row) => row.map(cell)),
      };
    }
  } catch (e) {
    error = (e as Error).message;
  }
  const answer: SpinDataAnswer = { view: dataView(d), result, error };
  if (d.dirty) {
    d.dirty = false;
    answer.files = d.files();
  }
  return answer;
}
