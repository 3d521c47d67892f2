import { describe, expect, it } from 'vitest';
import { parseRoute, routeMatches, wagiArgv, wagiEnv, type HttpRequest } from './wagi';

const req = (
  path: string,
  headers: [string, string][] = [],
  method = 'GET',
  body = '',
): HttpRequest => ({
  method,
  path,
  headers,
  body: new TextEncoder().encode(body),
});
const envOf = (r: HttpRequest, route = '/...') =>
  Object.fromEntries(
    wagiEnv(r, { route, clientAddr: '127.0.0.1:8777' }).map((kv) => {
      const i = kv.indexOf('=');
      return [kv.slice(0, i), kv.slice(i + 1)];
    }),
  );

describe('WAGI environment, as Spin builds it', () => {
  it('fills the CGI variables and the default Spin ones for a wildcard route', () => {
    const e = envOf(
      req(
        '/foo/bar%20baz?key1=value1&key2=value2',
        [
          ['Host', 'fermyon.dev'],
          ['User-Agent', 'curl/8'],
          ['Content-Type', 'application/json'],
          ['X-Custom-Thing', 'yes'],
        ],
        'POST',
        '{"a":1}',
      ),
      '/foo/...',
    );
    expect(e).toMatchObject({
      REQUEST_METHOD: 'POST',
      // compute_default_headers overrides PATH_INFO with the raw trailing part.
      PATH_INFO: '/bar%20baz',
      X_RAW_PATH_INFO: '/bar%20baz',
      PATH_TRANSLATED: '/bar baz',
      QUERY_STRING: 'key1=value1&key2=value2',
      X_FULL_URL: 'http://fermyon.dev/foo/bar%20baz?key1=value1&key2=value2',
      X_MATCHED_ROUTE: '/foo/...',
      X_RAW_COMPONENT_ROUTE: '/foo/...',
      X_COMPONENT_ROUTE: '/foo',
      SCRIPT_NAME: '/foo',
      X_BASE_PATH: '/',
      X_CLIENT_ADDR: '127.0.0.1:8777',
      REMOTE_ADDR: '127.0.0.1',
      REMOTE_HOST: '127.0.0.1',
      CONTENT_LENGTH: '7',
      // Spin reads CONTENT_TYPE from a header named content_type, not Content-Type.
      CONTENT_TYPE: '',
      HTTP_CONTENT_TYPE: 'application/json',
      HTTP_USER_AGENT: 'curl/8',
      HTTP_X_CUSTOM_THING: 'yes',
      HTTP_HOST: 'fermyon.dev',
      GATEWAY_INTERFACE: 'CGI/1.1',
      SERVER_SOFTWARE: 'WAGI/1',
      SERVER_PROTOCOL: 'HTTP/1.1',
      SERVER_NAME: 'fermyon.dev',
      SERVER_PORT: '80',
      AUTH_TYPE: '',
      REMOTE_USER: '',
    });
  });

  it('takes the port from Host, and leaves out Authorization and Connection', () => {
    const e = envOf(
      req('/', [
        ['Host', 'localhost:3000'],
        ['Authorization', 'Bearer x'],
        ['Connection', 'close'],
      ]),
    );
    expect(e.SERVER_NAME).toBe('localhost');
    expect(e.SERVER_PORT).toBe('3000');
    expect(e.HTTP_AUTHORIZATION).toBeUndefined();
    expect(e.HTTP_CONNECTION).toBeUndefined();
    expect(e.X_FULL_URL).toBe('http://localhost:3000/');
    expect(e.PATH_INFO).toBe('/');
    expect(e.SCRIPT_NAME).toBe('');
    expect(e.X_MATCHED_ROUTE).toBe('/...');
  });

  it('builds argv from "${SCRIPT_NAME} ${ARGS}": the path, then the query split on &', () => {
    expect(wagiArgv(req('/greet?a=1&b=2'))).toEqual(['/greet', 'a=1', 'b=2']);
    // As in Spin, an empty query leaves an empty last argument.
    expect(wagiArgv(req('/'))).toEqual(['/', '']);
  });

  it('matches routes as Spin does', () => {
    const all = parseRoute('/...');
    expect(routeMatches(all, '/')).toBe(true);
    expect(routeMatches(all, '/a/b')).toBe(true);
    const foo = parseRoute('/foo/...');
    expect(routeMatches(foo, '/foo')).toBe(true);
    expect(routeMatches(foo, '/foo/bar/')).toBe(true);
    expect(routeMatches(foo, '/foobar')).toBe(false);
    const exact = parseRoute('/hello/');
    expect(routeMatches(exact, '/hello')).toBe(true);
    expect(routeMatches(exact, '/hello/x')).toBe(false);
  });
});
