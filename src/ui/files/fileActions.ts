import { guessLanguage, languageById } from '../../languages/registry';
import {
  baseName,
  bytesToData,
  checkPath,
  exists,
  makeProject,
  type ProjectFiles,
} from '../../project/model';
import { rememberBlob } from '../../project/projectDb';
import { readBytes } from '../../project/readBytes';
import { projectToZip, zipToProject } from '../../project/zip';
import { currentProject } from '../../store/projectSlice';
import { useStore } from '../../store/store';
import { downloadFile } from '../download';

const say = (text: string, tone: 'ok' | 'warn' = 'ok') =>
  useStore.getState().patchUi({ toast: { text, tone }, toastAction: null });

/** Creates a file or folder at a user-typed path; returns an error message or null. */
export function createPath(raw: string, folder: boolean): string | null {
  const c = checkPath(folder && !raw.endsWith('/') ? `${raw}/` : raw);
  if ('error' in c) return c.error;
  const files = currentProject(useStore.getState()).files;
  if (
    exists(files, c.path) ||
    exists(files, c.path + '/') ||
    exists(files, c.path.replace(/\/$/, ''))
  )
    return `"${c.path}" already exists`;
  const s = useStore.getState();
  s.writeFile(c.path, '');
  if (!folder) s.openFile(c.path);
  return null;
}

/** Renames or moves a file or folder; returns an error message or null. */
export function renamePath(from: string, raw: string): string | null {
  const folder = from.endsWith('/');
  const c = checkPath(folder && !raw.endsWith('/') ? `${raw}/` : raw);
  if ('error' in c) return c.error;
  if (c.path === from) return null;
  if (folder && c.path.startsWith(from)) return 'a folder cannot move into itself';
  const files = currentProject(useStore.getState()).files;
  if (exists(files, c.path)) return `"${c.path}" already exists`;
  useStore.getState().movePath(from, c.path);
  return null;
}

/** Deletes with an Undo in the toast. */
export function deleteWithUndo(path: string) {
  const s = useStore.getState();
  const p = currentProject(s);
  if (path === p.entry) {
    say(`${path} is the entry file: make another file the entry first`, 'warn');
    return;
  }
  const removed = s.removePath(path);
  const n = Object.keys(removed).length;
  s.patchUi({
    toast: { tone: 'ok', text: `Deleted ${baseName(path)}${n > 1 ? ` (${n} items)` : ''}` },
    toastAction: { label: 'Undo', run: () => useStore.getState().writeFiles(removed) },
  });
}

/** Reads picked or dropped files (folders keep their relative paths) into the project. */
export async function addUploads(list: { file: File; path: string }[], folder = ''): Promise<void> {
  const files: ProjectFiles = {};
  const refused: string[] = [];
  // Reading is async (off the main thread); text detection stops at 4 MiB, so a 50 MB upload
  // never blocks the page.
  for (const { file, path } of list) {
    const c = checkPath(folder + path);
    if ('error' in c) {
      refused.push(`${path} (${c.error})`);
      continue;
    }
    const data = bytesToData(await readBytes(file));
    if (typeof data !== 'string') rememberBlob(data, file);
    files[c.path] = data;
  }
  const n = Object.keys(files).length;
  if (n) useStore.getState().writeFiles(files);
  if (refused.length)
    say(`Not added: ${refused.slice(0, 5).join(', ')}${refused.length > 5 ? '…' : ''}`, 'warn');
  else if (n) say(`Added ${n} file${n === 1 ? '' : 's'}`);
}

/** Walks dropped items, folders included (webkitGetAsEntry), into { file, path } pairs. */
export async function droppedFiles(dt: DataTransfer): Promise<{ file: File; path: string }[]> {
  const out: { file: File; path: string }[] = [];
  const entries = [...dt.items]
    .map((i) => (i.kind === 'file' ? i.webkitGetAsEntry?.() : null))
    .filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) {
    for (const f of dt.files) out.push({ file: f, path: f.name });
    return out;
  }
  const walk = async (e: FileSystemEntry, prefix: string): Promise<void> => {
    if (e.isFile) {
      const file = await new Promise<File>((res, rej) => (e as FileSystemFileEntry).file(res, rej));
      out.push({ file, path: prefix + e.name });
    } else if (e.isDirectory) {
      const reader = (e as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) =>
          reader.readEntries(res, rej),
        );
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, `${prefix}${e.name}/`);
      }
    }
  };
  for (const e of entries) await walk(e, '');
  return out;
}

export function downloadProjectZip() {
  const p = currentProject(useStore.getState());
  downloadFile(
    `${p.name.replace(/[^\w.-]+/g, '-') || 'project'}.zip`,
    projectToZip(p.files),
    'application/zip',
  );
}

/** Opens a .zip as a new project (its language guessed from the files). */
export async function openZip(file: File): Promise<void> {
  let result: ReturnType<typeof zipToProject>;
  try {
    result = zipToProject(await readBytes(file));
  } catch (e) {
    say(
      `${file.name} is not a readable .zip: ${e instanceof Error ? e.message : String(e)}`,
      'warn',
    );
    return;
  }
  const paths = Object.keys(result.files);
  if (paths.length === 0) {
    say(`${file.name} holds no files`, 'warn');
    return;
  }
  const language = guessLanguage(paths) ?? useStore.getState().language;
  const entry = paths.includes(languageById[language].fileName)
    ? languageById[language].fileName
    : paths.find((p) => p.endsWith(languageById[language].fileName.slice(4)));
  useStore
    .getState()
    .addProject(
      makeProject(language, result.files, { name: file.name.replace(/\.zip$/i, ''), entry }),
    );
  say(
    `Opened ${file.name} (${paths.length} files)` +
      (result.skipped.length ? `; skipped unsafe paths: ${result.skipped.join(', ')}` : ''),
    result.skipped.length ? 'warn' : 'ok',
  );
}
