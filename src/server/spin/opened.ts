/**
 * The manifest of a component opened with Open .wasm (a `spin build` output): generated the first
 * time — granting the `default` key-value store and the `default` database when the component
 * imports those interfaces, so it works at once — then kept under the file's name, editable in the
 * HTTP tab like a project's spin.toml.
 */
import { get, set } from 'idb-keyval';
import { create } from 'zustand';
import { storeWhereAllowed } from '../../util/idbStore';
import { manifestText } from './manifest';

/** The opened component whose manifest the HTTP tab shows (null: the project's spin.toml). */
export const useOpenedManifest = create<{ name: string | null; text: string }>(() => ({
  name: null,
  text: '',
}));

const db = storeWhereAllowed('wasm-playground-spin-manifests', 'manifests');

/** The manifest a component's imports call for. */
export function generatedManifest(name: string, wit: string): string {
  const imports = (iface: RegExp) => new RegExp(`^\\s*import ${iface.source}@`, 'm').test(wit);
  return manifestText({
    name: name.replace(/\.wasm$/i, ''),
    route: '/...',
    keyValueStores: imports(/fermyon:spin\/key-value/) ? ['default'] : [],
    sqliteDatabases: imports(/(fermyon:spin|spin:sqlite)\/sqlite/) ? ['default'] : [],
  });
}

/** The opened component's manifest: kept, or generated now (and shown). */
export async function openedManifest(name: string, wit: string): Promise<string> {
  const d = db();
  const kept = d ? await get<string>(`manifest:${name}`, d).catch(() => undefined) : undefined;
  const text = kept ?? generatedManifest(name, wit);
  useOpenedManifest.setState({ name, text });
  return text;
}

/** Keeps an edit of the opened component's manifest (it applies from the next Run). */
export async function editOpenedManifest(text: string) {
  const { name } = useOpenedManifest.getState();
  if (!name) return;
  useOpenedManifest.setState({ text });
  const d = db();
  if (d) await set(`manifest:${name}`, text, d).catch(() => {});
}
