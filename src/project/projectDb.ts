import { createStore, del, delMany, entries, get, keys, set, setMany } from 'idb-keyval';
import type { Project } from './model';
import { readBytes } from './readBytes';

// One IndexedDB database, one object store: `p:<id>` holds a project with its text and small
// files; `b:<id>:<path>` holds each file of 256 KiB or more as a Blob. Big files are written only
// when their content changes, and a Blob is stored without the structured clone of its bytes on
// the main thread, so typing in a project that holds a 50 MB file saves only a few KiB.
let store: ReturnType<typeof createStore> | null = null;
const db = () => (store ??= createStore('wasm-playground', 'projects'));

const BIG = 256 * 1024;
const projectKey = (id: string) => `p:${id}`;
const blobKey = (id: string, path: string) => `b:${id}:${path}`;

/** The stored form of a project: big files replaced by their paths. */
interface Stored extends Omit<Project, 'files'> {
  files: Record<string, string | Uint8Array>;
  bigFiles: string[];
}

/** Big files already in the database, by content (the bytes are immutable in the store). */
const saved = new WeakMap<Uint8Array, Set<string>>();

/**
 * The Blob some bytes came from (an uploaded File): saved as it is, without copying 50 MB into
 * a new Blob on the main thread.
 */
const sourceBlobs = new WeakMap<Uint8Array, Blob>();

/** Remembers that `bytes` are the content of `blob`. */
export function rememberBlob(bytes: Uint8Array, blob: Blob): void {
  sourceBlobs.set(bytes, blob);
}

/** Every saved project, with its big files read back (callers validate). */
export async function loadAll(): Promise<unknown[]> {
  const all = await entries(db());
  const blobs = new Map<string, Blob>();
  const projects: Stored[] = [];
  for (const [k, v] of all) {
    const key = String(k);
    if (key.startsWith('b:') && v instanceof Blob) blobs.set(key, v);
    else if (key.startsWith('p:')) projects.push(v as Stored);
  }
  return Promise.all(projects.map((p) => withBlobs(p, blobs)));
}

async function withBlobs(p: Stored, blobs: Map<string, Blob>): Promise<unknown> {
  if (!p || typeof p !== 'object' || !Array.isArray(p.bigFiles)) return p;
  const files = { ...p.files };
  for (const path of p.bigFiles) {
    const key = blobKey(p.id, path);
    const blob = blobs.get(key) ?? (await get(key, db()));
    if (!(blob instanceof Blob)) continue;
    const bytes = await readBytes(blob);
    sourceBlobs.set(bytes, blob);
    saved.set(bytes, new Set([key]));
    files[path] = bytes;
  }
  return { ...p, files, bigFiles: undefined };
}

export async function load(id: string): Promise<unknown> {
  return withBlobs((await get(projectKey(id), db())) as Stored, new Map());
}

/** Saves a project: its record, and those big files whose content is not stored yet. */
export async function save(p: Project): Promise<void> {
  const files: Stored['files'] = {};
  const bigFiles: string[] = [];
  const blobs: [string, Blob][] = [];
  for (const [path, v] of Object.entries(p.files)) {
    if (typeof v === 'string' || v.byteLength < BIG) {
      files[path] = v;
      continue;
    }
    bigFiles.push(path);
    const key = blobKey(p.id, path);
    if (saved.get(v)?.has(key)) continue;
    blobs.push([key, sourceBlobs.get(v) ?? new Blob([v as BlobPart])]);
    saved.set(v, new Set([...(saved.get(v) ?? []), key]));
  }
  const record: Stored = { ...p, files, bigFiles };
  if (blobs.length) await setMany(blobs, db());
  await set(projectKey(p.id), record, db());
  await removeStaleBlobs(p.id, new Set(bigFiles.map((b) => blobKey(p.id, b))));
}

/** Deletes a project and its big files. */
export async function remove(id: string): Promise<void> {
  await del(projectKey(id), db());
  await removeStaleBlobs(id, new Set());
}

const knownBlobs = new Map<string, Set<string>>();

async function removeStaleBlobs(id: string, keep: Set<string>) {
  const before = knownBlobs.get(id);
  knownBlobs.set(id, keep);
  const stale = before
    ? [...before].filter((k) => !keep.has(k))
    : (await keys(db()))
        .map((k) => String(k))
        .filter((k) => k.startsWith(`b:${id}:`) && !keep.has(k));
  if (stale.length) await delMany(stale, db());
}

/** A storage failure in a few words (quota, private mode, no IndexedDB). */
export function describeError(e: unknown): string {
  if (e instanceof DOMException && e.name === 'QuotaExceededError') return 'storage is full';
  if (typeof indexedDB === 'undefined') return 'IndexedDB is not available';
  return e instanceof Error ? e.message : String(e);
}
