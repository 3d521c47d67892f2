import { makeProject } from '../project/model';
import { currentProject } from '../store/projectSlice';
import { runProgram } from '../run/actions';
import { useStore, type Store } from '../store/store';
import { decodeShare, encodeShareV2, type SharedState } from './codec';

/** The shareable part of the current state. */
export function sharedFromStore(s: Store = useStore.getState()): SharedState {
  const p = currentProject(s);
  return {
    language: p.language,
    files: p.files,
    entry: p.entry,
    stdin: s.stdin,
    args: s.args,
    env: s.env,
    timeLimit: s.timeLimit,
    compileOptions: s.compileOptions[s.language],
    ...(s.stdinThenTerminal ? { stdinThenTerminal: true } : {}),
    ...(s.asComponent ? { asComponent: true } : {}),
    ...(p.runMode === 'http' ? { runMode: 'http' as const } : {}),
    ...(p.route ? { route: p.route } : {}),
    ...(p.executor === 'spin-component' ? { executor: p.executor } : {}),
    ...(p.interpreter ? { interpreter: p.interpreter } : {}),
    ...(p.breakpoints ? { breakpoints: p.breakpoints } : {}),
  };
}

/**
 * Opens a shared project: as a new project, or in place of one opened from a link and not
 * touched since (so following links in a row does not pile up projects). Returns the id of the
 * project that was open before, when it is the user's own work.
 */
export function applyShared(state: SharedState): string | null {
  const before = currentProject(useStore.getState());
  const project = makeProject(state.language, state.files, {
    name: 'Shared project',
    entry: state.entry,
    pristine: 'link',
    runMode: state.runMode,
    route: state.route,
    executor: state.executor,
    interpreter: state.interpreter,
    breakpoints: state.breakpoints,
  });
  if (before.pristine === 'link') project.id = before.id;
  useStore.getState().addProject(project);
  useStore.setState((s) => ({
    stdin: state.stdin,
    args: state.args,
    env: state.env,
    timeLimit: state.timeLimit,
    stdinThenTerminal: state.stdinThenTerminal === true,
    asComponent: state.asComponent === true,
    compileOptions: { ...s.compileOptions, [state.language]: state.compileOptions },
  }));
  return before.pristine ? null : before.id;
}

/**
 * A link to `page` (index.html or embed.html) that restores the current state, and the files
 * too large to be carried by a link.
 */
export function buildLinkWithOmitted(
  page: '' | 'embed.html',
  query: Record<string, string> = {},
): { url: string; omitted: string[] } {
  const url = new URL(page || './', window.location.href);
  url.search = new URLSearchParams(query).toString();
  const { fragment, omitted } = encodeShareV2(sharedFromStore());
  url.hash = fragment;
  return { url: url.toString(), omitted };
}

/** A link to `page` that restores the current state. */
export function buildLink(page: '' | 'embed.html', query: Record<string, string> = {}): string {
  return buildLinkWithOmitted(page, query).url;
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
  const draftId = applyShared(result.state);
  // After another link in a row, the draft is still the one from before the first link.
  if (opts.keepDraft && draftId) useStore.getState().patchUi({ draftId });
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
  // Compared by reference: the state is immutable, and a project may hold megabytes of files.
  const key = (s: Store) => [
    s.projects[s.currentId],
    s.stdin,
    s.args,
    s.env,
    s.timeLimit,
    s.stdinThenTerminal,
    s.asComponent,
    s.compileOptions,
  ];
  let last = key(useStore.getState());
  return useStore.subscribe((s) => {
    const now = key(s);
    if (now.every((v, i) => v === last[i])) return;
    last = now;
    if (window.location.hash)
      history.replaceState(null, '', window.location.pathname + window.location.search);
  });
}
