import { languageById, type LanguageId } from '../languages/registry';
import type { Breakpoints } from './breakpoints';

/**
 * A file's content: text for what the editor edits, bytes for anything else (images, uploads,
 * files a program wrote). A folder is a key ending in `/` whose value is ''.
 */
export type FileData = string | Uint8Array;

/** Path (relative, `/`-separated, folders end in `/`) → content. */
export type ProjectFiles = Record<string, FileData>;

/** A program's world: a language, a tree of files and the entry file that is compiled. */
export interface Project {
  id: string;
  name: string;
  language: LanguageId;
  files: ProjectFiles;
  entry: string;
  /** ms since the epoch of the last change. */
  updatedAt: number;
  /**
   * What an untouched project came from ('example:hello', 'link'); cleared by the first edit.
   * Opening another example or link replaces such a project instead of adding one.
   */
  pristine?: string;
  /** Run as an HTTP handler (WAGI) instead of a command; absent: a command. */
  runMode?: RunMode;
  /** The handler's trigger route (spin.toml's `route`); absent: `/...`. */
  route?: string;
  /** How a handler runs: a Spin component (spin.toml is its manifest); absent: WAGI. */
  executor?: HttpExecutor;
  /** The language's other interpreter the project runs on (its `alternative` id); absent: the default. */
  interpreter?: string;
  /** Where a debug run stops: file → lines. */
  breakpoints?: Breakpoints;
}

/** How Run runs a project: a WASI command, or an HTTP handler answering requests. */
export type RunMode = 'command' | 'http';
/** How an HTTP handler is run: Spin's WAGI executor (a command module) or a Spin component. */
export type HttpExecutor = 'wagi' | 'spin-component';

/** Whether Run builds the project as a Spin component handler. */
export const isSpinProject = (p: Pick<Project, 'runMode' | 'executor'>) =>
  p.runMode === 'http' && p.executor === 'spin-component';

/** The entry file a new project of the language gets (its meta's file name). */
export const defaultEntry = (language: LanguageId): string => languageById[language].fileName;

export const isDir = (path: string) => path.endsWith('/');

/** Why a name (one path component) is refused, or null when it is fine. */
export function badName(name: string): string | null {
  if (name === '') return 'a name cannot be empty';
  if (name === '.' || name === '..') return `"${name}" is not a file name`;
  if (name.includes('/') || name.includes('\\')) return 'a name cannot contain / or \\';
  if (name.includes('\0')) return 'a name cannot contain a NUL character';
  if (new TextEncoder().encode(name).length > 255) return 'a name is limited to 255 bytes';
  return null;
}

/**
 * Normalises a user-typed relative path (`a//b/`, leading `./`) and checks every component.
 * Returns the path (folders keep their trailing `/`) or an error message.
 */
export function checkPath(raw: string): { path: string } | { error: string } {
  if (typeof raw !== 'string') return { error: 'a path must be a string' };
  if (raw.startsWith('/')) return { error: 'paths are relative to the project folder' };
  const dir = raw.endsWith('/');
  const parts = raw.split('/').filter((p, i, all) => p !== '' || i === all.length - 1);
  if (dir) parts.pop();
  const cleaned = parts.filter((p) => p !== '.');
  if (cleaned.length === 0) return { error: 'a name cannot be empty' };
  for (const p of cleaned) {
    const bad = badName(p);
    if (bad) return { error: `${bad}: "${raw}"` };
  }
  return { path: cleaned.join('/') + (dir ? '/' : '') };
}

/** The folder part of a path ('' at the root), with its trailing slash. */
export function parentOf(path: string): string {
  const trimmed = isDir(path) ? path.slice(0, -1) : path;
  const i = trimmed.lastIndexOf('/');
  return i < 0 ? '' : trimmed.slice(0, i + 1);
}

