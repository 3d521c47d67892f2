/**
 * True in a frame with an opaque origin (an embed with `sandbox="allow-scripts"` and no
 * `allow-same-origin`): no localStorage, IndexedDB, Cache Storage or service worker there, and
 * reading some of them throws instead of answering.
 */
export const inOpaqueOrigin = (): boolean => globalThis.origin === 'null';

/** The service worker container, or null where there is none or the frame may not use it. */
export function serviceWorkers(): ServiceWorkerContainer | null {
  try {
    return 'serviceWorker' in navigator && !inOpaqueOrigin() ? navigator.serviceWorker : null;
  } catch {
    return null;
  }
}
