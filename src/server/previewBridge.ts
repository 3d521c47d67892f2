/**
 * The page's side of the live preview: registers the service worker and answers the preview
 * requests it forwards (each with a fresh instance of the built handler).
 */
import { logPreview, serveRequest, serverPool, useServer } from './state';
import { useStore } from '../store/store';
import type { PreviewAnswer, PreviewAsk, PreviewControl } from '../sw/routes';
import { ownBuffer } from './cgi';
import { previewUrl as urlIn } from '../sw/routes';
import { registerServiceWorker } from '../sw/register';
import { serviceWorkers } from '../util/opaqueOrigin';

/** This tab's preview session: other tabs have their own, so their handlers never mix. */
export const previewSession = Math.random().toString(36).slice(2, 10);

let ready: Promise<boolean> | null = null;

/** The preview URL of a handler path in this tab's session. */
export function previewHref(path = '/'): string {
  return urlIn(new URL('./', document.baseURI), previewSession, path);
}

const enc = new TextEncoder();

async function answer(ask: PreviewAsk): Promise<PreviewAnswer> {
  if (ask.session !== previewSession) return { notMine: true };
  if (!useServer.getState().handler) {
    const text = 'No handler yet: press Run in the playground to build it.';
    return {
      status: 503,
      headers: [['content-type', 'text/plain; charset=utf-8']],
      body: enc.encode(text).buffer,
    };
  }
  const r = await serveRequest(
    { method: ask.method, path: ask.path, headers: ask.headers, body: new Uint8Array(ask.body) },
    'preview',
  );
  // The service worker asked this way: it has no port to the handler worker (it lost it when it
  // was stopped and started again, or the port was not there yet: given again after a second).
  if (!connectedAt || performance.now() - connectedAt > 1000) connect();
  return { status: r.status, headers: r.headers, body: ownBuffer(r.body) };
}

/** When the service worker was last given a port to this tab's handler worker (0: it has none). */
let connectedAt = 0;

async function tellWorker(msg: PreviewControl, transfer: Transferable[] = []) {
  const sw = (await serviceWorkers()?.ready)?.active;
  sw?.postMessage(msg, transfer);
}

/**
 * Gives the service worker a port straight to this tab's handler worker: preview requests then
 * skip this tab's main thread (which the preview frame shares). Requests it cannot take that way
 * (before the port arrives, after the worker was stopped, after the service worker restarted
 * and forgot the port) come to this tab as before (`answer`), which connects again.
 */
function connect() {
  connectedAt = performance.now();
  const port = serverPool().connectPreview(useServer.getState().handler, {
    limitMs: () => useStore.getState().timeLimit * 1000,
    served: logPreview,
    timedOut: (id, a, req) => {
      const body = ownBuffer(a.body);
      void tellWorker(
        {
          type: 'preview:answer',
          session: previewSession,
          id,
          status: a.status,
          headers: a.headers,
          body,
        },
        [body],
      );
      logPreview({
        method: req.method,
        path: req.path,
        status: a.status,
        instantiateUs: 0,
        runUs: a.runUs,
        totalMs: a.runUs / 1000,
      });
    },
    gone: () => {
      connectedAt = 0;
      void tellWorker({ type: 'preview:drop', session: previewSession });
    },
  });
  void tellWorker({ type: 'preview:port', session: previewSession }, [port]);
}

/**
 * Registers the service worker (once) and starts answering; resolves true once it controls
 * preview URLs, false where there is none (no service worker support, a file:// page).
 */
export function startPreviewBridge(): Promise<boolean> {
  if (ready) return ready;
  const container = serviceWorkers();
  if (!container) return (ready = Promise.resolve(false));
  container.startMessages();
  container.addEventListener('message', (e: MessageEvent<PreviewAsk>) => {
    if (e.data?.type !== 'preview:request' || !e.ports[0]) return;
    const port = e.ports[0];
    void answer(e.data).then(
      (a) => port.postMessage(a, 'body' in a ? [a.body] : []),
      (err: unknown) =>
        port.postMessage({
          status: 500,
          headers: [['content-type', 'text/plain; charset=utf-8']],
          body: enc.encode(String(err)).buffer,
        }),
    );
  });
  ready = registerServiceWorker().then((reg) => {
    if (!reg) return false;
    connect();
    // A new handler (Run) is served from the next request on.
    useServer.subscribe((s, prev) => {
      if (s.handler !== prev.handler) serverPool().setPreviewSpec(s.handler);
    });
    return true;
  });
  return ready;
}
