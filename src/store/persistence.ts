import { isLanguageId, languages } from '../languages/registry';
import type { CompileOptions, LanguageId } from '../workers/protocol';
import type { ThemeChoice } from './settingsSlice';
import { useStore, type Store } from './store';

const KEY = 'wasm-playground:state:v1';
const DRAFT_KEY = 'wasm-playground:draft:v1';
const LAST_SHARED_KEY = 'wasm-playground:last-shared:v1';

/** The part of the state that is saved and restored. */
export interface SavedState {
  language: LanguageId;
  sources: Partial<Record<LanguageId, string>>;
  stdin: string;
  args: string;
  env: string;
  timeLimit: number;
  theme: ThemeChoice;
  compileOptions: Partial<Record<LanguageId, CompileOptions>>;
}

export function pickSaved(s: Store): SavedState {
  return {
    language: s.language,
    sources: s.sources,
    stdin: s.stdin,
    args: s.args,
    env: s.env,
    timeLimit: s.timeLimit,
    theme: s.theme,
    compileOptions: s.compileOptions,
  };
}

const str = (x: unknown): x is string => typeof x === 'string';

/** Keeps only well-formed fields of untrusted saved data (old versions, hand edits, share links). */
export function sanitize(raw: unknown): Partial<Store> {
  if (!raw || typeof raw !== 'object') return {};
  const r = raw as Record<string, unknown>;
  const out: Partial<Store> = {};
  if (isLanguageId(r.language)) out.language = r.language;
  const base = useStore.getState();
  if (r.sources && typeof r.sources === 'object') {
    const sources = { ...base.sources };
    for (const l of languages) {
      const v = (r.sources as Record<string, unknown>)[l.id];
      if (str(v)) sources[l.id] = v;
    }
    out.sources = sources;
  }
  if (str(r.stdin)) out.stdin = r.stdin;
  if (str(r.args)) out.args = r.args;
  if (str(r.env)) out.env = r.env;
  if (typeof r.timeLimit === 'number' && r.timeLimit >= 0 && r.timeLimit <= 3600)
    out.timeLimit = r.timeLimit;
  if (r.theme === 'system' || r.theme === 'light' || r.theme === 'dark') out.theme = r.theme;
  if (r.compileOptions && typeof r.compileOptions === 'object') {
    const opts = { ...base.compileOptions };
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
        };
      }
    }
    out.compileOptions = opts;
  }
  return out;
}

/** Reads the autosaved state (null when there is none or it is unreadable). */
export function loadSaved(): Partial<Store> | null {
  const raw = readJson(KEY);
  return raw ? sanitize(raw) : null;
}

let flush: () => void = () => {};

/** Writes the autosave now, skipping the debounce (before anything risky, e.g. after a crash). */
export function flushAutosave(): void {
  flush();
}

/** Restores the autosave, then saves on every change (debounced). Returns the unsubscribe. */
export function startAutosave(delayMs = 250): () => void {
  const saved = loadSaved();
  if (saved) useStore.setState(saved);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = JSON.stringify(pickSaved(useStore.getState()));
  const write = () => {
    const next = JSON.stringify(pickSaved(useStore.getState()));
    if (next === last) return;
    last = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Quota exceeded or storage disabled: keep working, the state lives in memory.
    }
  };
  const unsub = useStore.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });
  // Closing the tab inside the debounce window must not lose the last keystrokes.
  window.addEventListener('pagehide', write);
  flush = () => {
    clearTimeout(timer);
    write();
  };
  return () => {
    flush = () => {};
    unsub();
    window.removeEventListener('pagehide', write);
  };
}

function readJson(key: string): unknown {
  try {
    const text = localStorage.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function writeJson(key: string, value: unknown) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: nothing else to do
  }
}

/**
 * Before a shared link replaces the editor content, keeps the user's own work as a draft. The
 * autosave is not stashed when it is just an unedited earlier shared program, so opening two
 * links in a row does not push the real draft out.
 */
export function stashDraftFor(sharedSource: string): boolean {
  const saved = readJson(KEY) as SavedState | null;
  const lastShared = readJson(LAST_SHARED_KEY);
  writeJson(LAST_SHARED_KEY, sharedSource);
  if (saved && typeof saved === 'object' && saved.sources) {
    const current = saved.sources[saved.language];
    if (current !== lastShared && current !== sharedSource) writeJson(DRAFT_KEY, saved);
  }
  return readJson(DRAFT_KEY) !== null;
}

/** Puts the stashed draft back into the editor. */
export function restoreDraft(): boolean {
  const draft = readJson(DRAFT_KEY);
  if (!draft) return false;
  useStore.setState(sanitize(draft));
  return true;
}
