import { badRoute } from '../server/wagi';
import { WASM_OPT_PRESETS } from '../inspect/presets';
import { isLanguageId, languageById, languages } from '../languages/registry';
import { checkPath, isDir, makeProject, type Project, type ProjectFiles } from '../project/model';
import * as db from '../project/projectDb';
import type { CompileOptions } from '../protocol/compile';
import type { LanguageId } from '../languages/registry';
import {
  defaultCompileOptions,
  defaultEditorPrefs,
  type EditorPrefs,
  OUTPUT_FONT_SIZES,
  TAB_SIZES,
  type OutputView,
  type ThemeChoice,
} from './settingsSlice';
import { currentProject } from './projectSlice';
import { useStore, type Store } from './store';
import { cleanBreakpoints } from '../project/breakpoints';

// Small settings live in localStorage, projects in IndexedDB (one record per project).
const SETTINGS_KEY = 'wasm-playground:settings:v2';
/** The current project's text files, written synchronously when the page goes away. */
const PENDING_KEY = 'wasm-playground:pending:v2';
/** What version 1 (one source per language) saved; read once, to migrate. */
export const V1_KEY = 'wasm-playground:state:v1';
const V1_DRAFT_KEY = 'wasm-playground:draft:v1';

/** Settings saved beside the projects. */
export interface SavedSettings {
  currentId: string;
  stdin: string;
  args: string;
  env: string;
  timeLimit: number;
  stdinThenTerminal: boolean;
  asComponent: boolean;
  theme: ThemeChoice;
  outputView: OutputView;
  wrapOutput: boolean;
  outputFontSize: number;
  toolchainConsent: Record<string, boolean>;
  compileOptions: Record<LanguageId, CompileOptions>;
  editorPrefs: EditorPrefs;
}

export function pickSettings(s: Store): SavedSettings {
  return {
    currentId: s.currentId,
    stdin: s.stdin,
    args: s.args,
    env: s.env,
    timeLimit: s.timeLimit,
    stdinThenTerminal: s.stdinThenTerminal,
    asComponent: s.asComponent,
    theme: s.theme,
    outputView: s.outputView,
    wrapOutput: s.wrapOutput,
    outputFontSize: s.outputFontSize,
    toolchainConsent: s.toolchainConsent,
    compileOptions: s.compileOptions,
    editorPrefs: s.editorPrefs,
  };
}

const str = (x: unknown): x is string => typeof x === 'string';

/** Keeps only well-formed settings of untrusted saved data (old versions, hand edits). */
export function sanitizeSettings(raw: unknown): Partial<SavedSettings> {
  if (!raw || typeof raw !== 'object') return {};
  const r = raw as Record<string, unknown>;
  const out: Partial<SavedSettings> = {};
  if (str(r.currentId)) out.currentId = r.currentId;
  if (str(r.stdin)) out.stdin = r.stdin;
  if (str(r.args)) out.args = r.args;
  if (str(r.env)) out.env = r.env;
  if (typeof r.timeLimit === 'number' && r.timeLimit >= 0 && r.timeLimit <= 3600)
    out.timeLimit = r.timeLimit;
  if (typeof r.stdinThenTerminal === 'boolean') out.stdinThenTerminal = r.stdinThenTerminal;
  if (typeof r.asComponent === 'boolean') out.asComponent = r.asComponent;
  if (r.outputView === 'list' || r.outputView === 'terminal') out.outputView = r.outputView;
  if (typeof r.wrapOutput === 'boolean') out.wrapOutput = r.wrapOutput;
  if (r.toolchainConsent && typeof r.toolchainConsent === 'object')
    out.toolchainConsent = Object.fromEntries(
      Object.entries(r.toolchainConsent).filter(([, v]) => v === true),
    );
  if (OUTPUT_FONT_SIZES.includes(r.outputFontSize as number))
    out.outputFontSize = r.outputFontSize as number;
  if (r.editorPrefs && typeof r.editorPrefs === 'object') {
    const e = r.editorPrefs as Record<string, unknown>;
    out.editorPrefs = {
      keybindings: e.keybindings === 'vim' || e.keybindings === 'emacs' ? e.keybindings : 'default',
      tabSize: TAB_SIZES.includes(e.tabSize as number)
        ? (e.tabSize as number)
        : defaultEditorPrefs.tabSize,
      wordWrap: e.wordWrap === true,
      minimap: e.minimap === true,
    };
  }
  if (r.theme === 'system' || r.theme === 'light' || r.theme === 'dark') out.theme = r.theme;
  if (r.compileOptions && typeof r.compileOptions === 'object') {
    const opts = structuredClone(defaultCompileOptions);
    for (const l of languages) {
      const v = (r.compileOptions as Record<string, unknown>)[l.id] as
        Record<string, unknown> | undefined;
      if (v && typeof v === 'object') {
        opts[l.id] = {
          optLevel:
            str(v.optLevel) && (v.optLevel === '' || l.optLevels.includes(v.optLevel))
              ? v.optLevel
              : opts[l.id].optLevel,
          flags: str(v.flags) ? v.flags : '',
          ...(str(v.wasmOpt) && WASM_OPT_PRESETS.includes(v.wasmOpt) ? { wasmOpt: v.wasmOpt } : {}),
        };
      }
    }
    out.compileOptions = opts;
  }
  return out;
}

