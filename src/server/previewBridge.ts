/**
 * The page's side of the live preview: registers the service worker and answers the preview
 * requests it forwards (each with a fresh instance of the built handler).
 */
import { serveRequest, useServer } from '../store/serverStore';
import type { PreviewAnswer, PreviewAsk } from '../sw/routes';
import { previewUrl as urlIn } from '../sw/routes';
import { registerServiceWorker } from '../sw/register';

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
  const body = r.body.buffer.slice(
    r.body.byteOffset,
    r.body.byteOffset + r.body.byteLength,
  ) as ArrayBuffer;
  return { status: r.status, headers: r.headers, body };
}

/**
 * Registers the service worker (once) and starts answering; resolves true once it controls
 * preview URLs, false where there is none (no service worker support, a file:// page).
 */
export function startPreviewBridge(): Promise<boolean> {
  if (ready) return ready;
  if (!('serviceWorker' in navigator)) return (ready = Promise.resolve(false));
  navigator.serviceWorker.startMessages();
  navigator.serviceWorker.addEventListener('message', (e: MessageEvent<PreviewAsk>) => {
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
  ready = registerServiceWorker().then((reg) => !!reg);
  return ready;
}
