/// <reference lib="webworker" />
/**
 * The playground's one service worker (DESIGN: designed once). Routes, in the order they are
 * tried:
 * - the HTTP handler preview (sw/routes.ts), answered by the playground tab that owns the
 *   preview session;
 * - the app shell, precached at install (workbox-precaching, from the build's manifest);
 * - the toolchains, cached at first use (sw/cachePlan.ts);
 * - everything else: the network.
 * A new version waits until the page says to take over ("a new version is ready — reload"), so
 * one page never mixes two builds.
 */
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { splitManifest, TOOLCHAIN_CACHE } from './sw/cachePlan';
import {
  PREVIEW_DIR,
  PREVIEW_HEADERS,
  route,
  type PreviewAnswer,
  type PreviewAsk,
  type PreviewControl,
  type PreviewPortAnswer,
  type PreviewPortAsk,
} from './sw/routes';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

/** A request waiting on a direct port, and how to ask the tabs instead if the port goes. */
interface Waiting {
  resolve: (a: PreviewPortAnswer | null) => void;
}

/** Per preview session: the port to its tab's handler worker, and the requests sent on it. */
const direct = new Map<
  string,
  { port: MessagePort; waiting: Map<number, Waiting>; client: string | null }
>();
/** How often a request waiting on a port checks that the port's tab is still open. */
const TAB_CHECK_MS = 1000;
let nextAsk = 0;

/** Requests still waiting on a port that is going: null tells them to ask the tabs instead. */
function dropPort(session: string) {
  const d = direct.get(session);
  if (!d) return;
  direct.delete(session);
  d.port.close();
  d.waiting.forEach((w) => w.resolve(null));
}

self.addEventListener('message', (e: ExtendableMessageEvent) => {
  const m = e.data as PreviewControl | { type: 'SKIP_WAITING' } | null;
  // The page's "reload" button: this (waiting) version takes over.
  if (m?.type === 'SKIP_WAITING') void self.skipWaiting();
  else if (m?.type === 'preview:port' && e.ports[0]) {
    dropPort(m.session);
    const client = e.source && 'id' in e.source ? e.source.id : null;
    const d = { port: e.ports[0], waiting: new Map<number, Waiting>(), client };
    d.port.onmessage = (ev: MessageEvent<PreviewPortAnswer>) => {
      d.waiting.get(ev.data.id)?.resolve(ev.data);
      d.waiting.delete(ev.data.id);
    };
    direct.set(m.session, d);
  } else if (m?.type === 'preview:answer') {
    const d = direct.get(m.session);
    d?.waiting.get(m.id)?.resolve(m);
    d?.waiting.delete(m.id);
  } else if (m?.type === 'preview:drop') dropPort(m.session);
});

/** Asks the session's handler worker on its port; null when there is none (or it went). */
function askDirect(
  session: string,
  msg: Omit<PreviewPortAsk, 'id'>,
): Promise<PreviewPortAnswer | null> | null {
  const d = direct.get(session);
  if (!d) return null;
  const id = ++nextAsk;
  return new Promise((resolve) => {
    // A tab that was closed took its worker with it: nothing will answer on the port.
    const check = setInterval(() => {
      if (d.client)
        void self.clients.get(d.client).then((c) => {
          if (!c && direct.get(session) === d) dropPort(session);
        });
    }, TAB_CHECK_MS);
    d.waiting.set(id, {
      resolve: (a) => {
        clearInterval(check);
        resolve(a);
      },
    });
    const ask: PreviewPortAsk = { id, ...msg, body: msg.body.slice(0) };
    d.port.postMessage(ask, [ask.body]);
  });
}

/** How long a playground tab may take to answer (its handler's own limit is shorter). */
const ANSWER_MS = 120_000;

function page(status: number, text: string): Response {
  return new Response(
    `<!doctype html><meta charset="utf-8"><title>${status}</title><pre>${text.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</pre>`,
    {
      status,
      headers: [['Content-Type', 'text/html; charset=utf-8'], ...PREVIEW_HEADERS],
    },
  );
}

