import type { StateCreator } from 'zustand';
import { defaultLanguage, languageById } from '../languages/registry';
import type { Example } from '../languages/types';
import type { RunChanges } from '../project/changes';
import {
  bytesToData,
  exists,
  isDir,
  makeProject,
  movePath,
  removePath,
  type FileData,
  type HttpExecutor,
  type RunMode,
  type Project,
  type ProjectFiles,
} from '../project/model';
import type { LanguageId } from '../languages/registry';
import type { Store } from './store';
import { withLines } from '../project/breakpoints';

/** The open project, every other project, the open tabs and what the last run changed. */
export interface ProjectSlice {
  projects: Record<string, Project>;
  currentId: string;
  /** The current project's language (kept equal to it by every action here). */
  language: LanguageId;
  /** The file shown in the editor. */
  activePath: string;
  openTabs: string[];
  /** Files the last run of the current project created, modified or deleted. */
  runChanges: RunChanges | null;
  /** A file the last run wrote, shown instead of the editor (null: the editor shows). */
  previewPath: string | null;
  showPreview(path: string | null): void;
  /** Switches to the most recent project of `language`, creating one from its first example. */
  setLanguage(language: LanguageId): void;
  openProject(id: string): void;
  /** Adds a project (new, from a link, a zip or the embed API) and opens it. */
  addProject(project: Project): void;
  /** Opens an example: in place of an untouched example, else as a new project. */
  loadExample(exampleId: string): void;
  renameProject(id: string, name: string): void;
  duplicateProject(id: string): void;
  deleteProject(id: string): void;
  /** Writes a file of the current project (creating it and its folders). */
  writeFile(path: string, data: FileData): void;
  /** Writes the entry file (share links, the embed API and tests speak of one source). */
  setSource(text: string): void;
  writeFiles(files: ProjectFiles): void;
  movePath(from: string, to: string): void;
  /** Removes a file or folder; returns what was removed, for undo. */
  removePath(path: string): ProjectFiles;
  setEntry(path: string): void;
  /** Command or HTTP handler, and the handler's route. */
  setServerConfig(patch: { runMode?: RunMode; route?: string; executor?: HttpExecutor }): void;
  /** Sets the lines of `path` a debug run stops at (the current project's). */
  setBreakpoints: (path: string, lines: number[]) => void;
  /** Runs the project on its language's other interpreter (an `alternative` id) or the default. */
  setInterpreter(id: string | undefined): void;
  openFile(path: string): void;
  closeTab(path: string): void;
  /** Copies a file the last run wrote into the project. */
  keepFile(path: string): void;
  setRunChanges(changes: RunChanges | null): void;
}

/** The current project. */
export const currentProject = (s: Pick<Store, 'projects' | 'currentId'>) => s.projects[s.currentId];

/** The example a project still is (untouched since it was opened), or ''. */
export const exampleIdOf = (p: Pick<Project, 'pristine'> | undefined) =>
  p?.pristine?.startsWith('example:') ? p.pristine.slice('example:'.length) : '';

/** The entry file's text ('' when the entry is not text). */
export const entrySource = (s: Pick<Store, 'projects' | 'currentId'>) => {
  const p = currentProject(s);
  const v = p.files[p.entry];
  return typeof v === 'string' ? v : '';
};

/** `%PAGE_ORIGIN%` in an example's files: this page's origin (an outbound host it may call). */
export function pageOrigin<T extends Record<string, string>>(files: T): T {
  const origin = globalThis.location?.origin ?? 'http://localhost:5173';
  return Object.fromEntries(
    Object.entries(files).map(([k, v]) => [k, v.replaceAll('%PAGE_ORIGIN%', origin)]),
  ) as T;
}

/** A project holding an example's files. */
export function exampleProject(language: LanguageId, ex: Example): Project {
  const meta = languageById[language];
  const files: ProjectFiles = { [meta.fileName]: ex.source, ...pageOrigin(ex.files ?? {}) };
  return makeProject(language, files, {
    name: `${meta.label.split(' ')[0]}: ${ex.label}`,
    entry: meta.fileName,
    pristine: `example:${ex.id}`,
    ...(ex.http ? { runMode: 'http' as const } : {}),
    ...(ex.http?.executor ? { executor: ex.http.executor } : {}),
  });
}