/** A project read back from storage, or null when it is not one. */
export function sanitizeProject(raw: unknown): Project | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (!str(r.id) || !str(r.name) || !isLanguageId(r.language) || !str(r.entry)) return null;
  if (!r.files || typeof r.files !== 'object') return null;
  const files: ProjectFiles = {};
  for (const [p, v] of Object.entries(r.files as Record<string, unknown>)) {
    const c = checkPath(p);
    if ('error' in c || c.path !== p) continue;
    if (str(v) || v instanceof Uint8Array) files[p] = isDir(p) ? '' : v;
  }
  return {
    id: r.id,
    name: r.name,
    language: r.language,
    files: r.entry in files ? files : { ...files, [r.entry]: '' },
    entry: r.entry,
    updatedAt: typeof r.updatedAt === 'number' ? r.updatedAt : 0,
    ...(str(r.pristine) ? { pristine: r.pristine } : {}),
    ...(r.runMode === 'http' ? { runMode: 'http' as const } : {}),
    ...(str(r.route) && !badRoute(r.route) ? { route: r.route } : {}),
    ...(r.executor === 'spin-component' ? { executor: 'spin-component' as const } : {}),
    ...(str(r.interpreter) &&
    languageById[r.language].interpreter?.alternative?.id === r.interpreter
      ? { interpreter: r.interpreter }
      : {}),
    ...(cleanBreakpoints(r.breakpoints, files)
      ? { breakpoints: cleanBreakpoints(r.breakpoints, files) }
      : {}),
  };
}

/**
 * Version 1 kept one source per language (and a draft set aside by a shared link) in
 * localStorage. Each becomes a project, so no draft is lost by the upgrade; untouched default
 * examples are skipped. Returns the projects and the one that was open.
 */
export function migrateV1(
  state: unknown,
  draft: unknown,
): { projects: Project[]; currentId?: string; settings: Partial<SavedSettings> } {
  const projects: Project[] = [];
  let currentId: string | undefined;
  const fromSources = (raw: unknown, label: string, open: boolean) => {
    if (!raw || typeof raw !== 'object') return;
    const r = raw as Record<string, unknown>;
    const sources = (r.sources ?? {}) as Record<string, unknown>;
    for (const l of languages) {
      const src = sources[l.id];
      if (!str(src)) continue;
      if (src === l.examples[0].source && !(open && r.language === l.id)) continue;
      const p = makeProject(
        l.id,
        { [l.fileName]: src },
        { name: `${l.label.split(' ')[0]} ${label}` },
      );
      p.updatedAt = Date.now() - projects.length; // the order they were listed in
      projects.push(p);
      if (open && r.language === l.id) currentId = p.id;
    }
  };
  fromSources(state, '(saved draft)', true);
  fromSources(draft, '(draft kept from before a shared link)', false);
  return { projects, currentId, settings: sanitizeSettings(state) };
}

