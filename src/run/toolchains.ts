// Toolchains load ahead of the first compile: when a language is chosen, after the user's
// consent for the big ones, with progress in the Output panel; a download can be cancelled.
import { languageById, type LanguageId } from '../languages/registry';
import type { LoadProgress } from '../protocol/compile';
import { currentProject } from '../store/projectSlice';
import { useStore } from '../store/store';
import { serviceWorkerControl } from '../sw/control';
import { compilerClient, initWorkers, runnerPool, startedCompiler } from './clients';
import { stopProgram } from './session';

/** Bumped when a download is cancelled: the progress of the loads before it is stale. */
let warmGeneration = 0;

/** The interpreter variant the current project chose, when it is of `language`. */
export function variantOf(language: LanguageId, s = useStore.getState()): string | undefined {
  const p = currentProject(s);
  const alt = languageById[language].interpreter?.alternative;
  return alt && p.language === language && p.interpreter === alt.id ? alt.id : undefined;
}

/** The download `language` needs (on the interpreter the current project chose), if any. */
export function downloadOf(language: LanguageId, s = useStore.getState()) {
  const alt = languageById[language].interpreter?.alternative;
  return variantOf(language, s) && alt ? alt.download : languageById[language].download;
}

/** The big download `language` needs and the user has not agreed to yet, or null. */
export function pendingDownload(language: LanguageId, s = useStore.getState()) {
  const d = downloadOf(language, s);
  return d && !s.toolchainConsent[d.toolchain] ? d : null;
}

/**
 * The user agreed to the current language's download (the button, or Run): it is remembered,
 * and with `start` the download begins now (a compile loads it anyway).
 */
export function downloadToolchain(start = true): void {
  const s = useStore.getState();
  const d = downloadOf(s.language, s);
  if (d) s.consentTo(d.toolchain);
  s.patchRun({ downloadCancelled: null });
  if (start) warmLanguage(s.language);
}

/**
 * Cancels a toolchain download: the compiler worker is replaced (a compile waiting for it is
 * stopped); the download is offered again and starts over when asked.
 */
export function cancelDownload(): void {
  const s = useStore.getState();
  const d = s.loading && downloadOf(s.loading.language, s);
  warmGeneration++;
  if (s.status === 'compiling') stopProgram();
  else startedCompiler()?.restart();
  s.patchRun({ loading: null, downloadCancelled: d ? d.toolchain : null });
}

/**
 * Starts loading the language's toolchain as soon as the language is chosen, so the first Run
 * does not wait for the whole download. Progress shows in the Output panel as for a compile.
 * A big download waits for the user's consent (downloadToolchain).
 */
export function warmLanguage(language: LanguageId): void {
  if (pendingDownload(language)) return;
  initWorkers();
  const generation = warmGeneration;
  void (languageById[language].toolchainBundled ? Promise.resolve() : serviceWorkerControl()).then(
    () => startWarm(language, generation),
  );
}

function startWarm(language: LanguageId, generation: number): void {
  const patch = (loading: LoadProgress<LanguageId> | null) => {
    // Progress posted by a worker before it was cancelled arrives late: it is ignored.
    if (generation !== warmGeneration) return;
    const s = useStore.getState();
    // Progress shows for the language on screen; the end of a load clears its own progress
    // even when the user has moved on to another language meanwhile.
    if (loading ? s.language === language : s.loading?.language === language)
      s.patchRun({ loading });
  };
  const variant = variantOf(language);
  void compilerClient()
    .warm(language, (p) => patch(p.phase === 'ready' ? null : p), variant)
    // Also when the load failed: the next compile reports the error.
    .then(() => {
      patch(null);
      // Downloaded: the runner starts the interpreter ahead of Run (from the caches).
      if (useStore.getState().language === language)
        runnerPool().prepareInterpreter(
          languageById[language].interpreter ? language : null,
          variant,
        );
    });
}

/**
 * Loads the current language's toolchain once the page is usable (the editor first: it is what
 * a person waits for), and again whenever the language changes.
 */
export function warmOnLanguageChange(pageReady: Promise<void>): () => void {
  const idle = (cb: () => void) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(cb, { timeout: 1000 })
      : setTimeout(cb, 0);
  void pageReady.then(() => idle(() => warmLanguage(useStore.getState().language)));
  return useStore.subscribe((s, prev) => {
    if (s.language !== prev.language || variantOf(s.language, s) !== variantOf(prev.language, prev))
      warmLanguage(s.language);
  });
}