/** Asks one window for the answer; resolves null when it does not answer in time. */
function ask(client: Client, msg: PreviewAsk): Promise<PreviewAnswer | null> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    const timer = setTimeout(() => resolve(null), ANSWER_MS);
    ch.port1.onmessage = (e: MessageEvent<PreviewAnswer>) => {
      clearTimeout(timer);
      resolve(e.data);
    };
    client.postMessage(msg, [ch.port2]);
  });
}

/** Asks every playground tab; the one that owns `session` answers. */
async function askTabs(
  session: string,
  { method, path, headers, body }: Omit<PreviewPortAsk, 'id'>,
): Promise<Exclude<PreviewAnswer, { notMine: true }> | undefined> {
  const scope = new URL(self.registration.scope);
  const windows = (
    await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
  ).filter(
    // Preview pages themselves (frames, tabs) run no scripts: only playground tabs answer.
    (c) => !new URL(c.url).pathname.startsWith(`${scope.pathname}preview/`),
  );
  const msg: PreviewAsk = { type: 'preview:request', session, method, path, headers, body };
  const answers = await Promise.all(windows.map((w) => ask(w, { ...msg, body: body.slice(0) })));
  return answers.find(
    (x): x is Exclude<PreviewAnswer, { notMine: true }> => !!x && !('notMine' in x),
  );
}

async function servePreview(req: Request, session: string, path: string): Promise<Response> {
  const body = ['GET', 'HEAD'].includes(req.method) ? new ArrayBuffer(0) : await req.arrayBuffer();
  const msg = { method: req.method, path, headers: [...req.headers], body };
  // Straight to the tab's handler worker when the tab gave us a port; else ask the tabs.
  const a = (await askDirect(session, msg)) ?? (await askTabs(session, msg));
  if (!a)
    return page(
      404,
      'This preview belongs to a playground tab that is closed (or was reloaded): open the HTTP tab of the playground and its preview again.',
    );
  const nullBody = [101, 103, 204, 205, 304].includes(a.status) || req.method === 'HEAD';
  if (a.status < 200 || a.status > 599)
    return page(502, `The handler answered with status ${a.status}, which a browser cannot show.`);
  const headers = new Headers();
  for (const [k, v] of a.headers) {
    try {
      headers.append(k, v);
    } catch {
      // A header the Fetch API refuses is left out (the response viewer shows it).
    }
  }
  for (const [k, v] of PREVIEW_HEADERS) headers.set(k, v);
  return new Response(nullBody ? null : a.body, { status: a.status, headers });
}

self.addEventListener('fetch', (e) => {
  const req = e.request;
  const scope = new URL(self.registration.scope);
  const url = new URL(req.url);
  if (url.origin !== scope.origin) return;
  // Decided synchronously, so that every other request (the app, its workers, the toolchains)
  // never passes through this worker: only requests under the preview path, or made by a
  // preview page (preview responses force Referrer-Policy: same-origin), are ours.
  const previews = `${scope.href}${PREVIEW_DIR}/`;
  if (!req.url.startsWith(previews) && !req.referrer.startsWith(previews)) return;
  const r = route(url, scope, req.mode === 'navigate', req.referrer || null);
  if (r.kind === 'network') return;
  e.respondWith(
    r.kind === 'preview-escape' && r.redirect
      ? Response.redirect(r.redirect, 307)
      : servePreview(req, r.session, r.path),
  );
  // A preview's request is the handler's alone, even for a URL the app shell has too.
  e.stopImmediatePropagation();
});

// The build's manifest (dev serves modules unbundled: nothing to precache there).
const { shell, toolchains } = splitManifest(import.meta.env.PROD ? self.__WB_MANIFEST : []);

// Navigations with a query (`?stdin-wait=none`, an embed's `?panels=…`) open the same page.
precacheAndRoute(shell, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();

const current = new Set(toolchains.map((u) => new URL(u, self.registration.scope).href));
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && current.has(url.href),
  new CacheFirst({ cacheName: TOOLCHAIN_CACHE }),
);

self.addEventListener('activate', (e) => {
  e.waitUntil(
    (async () => {
      // Toolchains of older builds go (their hashed names are not in this build).
      const cache = await caches.open(TOOLCHAIN_CACHE);
      for (const req of await cache.keys()) if (!current.has(req.url)) await cache.delete(req);
      // The first visit is served too, so the toolchains it loads are kept for offline use.
      await self.clients.claim();
    })(),
  );
});