function readJson(key: string): unknown {
  try {
    const text = localStorage.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function writeJson(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** The current project's text files, for PENDING_KEY (synchronous, so pagehide can write it). */
function pendingOf(p: Project) {
  const files: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.files)) if (str(v)) files[k] = v;
  return { ...p, files };
}

/**
 * Reads settings and projects into the store; migrates version 1's autosave on the first start.
 * Storage that fails is reported (ui.storageError) and the app keeps working in memory.
 */
export async function loadPersisted(): Promise<void> {
  const settings = sanitizeSettings(readJson(SETTINGS_KEY));
  let projects: Project[] = [];
  let storageError: string | null = null;
  try {
    projects = (await db.loadAll()).map(sanitizeProject).filter((p): p is Project => !!p);
  } catch (e) {
    storageError = `Projects cannot be saved in this browser (${db.describeError(e)}). You can keep working; download the project as a .zip to keep it.`;
  }
  // Keystrokes written on the way out that IndexedDB may not have received.
  const pending = sanitizeProject(readJson(PENDING_KEY));
  if (pending) {
    const i = projects.findIndex((p) => p.id === pending.id);
    if (i < 0) projects.push(pending);
    else if (pending.updatedAt > projects[i].updatedAt)
      projects[i] = { ...pending, files: { ...projects[i].files, ...pending.files } };
  }
  if (projects.length === 0 && !readJson(SETTINGS_KEY)) {
    const m = migrateV1(readJson(V1_KEY), readJson(V1_DRAFT_KEY));
    projects = m.projects;
    Object.assign(settings, m.settings, m.currentId ? { currentId: m.currentId } : {});
  }
  const patch: Partial<Store> = { ...settings };
  delete (patch as Partial<SavedSettings>).currentId;
  if (projects.length) {
    const byId = Object.fromEntries(projects.map((p) => [p.id, p]));
    const open =
      byId[settings.currentId ?? ''] ?? projects.sort((a, b) => b.updatedAt - a.updatedAt)[0];
    Object.assign(patch, {
      projects: byId,
      currentId: open.id,
      language: open.language,
      activePath: open.entry,
      openTabs: [open.entry],
    });
  }
  useStore.setState({ ...patch, storageError });
}

let flush: () => void = () => {};

/** Writes the autosave now, skipping the debounce (before anything risky, e.g. after a crash). */
export function flushAutosave(): void {
  flush();
}

/**
 * Loads the saved state, then saves on every change (debounced): settings to localStorage,
 * changed projects to IndexedDB. Another tab saving the open project shows a notice; the later
 * save wins. Returns the unsubscribe.
 */
export async function startAutosave(delayMs = 250): Promise<() => void> {
  await loadPersisted();
  const tab = Math.random().toString(36).slice(2);
  let saved = useStore.getState().projects;
  let lastSettings = JSON.stringify(pickSettings(useStore.getState()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const channel =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel('wasm-playground') : null;

  // <html data-autosave="pending|saved">: whether everything typed so far is stored (the
  // end-to-end tests wait on it instead of on the debounce's length).
  let generation = 0;
  const mark = (state: 'pending' | 'saved') => {
    if (typeof document !== 'undefined') document.documentElement.dataset.autosave = state;
  };
  const write = () => {
    const mine = generation;
    const s = useStore.getState();
    const next = JSON.stringify(pickSettings(s));
    if (next !== lastSettings && writeJson(SETTINGS_KEY, pickSettings(s))) lastSettings = next;
    const done = () => {
      if (mine === generation) mark('saved');
    };
    if (s.projects === saved || s.storageError) return done();
    const before = saved;
    saved = s.projects;
    const writes: Promise<unknown>[] = [];
    for (const [id, p] of Object.entries(s.projects)) {
      if (before[id] === p) continue;
      writes.push(
        db.save(p).then(
          () => channel?.postMessage({ type: 'saved', id, tab, updatedAt: p.updatedAt }),
          (e) => reportStorageError(e),
        ),
      );
    }
    for (const id of Object.keys(before))
      if (!(id in s.projects)) writes.push(db.remove(id).catch(reportStorageError));
    void Promise.all(writes).then(done);
  };
  const writeNow = () => {
    clearTimeout(timer);
    write();
    // IndexedDB may not finish before the page is gone: keep the open project's text too.
    writeJson(PENDING_KEY, pendingOf(currentProject(useStore.getState())));
  };

  mark('saved');
  const unsub = useStore.subscribe(() => {
    generation++;
    mark('pending');
    clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });
  window.addEventListener('pagehide', writeNow);
  flush = writeNow;

  const onMessage = async (e: MessageEvent) => {
    const m = e.data as { type?: string; id?: string; tab?: string };
    if (m?.type !== 'saved' || m.tab === tab || !m.id) return;
    const theirs = sanitizeProject(await db.load(m.id).catch(() => null));
    if (!theirs) return;
    const s = useStore.getState();
    if (m.id === s.currentId) {
      // Ours stays until the user chooses: the later save wins, nothing is merged silently.
      s.patchUi({ conflictId: m.id });
    } else {
      saved = { ...saved, [theirs.id]: theirs };
      useStore.setState({ projects: { ...s.projects, [theirs.id]: theirs } });
    }
  };
  channel?.addEventListener('message', (e) => void onMessage(e));

  return () => {
    flush = () => {};
    unsub();
    channel?.close();
    window.removeEventListener('pagehide', writeNow);
  };
}

function reportStorageError(e: unknown) {
  useStore.setState({
    storageError: `Saving failed (${db.describeError(e)}). Your project is kept in this tab; download it as a .zip to keep it.`,
  });
}

/** Replaces the open project with the copy another tab saved. */
export async function loadTheirVersion(id: string): Promise<void> {
  const theirs = sanitizeProject(await db.load(id));
  if (!theirs) return;
  useStore.setState((s) => ({ projects: { ...s.projects, [id]: theirs } }));
  useStore.getState().patchUi({ conflictId: null });
}
