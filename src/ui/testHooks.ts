import { useSyncExternalStore } from 'react';

/**
 * Test-only hooks, installed on `window.__playgroundTest` when the page URL has `?test-hooks=1`
 * (the e2e suite uses them to prove that an exception in one panel stays in that panel). Without
 * the flag nothing is installed and `useCrashProbe` never throws.
 */
export interface TestHooks {
  /** Makes the panel called `name` throw on its next render. */
  crashPanel(name: string): void;
}

let crashing = new Set<string>();
const listeners = new Set<() => void>();

function setCrashing(next: Set<string>) {
  crashing = next;
  listeners.forEach((l) => l());
}

/** Throws during render while the test hook says this panel must crash. */
export function useCrashProbe(name: string): void {
  const crash = useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => crashing.has(name),
  );
  if (crash) {
    throw new Error(`Test crash in the ${name} panel (requested by a test hook)`);
  }
}

/** Ends a requested crash ("Reload panel" must bring the panel back). */
export function clearCrash(name: string): void {
  if (crashing.has(name)) setCrashing(new Set([...crashing].filter((n) => n !== name)));
}

/** Installs the hooks when the URL asks for them. */
export function installTestHooks(search = location.search): void {
  if (!new URLSearchParams(search).has('test-hooks')) return;
  const hooks: TestHooks = {
    crashPanel: (name) => setCrashing(new Set([...crashing, name])),
  };
  (window as unknown as { __playgroundTest: TestHooks }).__playgroundTest = hooks;
}
