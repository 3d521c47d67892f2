/**
 * Registers the one service worker (src/sw.ts) once per page and follows its updates: a new
 * deployment installs in the background and waits; the page shows "a new version is ready —
 * reload" (useAppUpdate) instead of mixing two builds, and Reload lets it take over.
 */
import { registerSW } from 'virtual:pwa-register';
import { create } from 'zustand';
import { trackRegistration } from './control';

interface AppUpdate {
  /** A new version is installed and waiting for the user to reload. */
  ready: boolean;
  /** The worker controls this page: the app shell is kept for offline use. */
  offline: boolean;
  /** Lets the waiting version take over and reloads the page. */
  reload: () => void;
}

export const useAppUpdate = create<AppUpdate>(() => ({
  ready: false,
  offline: false,
  reload: () => location.reload(),
}));

/** How often an open playground asks the server for a new version. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/** The waiting version takes over, then the page reloads into it. */
async function takeOver(): Promise<void> {
  const waiting = (await navigator.serviceWorker.getRegistration())?.waiting;
  if (!waiting) return location.reload();
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
    once: true,
  });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}

let registered: Promise<ServiceWorkerRegistration | null> | null = null;

/** Registers the worker (once); resolves with its registration, or null where there is none. */
export function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (registered) return registered;
  if (!('serviceWorker' in navigator) || !window.isSecureContext)
    return (registered = Promise.resolve(null));
  registered = new Promise((resolve) => {
    registerSW({
      immediate: true,
      onNeedRefresh: () => useAppUpdate.setState({ ready: true }),
      onOfflineReady: () => useAppUpdate.setState({ offline: true }),
      onRegisteredSW: (_url, reg) => {
        if (!reg) return resolve(null);
        setInterval(() => void reg.update().catch(() => {}), CHECK_EVERY_MS);
        void navigator.serviceWorker.ready.then(() => resolve(reg));
      },
      onRegisterError: () => resolve(null),
    });
    useAppUpdate.setState({ reload: () => void takeOver() });
  });
  trackRegistration(registered);
  return registered;
}
