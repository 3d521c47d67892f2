/**
 * The one service worker's routes, named (DESIGN: one service worker, designed once):
 *
 * - `preview`: `<scope>preview/<session>/<path>` is the HTTP handler preview. Each request is
 *   answered by a fresh instance of the handler, in the playground tab that owns the session.
 * - `preview-escape`: a same-origin request from a preview page to a path outside its preview
 *   (a handler's `<a href="/about">`, written for a server where it is at `/`) is the handler's
 *   too: subresources are answered by it, navigations are redirected into the preview path (307: a
 *   form post stays a POST).
 * - `network`: everything else goes to the network untouched (the app shell and toolchain
 *   caches of the offline work join here).
 *
 * Pure, so the decisions are unit-tested without a service worker.
 */

export const PREVIEW_DIR = 'preview';

/** What the service worker does with a request. */
export type Route =
  | { kind: 'preview'; session: string; path: string }
  | { kind: 'preview-escape'; session: string; path: string; redirect: string | null }
  | { kind: 'network' };

/** The session and handler path of a URL under `<scope>preview/`, or null. */
export function previewTarget(url: URL, scope: URL): { session: string; path: string } | null {
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  const rel = url.pathname.slice(scope.pathname.length);
  const m = /^preview\/([A-Za-z0-9_-]{1,64})(\/.*)?$/.exec(rel);
  if (!m) return null;
  return { session: m[1], path: (m[2] ?? '/') + url.search };
}

/** The URL of a handler path in a session's preview. */
export function previewUrl(scope: URL, session: string, path: string): string {
  return new URL(`${PREVIEW_DIR}/${session}${path.startsWith('/') ? path : `/${path}`}`, scope)
    .href;
}

/**
 * Routes a request. `from` is the URL of the page that made it: the client for a subresource,
 * the referrer for a navigation (null when unknown).
 */
export function route(url: URL, scope: URL, navigate: boolean, from: string | null): Route {
  const own = previewTarget(url, scope);
  if (own) return { kind: 'preview', ...own };
  if (url.origin !== scope.origin || !from) return { kind: 'network' };
  let fromUrl: URL;
  try {
    fromUrl = new URL(from);
  } catch {
    return { kind: 'network' };
  }
  const page = previewTarget(fromUrl, scope);
  if (!page) return { kind: 'network' };
  const path = url.pathname + url.search;
  return {
    kind: 'preview-escape',
    session: page.session,
    path,
    redirect: navigate ? previewUrl(scope, page.session, path) : null,
  };
}

/** What the page is asked for a preview request (over a MessageChannel). */
export interface PreviewAsk {
  type: 'preview:request';
  session: string;
  method: string;
  path: string;
  headers: [string, string][];
  body: ArrayBuffer;
}

/**
 * The direct path: the playground tab gives the service worker a MessagePort to its handler
 * worker (`preview:port`); requests go on it without the tab's main thread in between.
 */
export interface PreviewPortAsk {
  id: number;
  method: string;
  path: string;
  headers: [string, string][];
  body: ArrayBuffer;
}

/** The handler worker's answer on the port (or the tab's, in `preview:answer`, for a timeout). */
export interface PreviewPortAnswer {
  id: number;
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

/** What a playground tab tells the service worker about its direct path. */
export type PreviewControl =
  /** ports[0]: the port to the tab's handler worker for `session`. */
  | { type: 'preview:port'; session: string }
  /** The tab answers request `id` itself (its worker ran past the time limit and was stopped). */
  | ({ type: 'preview:answer'; session: string } & PreviewPortAnswer)
  /** The worker is gone: requests still waiting on it are asked of the tab instead. */
  | { type: 'preview:drop'; session: string };

/** The page's answer: a response, or "not my session". */
export type PreviewAnswer =
  { notMine: true } | { status: number; headers: [string, string][]; body: ArrayBuffer };

/**
 * Headers every preview response gets: no scripts, nothing from other origins, forms only to
 * this origin (where the service worker sends them to the handler), and the embedder policy the
 * playground's cross-origin isolation asks of a frame in it.
 */
export const PREVIEW_HEADERS: [string, string][] = [
  [
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'none'; object-src 'none'; form-action 'self'; base-uri 'self'; frame-ancestors 'self'; sandbox allow-forms allow-same-origin allow-popups",
  ],
  ['Cross-Origin-Embedder-Policy', 'require-corp'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Referrer-Policy', 'same-origin'],
  ['X-Content-Type-Options', 'nosniff'],
];