/** The last component of a path, without a folder's trailing slash. */
export function baseName(path: string): string {
  const trimmed = isDir(path) ? path.slice(0, -1) : path;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Every path in the tree, with the folders that files imply, sorted folders-first per level. */
export function allPaths(files: ProjectFiles): string[] {
  const set = new Set<string>();
  for (const p of Object.keys(files)) {
    set.add(p);
    for (let d = parentOf(p); d; d = parentOf(d)) set.add(d);
  }
  return [...set].sort(comparePaths);
}

/** Tree order: a folder right before its contents, folders before files, then by name. */
export function comparePaths(a: string, b: string): number {
  const parts = (p: string) => {
    const dir = isDir(p);
    const names = (dir ? p.slice(0, -1) : p).split('/');
    return names.map((name, i) => ({ name, dir: dir || i < names.length - 1 }));
  };
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; ; i++) {
    const ca = pa[i];
    const cb = pb[i];
    if (!ca || !cb) return (ca ? 1 : 0) - (cb ? 1 : 0);
    if (ca.dir !== cb.dir) return ca.dir ? -1 : 1;
    if (ca.name !== cb.name) return ca.name < cb.name ? -1 : 1;
  }
}

/** Whether `path` exists in the tree, as a file or as a (possibly implied) folder. */
export function exists(files: ProjectFiles, path: string): boolean {
  if (path in files) return true;
  if (!isDir(path)) return false;
  return Object.keys(files).some((p) => p.startsWith(path));
}

/** Moves a file or a whole folder; returns the new tree (the old one is not changed). */
export function movePath(files: ProjectFiles, from: string, to: string): ProjectFiles {
  const out: ProjectFiles = {};
  for (const [p, v] of Object.entries(files)) {
    if (p === from) out[to] = v;
    else if (isDir(from) && p.startsWith(from)) out[to + p.slice(from.length)] = v;
    else out[p] = v;
  }
  // Moving the only file out of a folder keeps the folder.
  const parent = parentOf(from);
  if (parent && !exists(out, parent)) out[parent] = '';
  return out;
}

/** Removes a file or a whole folder; returns the new tree and what was removed (for undo). */
export function removePath(
  files: ProjectFiles,
  path: string,
): { files: ProjectFiles; removed: ProjectFiles } {
  const out: ProjectFiles = {};
  const removed: ProjectFiles = {};
  for (const [p, v] of Object.entries(files)) {
    if (p === path || (isDir(path) && p.startsWith(path))) removed[p] = v;
    else out[p] = v;
  }
  const parent = parentOf(path);
  if (parent && !exists(out, parent)) out[parent] = '';
  return { files: out, removed };
}

/** Text files the compiler may read: every file whose content is a string. */
export function textFiles(files: ProjectFiles): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [p, v] of Object.entries(files)) if (typeof v === 'string' && !isDir(p)) out[p] = v;
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes that are valid UTF-8 without NUL or other control bytes (but tab, newline, CR, form feed
 * and escape) become text; anything else stays bytes.
 */
export function bytesToData(bytes: Uint8Array): FileData {
  if (bytes.length > 4 * 1024 * 1024) return bytes;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) return bytes;
  }
  try {
    return utf8.decode(bytes);
  } catch {
    return bytes;
  }
}

/** The bytes of a file, as a program sees them. */
export function dataToBytes(data: FileData): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}

/** Size in bytes of a file's content. */
export function dataSize(data: FileData): number {
  return typeof data === 'string' ? new TextEncoder().encode(data).length : data.byteLength;
}

/** A short random id for a new project. */
export function newId(): string {
  return Math.random().toString(36).slice(2, 10) + Date.now().toString(36).slice(-4);
}

/** A new project holding `files`. */
export function makeProject(
  language: LanguageId,
  files: ProjectFiles,
  opts: {
    name?: string;
    entry?: string;
    pristine?: string;
    runMode?: RunMode;
    route?: string;
    executor?: HttpExecutor;
    interpreter?: string;
    breakpoints?: Breakpoints;
  } = {},
): Project {
  const entry =
    opts.entry && opts.entry in files
      ? opts.entry
      : defaultEntry(language) in files
        ? defaultEntry(language)
        : (Object.keys(files).find((p) => !isDir(p)) ?? defaultEntry(language));
  return {
    id: newId(),
    name: opts.name ?? 'Untitled',
    language,
    files: entry in files ? files : { ...files, [entry]: '' },
    entry,
    updatedAt: Date.now(),
    ...(opts.pristine ? { pristine: opts.pristine } : {}),
    ...(opts.runMode === 'http' ? { runMode: 'http' as const } : {}),
    ...(opts.interpreter ? { interpreter: opts.interpreter } : {}),
    ...(opts.breakpoints ? { breakpoints: opts.breakpoints } : {}),
    ...(opts.route ? { route: opts.route } : {}),
    ...(opts.executor === 'spin-component' ? { executor: opts.executor } : {}),
  };
}
