/**
 * A Spin app's data on the page: its two SQLite files kept in IndexedDB under the app's data key
 * (a project's id, `wasm:<file name>` for an opened component) across reloads, the Data panel's
 * state, and one writer per app across tabs (a Web Lock: a second tab serves the app but keeps
 * nothing, and says so).
 */
import { create } from 'zustand';
import { del, get, set } from 'idb-keyval';
import type { SpinDataFiles, SpinDataView } from '../../protocol/server';
import { storeWhereAllowed } from '../../util/idbStore';

export interface SpinPanelState {
  /** Whose data the panel shows. */
  dataKey: string | null;
  view: SpinDataView | null;
  /** Why the data cannot be shown (it did not open). */
  error: string | null;
  /** The SQL box's last result or error. */
  sql: { columns: string[]; rows: (null | number | string | Uint8Array)[][] } | null;
  sqlError: string | null;
  /** Another tab holds this app's data: changes here are not kept. */
  readOnly: boolean;
  /** Bytes kept that could not be opened (offered for download). */
  unreadable: SpinDataFiles | null;
}

export const useSpinData = create<SpinPanelState>(() => ({
  dataKey: null,
  view: null,
  error: null,
  sql: null,
  sqlError: null,
  readOnly: false,
  unreadable: null,
}));

const db = storeWhereAllowed('wasm-playground-spin', 'data');

/** The latest files of each app (what a new worker opens), as saved or as the worker sent. */
const latest = new Map<string, SpinDataFiles>();

/** The app's kept files (empty for a new app). */
export async function keptData(key: string): Promise<SpinDataFiles> {
  const mem = latest.get(key);
  if (mem) return mem;
  const d = db();
  const kept = d ? await get<SpinDataFiles>(`data:${key}`, d).catch(() => undefined) : undefined;
  const files = kept ?? {};
  latest.set(key, files);
  return files;
}

const writers = new Map<string, boolean>();
/** Whether this tab is the app's writer (the first tab to ask holds it until it closes). */
async function isWriter(key: string): Promise<boolean> {
  const known = writers.get(key);
  if (known !== undefined) return known;
  let mine = true;
  if (typeof navigator !== 'undefined' && navigator.locks) {
    mine = await new Promise<boolean>((answer) => {
      navigator.locks
        .request(`wasm-playground-spin:${key}`, { ifAvailable: true }, (lock) => {
          answer(lock !== null);
          // Held while this tab lives.
          return lock ? new Promise<void>(() => {}) : undefined;
        })
        // No locks here (an opaque-origin frame): this tab is the only writer it knows of.
        .catch(() => answer(true));
    });
  }
  writers.set(key, mine);
  return mine;
}

/** Takes the worker's files after a change: the panel's view, and IndexedDB when this tab writes. */
export async function keepData(
  key: string,
  files: Required<SpinDataFiles>,
  view?: SpinDataView | null,
) {
  latest.set(key, files);
  if (view && useSpinData.getState().dataKey === key) useSpinData.setState({ view, error: null });
  const writer = await isWriter(key);
  if (useSpinData.getState().dataKey === key) useSpinData.setState({ readOnly: !writer });
  const d = db();
  if (writer && d) await set(`data:${key}`, files, d).catch(() => {});
}

/** Forgets the app's data everywhere (after "Start fresh" on unreadable bytes). */
export async function dropData(key: string) {
  latest.set(key, {});
  const d = db();
  if (d) await del(`data:${key}`, d).catch(() => {});
}

/** Makes `key` the app the Data panel shows (a new one's state is cleared). */
export async function showData(key: string) {
  if (useSpinData.getState().dataKey !== key)
    useSpinData.setState({
      dataKey: key,
      view: null,
      error: null,
      sql: null,
      sqlError: null,
      unreadable: null,
    });
  const writer = await isWriter(key);
  useSpinData.setState({ readOnly: !writer });
}
