/**
 * In a frame with an opaque origin (`sandbox="allow-scripts"`: origin `null`), `new Worker(url)`
 * refuses any http URL, even the page's own (it must be same-origin with `null`), and a module
 * worker from a blob URL fails to load too (Chromium fetches its script in CORS mode, and a
 * `blob:null/…` URL is never same-origin with anything). A classic worker from a blob URL made
 * here runs, and it may `import()` our module script over CORS (the server sends
 * `Access-Control-Allow-Origin`). Inside, `import.meta.url` is the script's real URL, so the
 * toolchains' `new URL('x.wasm', import.meta.url)` still resolve.
 *
 * Messages that arrive while the module loads are held and dispatched again once it has run
 * (a classic worker's message queue opens before a dynamic import ends; comlink's first call
 * would otherwise be lost). A failed import is rethrown, so the page sees the worker's `error`.
 *
 * Installed where workers are made (the page, and the compiler worker for its helpers); does
 * nothing with a real origin.
 */
export function allowWorkersFromOpaqueOrigin(scope: typeof globalThis = globalThis): void {
  if (scope.origin !== 'null' || typeof scope.Worker !== 'function') return;
  const Native = scope.Worker;
  if ((Native as { opaqueShim?: true }).opaqueShim) return;
  class OpaqueOriginWorker extends Native {
    static opaqueShim = true as const;
    constructor(url: string | URL, options?: WorkerOptions) {
      const href = new URL(String(url), scope.location.href).href;
      if (/^(blob|data):/.test(href)) {
        super(url, options);
        return;
      }
      const code =
        options?.type === 'module'
          ? `// A module worker has no importScripts, and libraries tell the two kinds apart by it
// (Pyodide refuses "classic" workers): what runs here is a module, so it looks like one.
self.importScripts = () => { throw new TypeError('importScripts() is not available in a module worker'); };
const held = [];
const hold = (e) => { e.stopImmediatePropagation(); held.push(e); };
self.addEventListener('message', hold);
import(${JSON.stringify(href)}).then(() => {
  self.removeEventListener('message', hold);
  for (const e of held) self.dispatchEvent(new MessageEvent('message', { data: e.data, ports: [...e.ports] }));
}, (e) => setTimeout(() => { throw e; }));`
          : `importScripts(${JSON.stringify(href)});`;
      const blob = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      super(blob, { ...options, type: 'classic' });
    }
  }
  scope.Worker = OpaqueOriginWorker;
}
