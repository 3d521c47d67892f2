/**
 * Whether the service worker controls this page yet. On a first visit it takes control only
 * after its install (the app shell, about a second); a toolchain fetched before that passes it
 * by and is not kept for offline use (the next visit would download it again). So a toolchain's
 * first load waits for control, briefly. No import of the registration code here: the store
 * uses this, and the unit tests have no PWA plugin.
 */

let registration: Promise<ServiceWorkerRegistration | null> | null = null;
/** Waited once already: control came or will not come; later loads do not wait again. */
let settled = false;

/** Called by registerServiceWorker with its pending registration. */
export function trackRegistration(p: Promise<ServiceWorkerRegistration | null>): void {
  registration = p;
}

/**
 * Resolves once the worker controls the page; at once when it does already, when none is being
 * registered or the registration failed; at the latest after `timeoutMs`.
 */
export function serviceWorkerControl(timeoutMs = 4000): Promise<void> {
  const pending = registration;
  if (settled || !pending || navigator.serviceWorker?.controller) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      settled = true;
      clearTimeout(timer);
      navigator.serviceWorker.removeEventListener('controllerchange', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    navigator.serviceWorker.addEventListener('controllerchange', done);
    void pending.then((reg) => {
      if (!reg || navigator.serviceWorker.controller) return done();
      // Active but not in control (a hard reload bypasses it): it will not claim this page.
      if (reg.active?.state === 'activated') setTimeout(done, 500);
    });
  });
}
