import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CORS,
  TooLarge,
  clientOf,
  escapeHtml,
  originOf,
  readBody,
  sendHtml,
  sendJson,
} from './http.ts';
import { ID_PATTERN, contentHash } from './ids.ts';
import { rateLimiter } from './rateLimit.ts';
import { StoreUnavailable, type LinkStore } from './store.ts';
import { checkEncodedProject } from './validate.ts';

export interface LinkServiceOptions {
  store: LinkStore;
  /** Where `/s/<id>` sends people (ends with `/`); default: this server's own origin. */
  appUrl?: string;
  /** The base of short URLs (ends with `/`); default: the origin the request came to. */
  publicUrl?: string;
  /** The largest encoded project accepted (413 above it). */
  maxBytes?: number;
  /** Links a client may create per minute (and at once); 0 turns the limit off. */
  perMinute?: number;
  /** Take the client and scheme from X-Forwarded-For / -Proto (behind a proxy you run). */
  trustProxy?: boolean;
}

export const DEFAULT_MAX_BYTES = 256 * 1024;
export const DEFAULT_PER_MINUTE = 30;

/** A request handler: answers true when the request was one of the service's routes. */
export type LinkHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * The short-link service: `POST /api/links` stores an encoded project under a content-addressed
 * id, `GET /s/<id>` redirects to the app with the project in the fragment (`?embed=1`: to the
 * embed), `GET /api/oembed` describes a short link for blog engines, `GET /api/links` says the
 * service is there (the app shows Shorten only then).
 */
export function linkService(opts: LinkServiceOptions): LinkHandler {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const trust = opts.trustProxy ?? false;
  const limit = rateLimiter(opts.perMinute ?? DEFAULT_PER_MINUTE);
  const base = (req: IncomingMessage) => opts.publicUrl ?? `${originOf(req, trust)}/`;
  const app = (req: IncomingMessage) => opts.appUrl ?? `${originOf(req, trust)}/`;
  const storeKind = opts.store.description.split(' ')[0];

  async function create(req: IncomingMessage, res: ServerResponse) {
    const wait = limit.take(clientOf(req, trust));
    if (wait > 0) {
      sendJson(
        res,
        429,
        { error: `too many new links; try again in ${wait} s` },
        {
          'Retry-After': String(wait),
        },
      );
      return;
    }
    let body: string;
    try {
      body = await readBody(req, maxBytes);
    } catch (e) {
      if (!(e instanceof TooLarge)) throw e;
      sendJson(
        res,
        413,
        { error: `the project is over ${maxBytes / 1024} KB encoded` },
        {
          Connection: 'close',
        },
      );
      return;
    }
    const checked = checkEncodedProject(body);
    if (!checked.ok) {
      sendJson(res, 400, { error: checked.error });
      return;
    }
    const { id, created } = await opts.store.put(contentHash(checked.fragment), checked.fragment);
    const url = `${base(req)}s/${id}`;
    sendJson(res, created ? 201 : 200, { id, url }, { Location: url });
  }

  async function resolve(
    req: IncomingMessage,
    res: ServerResponse,
    id: string,
    query: URLSearchParams,
  ) {
    const data = ID_PATTERN.test(id) ? await opts.store.get(id) : null;
    if (data === null) {
      sendHtml(
        res,
        404,
        'Link not found',
        `<h1>This short link does not exist</h1><p>No project is stored under <code>${escapeHtml(id.slice(0, 64))}</code> here. It may have been mistyped, or made by another link service.</p><p><a href="${escapeHtml(app(req))}">Open the playground</a></p>`,
      );
      return;
    }
    const embed = query.get('embed') === '1';
    query.delete('embed');
    const q = query.toString();
    const target = `${app(req)}${embed ? 'embed.html' : ''}${q ? `?${q}` : ''}#${data}`;
    const oembed = `${base(req)}api/oembed?url=${encodeURIComponent(`${base(req)}s/${id}`)}`;
    res.writeHead(302, {
      Location: target,
      // The same id always means the same project.
      'Cache-Control': 'public, max-age=86400',
      Link: `<${oembed}>; rel="alternate"; type="application/json+oembed"`,
      'Content-Length': 0,
    });
    res.end();
  }

  async function oembed(req: IncomingMessage, res: ServerResponse, query: URLSearchParams) {
    if ((query.get('format') ?? 'json') !== 'json') {
      sendJson(res, 501, { error: 'only format=json is offered' });
      return;
    }
    const m = /\/s\/([^/?#]+)$/.exec(new URL(query.get('url') ?? '', 'http://x').pathname);
    const id = m?.[1] ?? '';
    if (!ID_PATTERN.test(id) || (await opts.store.get(id)) === null) {
      sendJson(res, 404, { error: 'not a short link of this service' });
      return;
    }
    const width = Math.min(Number(query.get('maxwidth')) || 800, 1600);
    const height = Math.min(Number(query.get('maxheight')) || 450, 1200);
    const src = `${base(req)}s/${id}?embed=1`;
    sendJson(res, 200, {
      version: '1.0',
      type: 'rich',
      provider_name: 'Wasm Playground',
      provider_url: app(req),
      title: 'A WebAssembly playground project',
      width,
      height,
      html: `<iframe src="${escapeHtml(src)}" width="${width}" height="${height}" sandbox="allow-scripts" style="border:0" title="Wasm Playground" loading="lazy"></iframe>`,
    });
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const shortId = /^\/s\/([^/]*)$/.exec(path)?.[1];
    if (path !== '/api/links' && path !== '/api/oembed' && shortId === undefined) return false;
    try {
      if (path === '/api/links' && req.method === 'OPTIONS') {
        res.writeHead(204, CORS);
        res.end();
      } else if (path === '/api/links' && req.method === 'POST') await create(req, res);
      else if (path === '/api/links' && req.method === 'GET')
        sendJson(res, 200, {
          service: 'wasm-playground-links',
          store: storeKind,
          maxBytes,
          base: base(req),
        });
      else if (path === '/api/oembed' && req.method === 'GET')
        await oembed(req, res, url.searchParams);
      else if (shortId !== undefined && (req.method === 'GET' || req.method === 'HEAD'))
        await resolve(req, res, shortId, url.searchParams);
      else sendJson(res, 405, { error: `${req.method} is not allowed here` });
    } catch (e) {
      if (res.headersSent) res.destroy();
      else if (e instanceof StoreUnavailable)
        sendJson(res, 503, { error: e.message }, { 'Retry-After': '5' });
      else sendJson(res, 500, { error: 'internal error' });
      if (!(e instanceof StoreUnavailable)) console.error('links:', e);
    }
    return true;
  };
}
