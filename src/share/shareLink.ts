import { stashDraftFor } from '../store/persistence';
import { runProgram } from '../store/runActions';
import { useStore, type Store } from '../store/store';
import { decodeShare, encodeShare, type SharedState } from './codec';

/** The shareable part of the current state. */
export function sharedFromStore(s: Store = useStore.getState()): SharedState {
  return {
    language: s.language,
    source: s.sources[s.language],
    stdin: s.stdin,
    args: s.args,
    env: s.env,
    timeLimit: s.timeLimit,
    compileOptions: s.compileOptions[s.language],
  };
}

/** Applies a shared state to the store (the language's source, settings and options). */
export function applyShared(state: SharedState) {
  useStore.setState((s) => ({
    language: state.language,
    sources: { ...s.sources, [state.language]: state.source },
    stdin: state.stdin,
    args: state.args,
    env: state.env,
    timeLimit: state.timeLimit,
    compileOptions: { ...s.compileOptions, [state.language]: state.compileOptions },
  }));
}

/** A link to `page` (index.html or embed.html) that restores the current state. */
export function buildLink(page: '' | 'embed.html', query: Record<string, string> = {}): string {
  const url = new URL(page || './', window.location.href);
  url.search = new URLSearchParams(query).toString();
  url.hash = encodeShare(sharedFromStore());
  return url.toString();
}

/**
 * Opens the program in the page's fragment, if any: keeps the user's draft, applies the shared
 * state, and drops the fragment so a reload shows the autosave (with the user's edits) instead.
 * Runs only when the link says `run=1`.
 */
export function openSharedLink(opts: { keepDraft: boolean; autorun: boolean }): boolean {
  const hash = window.location.hash;
  if (!hash || hash === '#') return false;
  const result = decodeShare(hash);
  if (!result.ok) {
    useStore.getState().patchUi({ shareError: result.error });
    return false;
  }
  useStore.getState().patchUi({ shareError: null });
  if (opts.keepDraft) {
    const draft = stashDraftFor(result.state.source);
    useStore.getState().patchUi({ draftAvailable: draft });
  }
  applyShared(result.state);
  const params = new URLSearchParams(window.location.search);
  const autorun = opts.autorun && params.get('run') === '1';
  if (opts.keepDraft) {
    params.delete('run');
    const q = params.toString();
    history.replaceState(null, '', window.location.pathname + (q ? `?${q}` : ''));
  }
  if (autorun) void runProgram();
  return true;
}

/**
 * After Share, the address bar holds the link; once the program changes, the link is stale and
 * a reload must show the autosave, so the fragment goes. Returns the unsubscribe.
 */
export function clearStaleShareHash(): () => void {
  let last = JSON.stringify(sharedFromStore());
  return useStore.subscribe((s) => {
    const now = JSON.stringify(sharedFromStore(s));
    if (now === last) return;
    last = now;
    if (window.location.hash)
      history.replaceState(null, '', window.location.pathname + window.location.search);
  });
}
