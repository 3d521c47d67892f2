import { createStore, del, get, set, values } from 'idb-keyval';
import type { Project } from './model';

// One IndexedDB database, one object store: project id → project (bytes stored as they are).
let store: ReturnType<typeof createStore> | null = null;
const projects = () => (store ??= createStore('wasm-playground', 'projects'));

/** Every saved project, as stored (callers validate). */
export function loadAll(): Promise<unknown[]> {
  return values(projects());
}

export function load(id: string): Promise<unknown> {
  return get(id, projects());
}

export function save(p: Project): Promise<void> {
  return set(p.id, p, projects());
}

export function remove(id: string): Promise<void> {
  return del(id, projects());
}

/** A storage failure in a few words (quota, private mode, no IndexedDB). */
export function describeError(e: unknown): string {
  if (e instanceof DOMException && e.name === 'QuotaExceededError') return 'storage is full';
  if (typeof indexedDB === 'undefined') return 'IndexedDB is not available';
  return e instanceof Error ? e.message : String(e);
}