/** Where the editor goes when a project opens: its entry, in a single tab. */
const openState = (p: Project) => ({
  currentId: p.id,
  language: p.language,
  activePath: p.entry,
  openTabs: [p.entry],
  runChanges: null,
  previewPath: null,
});

export const initialProject = exampleProject(
  defaultLanguage,
  languageById[defaultLanguage].examples[0],
);

export const createProjectSlice: StateCreator<Store, [], [], ProjectSlice> = (set, get) => {
  /** Replaces the current project's files; any edit makes an example the user's own. */
  const update = (fn: (p: Project) => Partial<Project>) =>
    set((s) => {
      const p = currentProject(s);
      const next: Project = { ...p, ...fn(p), updatedAt: Date.now() };
      delete next.pristine;
      return { projects: { ...s.projects, [p.id]: next } };
    });

  return {
    projects: { [initialProject.id]: initialProject },
    ...openState(initialProject),

    setLanguage: (language) => {
      const s = get();
      if (language === s.language) return;
      const latest = Object.values(s.projects)
        .filter((p) => p.language === language)
        .sort((a, b) => b.updatedAt - a.updatedAt)[0];
      if (latest) set(openState(latest));
      else get().addProject(exampleProject(language, languageById[language].examples[0]));
    },

    openProject: (id) => {
      const p = get().projects[id];
      if (p) set(openState(p));
    },

    addProject: (project) =>
      set((s) => ({ projects: { ...s.projects, [project.id]: project }, ...openState(project) })),

    loadExample: (exampleId) => {
      const s = get();
      const ex = languageById[s.language].examples.find((e) => e.id === exampleId);
      if (!ex) return;
      const cur = currentProject(s);
      const fresh = exampleProject(s.language, ex);
      // The interpreter chosen for the language stays chosen from one example to the next.
      if (cur.language === s.language && cur.interpreter) fresh.interpreter = cur.interpreter;
      const settings = {
        ...(ex.stdin !== undefined ? { stdin: ex.stdin } : {}),
        ...(ex.args !== undefined ? { args: ex.args } : {}),
        ...(ex.terminal ? { stdin: '', outputView: 'terminal' as const } : {}),
      };
      if (cur.pristine) {
        // An untouched example is replaced in place: clicking through examples adds no projects.
        const next = { ...fresh, id: cur.id };
        set({ projects: { ...s.projects, [cur.id]: next }, ...openState(next), ...settings });
      } else {
        get().addProject(fresh);
        set(settings);
      }
    },

    renameProject: (id, name) =>
      set((s) => {
        const p = s.projects[id];
        if (!p || !name.trim()) return {};
        return {
          projects: { ...s.projects, [id]: { ...p, name: name.trim(), updatedAt: Date.now() } },
        };
      }),

    duplicateProject: (id) => {
      const p = get().projects[id];
      if (!p) return;
      get().addProject(
        makeProject(p.language, { ...p.files }, { name: `${p.name} (copy)`, entry: p.entry }),
      );
    },

    deleteProject: (id) => {
      const s = get();
      const rest = { ...s.projects };
      delete rest[id];
      if (s.currentId !== id) return set({ projects: rest });
      // Deleting the open project opens the most recent other one, or a fresh example.
      const next =
        Object.values(rest).sort((a, b) => b.updatedAt - a.updatedAt)[0] ??
        exampleProject(s.language, languageById[s.language].examples[0]);
      set({ projects: { ...rest, [next.id]: next }, ...openState(next) });
    },

    writeFile: (path, data) => update((p) => ({ files: { ...p.files, [path]: data } })),

    setSource: (text) => {
      const p = currentProject(get());
      if (p.files[p.entry] !== text) get().writeFile(p.entry, text);
    },

    writeFiles: (files) => update((p) => ({ files: { ...p.files, ...files } })),

    movePath: (from, to) => {
      if (from === to) return;
      update((p) => ({
        files: movePath(p.files, from, to),
        entry: rebase(p.entry, from, to),
      }));
      set((s) => ({
        activePath: rebase(s.activePath, from, to),
        openTabs: s.openTabs.map((t) => rebase(t, from, to)),
      }));
    },

    removePath: (path) => {
      let removed: ProjectFiles = {};
      update((p) => {
        const r = removePath(p.files, path);
        removed = r.removed;
        return { files: r.files };
      });
      const gone = (t: string) => t === path || (isDir(path) && t.startsWith(path));
      set((s) => {
        const openTabs = s.openTabs.filter((t) => !gone(t));
        const p = currentProject(s);
        const activePath = gone(s.activePath) ? (openTabs[0] ?? p.entry) : s.activePath;
        return { openTabs: openTabs.length ? openTabs : [activePath], activePath };
      });
      return removed;
    },

    setEntry: (path) => {
      if (!isDir(path) && path in currentProject(get()).files) update(() => ({ entry: path }));
    },

    setServerConfig: (patch) =>
      update((p) => {
        const next: Partial<Project> = {};
        if (patch.runMode) next.runMode = patch.runMode === 'http' ? 'http' : undefined;
        if (patch.route !== undefined)
          next.route = patch.route === '/...' ? undefined : patch.route;
        if (patch.executor)
          next.executor = patch.executor === 'spin-component' ? patch.executor : undefined;
        return { ...p, ...next };
      }),

    // Breakpoints are not an edit either.
    setBreakpoints: (path, lines) =>
      set((s) => {
        const p = currentProject(s);
        const next: Project = { ...p, updatedAt: Date.now() };
        const bps = withLines(p.breakpoints, path, lines);
        if (bps) next.breakpoints = bps;
        else delete next.breakpoints;
        return { projects: { ...s.projects, [p.id]: next } };
      }),

    // A setting, not an edit: an untouched example stays one (the next example replaces it).
    setInterpreter: (id) =>
      set((s) => {
        const p = currentProject(s);
        const next: Project = { ...p, updatedAt: Date.now() };
        if (id) next.interpreter = id;
        else delete next.interpreter;
        return { projects: { ...s.projects, [p.id]: next } };
      }),

    openFile: (path) =>
      set((s) => {
        if (isDir(path) || !exists(currentProject(s).files, path)) return {};
        return {
          activePath: path,
          previewPath: null,
          openTabs: s.openTabs.includes(path) ? s.openTabs : [...s.openTabs, path],
        };
      }),

    closeTab: (path) =>
      set((s) => {
        const i = s.openTabs.indexOf(path);
        if (i < 0 || s.openTabs.length === 1) return {};
        const openTabs = s.openTabs.filter((t) => t !== path);
        const activePath =
          s.activePath === path ? openTabs[Math.min(i, openTabs.length - 1)] : s.activePath;
        return { openTabs, activePath };
      }),

    keepFile: (path) => {
      const rc = get().runChanges;
      if (!rc || !rc.changes[path]) return;
      if (rc.changes[path] === 'deleted') get().removePath(path);
      else get().writeFile(path, isDir(path) ? '' : bytesToData(rc.after[path]));
      const changes = { ...rc.changes };
      delete changes[path];
      set((s) => ({
        runChanges: { ...rc, changes },
        previewPath: s.previewPath === path ? null : s.previewPath,
      }));
      if (!isDir(path) && rc.changes[path] !== 'deleted') get().openFile(path);
    },

    setRunChanges: (runChanges) => set({ runChanges, previewPath: null }),

    showPreview: (previewPath) => set({ previewPath }),
  };
};

/** `path` after `from` was moved to `to` (unchanged when it is not under `from`). */
function rebase(path: string, from: string, to: string): string {
  if (path === from) return to;
  if (isDir(from) && path.startsWith(from)) return to + path.slice(from.length);
  return path;
}
