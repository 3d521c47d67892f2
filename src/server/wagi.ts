/**
 * The WAGI interface as Spin's `wagi` executor implements it (spin crates/http/src/wagi/mod.rs,
 * crates/trigger-http/src/wagi.rs and headers.rs, read 2026-11): the CGI environment, argv and
 * route matching for one request. Pure: the runner worker and the tests use it alike.
 */

import type { HttpRequest } from '../protocol/server';

export type { HttpRequest };

/** Where the handler answers, and what it tells the program about the server. */
export interface WagiSite {
  /** The trigger's route, as in spin.toml: `/...` (everything), `/api/...`, or an exact `/hello`. */
  route: string;
  /** The Host header when the request has none (Spin: localhost). */
  host?: string;
  /** `ip:port` of the client (Spin passes the socket's address). */
  clientAddr?: string;
}

export const DEFAULT_ROUTE = '/...';

/** A route as Spin parses it: exact, or a wildcard prefix (`/...` stripped, trailing `/` too). */
export interface RoutePattern {
  kind: 'exact' | 'wildcard';
  /** The path (exact) or the prefix before `/...` (wildcard; '' for `/...`). */
  path: string;
}

const sanitize = (s: string) => (s.endsWith('/') ? s.slice(0, -1) : s);

/** Parses a trigger route (base `/`), as Spin's RoutePattern::from. */
export function parseRoute(route: string): RoutePattern {
  const path = sanitize(route);
  return path.endsWith('/...')
    ? { kind: 'wildcard', path: path.slice(0, -4) }
    : { kind: 'exact', path };
}

/** Why a route cannot be used, or null. */
export function badRoute(route: string): string | null {
  if (!route.startsWith('/')) return 'a route starts with /';
  if (/[\s?#]/.test(route)) return 'a route has no spaces, ? or #';
  if (route.includes('...') && !route.endsWith('/...'))
    return 'a wildcard route ends in /... (as in /api/...)';
  return null;
}

/** Splits a request target into its path and query (without the `?`). */
export function splitTarget(target: string): { path: string; query: string } {
  const hash = target.indexOf('#');
  const t = hash >= 0 ? target.slice(0, hash) : target;
  const q = t.indexOf('?');
  const path = q >= 0 ? t.slice(0, q) : t;
  return { path: path === '' ? '/' : path, query: q >= 0 ? t.slice(q + 1) : '' };
}

/** Does the route take this path (no query)? As Spin's RoutePattern::matches. */
export function routeMatches(route: RoutePattern, path: string): boolean {
  const p = sanitize(path);
  if (route.kind === 'exact') return p === route.path;
  return p === route.path || p.startsWith(`${route.path}/`);
}

/** The part of the path after the route's prefix (Spin's trailing_wildcard). */
function trailing(route: RoutePattern, path: string): string {
  if (route.kind === 'exact') return '';
  return path.startsWith(route.path) ? path.slice(route.path.length) : '';
}

const utf8 = new TextEncoder();

function percentDecode(s: string): string {
  // decode_utf8_lossy: invalid escapes stay as typed, invalid UTF-8 becomes U+FFFD.
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      for (const b of utf8.encode(s[i])) bytes.push(b);
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

const headerValue = (req: HttpRequest, name: string) =>
  req.headers.find(([k]) => k.toLowerCase() === name)?.[1];

/**
 * The program's environment for one request: Spin's wagi::build_headers, then the default Spin
 * headers it overrides them with (PATH_INFO, X_FULL_URL, X_MATCHED_ROUTE, X_BASE_PATH,
 * X_RAW_COMPONENT_ROUTE, X_COMPONENT_ROUTE, X_CLIENT_ADDR). Returned as `NAME=value` strings in
 * a stable order.
 */
export function wagiEnv(req: HttpRequest, site: WagiSite): string[] {
  const route = parseRoute(site.route);
  const { path, query } = splitTarget(req.path);
  const hostHeader = headerValue(req, 'host');
  // parse_host_header_uri: "localhost":"80", then the default host ("default_host" in Spin's
  // executor, which has no port), then the Host header.
  let host = 'localhost';
  let port = '80';
  const parseHost = (h: string) => {
    const i = h.indexOf(':');
    const name = i < 0 ? h : h.slice(0, i);
    const p = i < 0 ? '' : h.slice(i + 1);
    if (name) host = name;
    if (p) port = p;
  };
  parseHost('default_host');
  if (hostHeader !== undefined) parseHost(hostHeader);
  const raw = trailing(route, path);
  const decoded = percentDecode(raw);
  const pattern = route.kind === 'wildcard' ? `${route.path}/...` : route.path;
  const prefix = route.path;
  const env = new Map<string, string>([
    ['AUTH_TYPE', ''],
    ['CONTENT_LENGTH', String(req.body.length)],
    // Spin looks this up as headers.get("CONTENT_TYPE"), i.e. a header named content_type: an
    // ordinary Content-Type header is in HTTP_CONTENT_TYPE, and CONTENT_TYPE is empty.
    ['CONTENT_TYPE', headerValue(req, 'content_type') ?? ''],
    ['X_FULL_URL', `http://${host}:${port}${path}${query ? `?${query}` : ''}`],
    ['GATEWAY_INTERFACE', 'CGI/1.1'],
    ['X_MATCHED_ROUTE', pattern],
    ['QUERY_STRING', query],
    ['REMOTE_ADDR', (site.clientAddr ?? '127.0.0.1:0').replace(/:\d+$/, '')],
    ['REMOTE_HOST', (site.clientAddr ?? '127.0.0.1:0').replace(/:\d+$/, '')],
    ['REMOTE_USER', ''],
    ['REQUEST_METHOD', req.method],
    ['SCRIPT_NAME', prefix],
    ['X_RAW_PATH_INFO', raw],
    ['PATH_INFO', decoded],
    ['PATH_TRANSLATED', decoded],
    ['SERVER_NAME', host],
    ['SERVER_PORT', port],
    ['SERVER_PROTOCOL', 'HTTP/1.1'],
    ['SERVER_SOFTWARE', 'WAGI/1'],
  ]);
  for (const [name, value] of req.headers) {
    const key = `HTTP_${name.toUpperCase().replaceAll('-', '_')}`;
    if (key === 'HTTP_AUTHORIZATION' || key === 'HTTP_CONNECTION') continue;
    env.set(key, value);
  }
  // compute_default_headers, keyed by their WAGI names; they override the above. PATH_INFO here
  // is the raw trailing part (not decoded), X_FULL_URL is scheme://Host + path and query.
  const hostForUrl = hostHeader ?? 'localhost';
  env.set('PATH_INFO', raw);
  env.set('X_FULL_URL', `http://${hostForUrl}${path}${query ? `?${query}` : ''}`);
  env.set('X_MATCHED_ROUTE', pattern);
  env.set('X_BASE_PATH', '/');
  env.set('X_RAW_COMPONENT_ROUTE', pattern);
  env.set('X_COMPONENT_ROUTE', prefix);
  env.set('X_CLIENT_ADDR', site.clientAddr ?? '127.0.0.1:0');
  return [...env].map(([k, v]) => `${k}=${v}`);
}

/**
 * argv as Spin builds it from the default `argv = "${SCRIPT_NAME} ${ARGS}"`: the request's path,
 * then the query with `&` turned into spaces, split on single spaces (so an empty query gives a
 * trailing empty argument, as in Spin).
 */
export function wagiArgv(req: HttpRequest): string[] {
  const { path, query } = splitTarget(req.path);
  return `${path} ${query.replaceAll('&', ' ')}`.split(' ');
}
