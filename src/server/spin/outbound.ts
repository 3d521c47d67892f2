/**
 * wasi:http/outgoing-handler for a Spin component: a request to a host that
 * `allowed_outbound_hosts` does not list fails with `HTTP-request-denied` (Spin's
 * HttpRequestDenied) and never leaves the worker; an allowed one is sent with a synchronous
 * XMLHttpRequest (a worker may block; the guest's call is synchronous), so the browser's rules
 * apply: the other server must allow this origin (CORS), and when it does not the guest gets an
 * error that says so.
 */
import { timedCall, type ServiceContext } from './services';
import { FutureIncomingResponse, IncomingResponse, type OutgoingRequest } from './httpTypes';
import { methodName } from './httpTypes';

const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

/** Whether `url` is allowed by one of the manifest's `scheme://host[:port]` patterns. */
export function hostAllowed(allowed: string[], url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const scheme = u.protocol.replace(/:$/, '');
  const port = u.port || DEFAULT_PORT[scheme] || '';
  return allowed.some((entry) => {
    const m = /^([^:]+):\/\/([^/:]+)(?::([^/]+))?\/?$/.exec(entry.trim());
    if (!m) return false;
    const [, s, h, p] = m;
    if (s !== '*' && s.toLowerCase() !== scheme) return false;
    const host = h.toLowerCase();
    const name = u.hostname.toLowerCase();
    if (host !== '*' && !(host.startsWith('*.') ? name.endsWith(host.slice(1)) : name === host))
      return false;
    if (p === '*') return true;
    if (p?.includes('..')) {
      const [lo, hi] = p.split('..').map(Number);
      return +port >= lo && +port < hi;
    }
    return (p ?? DEFAULT_PORT[scheme] ?? '') === port;
  });
}

export interface SentResponse {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

/** Sends a request and waits for its answer (throws a wasi:http error-code). */
export type Sender = (
  method: string,
  url: string,
  headers: [string, string][],
  body: Uint8Array,
) => SentResponse;

/** The browser's way: a synchronous XMLHttpRequest (allowed in a worker). */
export const xhrSender: Sender = (method, url, headers, body) => {
  const xhr = new XMLHttpRequest();
  xhr.open(method, url, false);
  xhr.responseType = 'arraybuffer';
  for (const [k, v] of headers) {
    try {
      xhr.setRequestHeader(k, v);
    } catch {
      // A header the browser will not let a page set (Host, Content-Length…): it sets its own.
    }
  }
  try {
    xhr.send(method === 'GET' || method === 'HEAD' ? null : (body as BufferSource));
  } catch (e) {
    throw {
      tag: 'internal-error',
      val: `the browser did not send it (${(e as Error).message}): the server must allow this page's origin (CORS), and the browser must reach it`,
    };
  }
  if (xhr.status === 0)
    throw {
      tag: 'internal-error',
      val: 'no response: blocked by the browser (CORS) or the network',
    };
  const lines = xhr.getAllResponseHeaders().trim().split(/\r?\n/).filter(Boolean);
  return {
    status: xhr.status,
    headers: lines.map((l) => {
      const i = l.indexOf(':');
      return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
    }),
    body: new Uint8Array(xhr.response as ArrayBuffer),
  };
};

/** The outgoing-handler interface for a component's instances. */
export function outgoingHandler(ctx: ServiceContext, send: Sender) {
  return {
    handle(request: OutgoingRequest) {
      const url = request.url();
      const method = methodName(request.m);
      return timedCall(ctx, 'http', `${method} ${url}`, () => {
        if (!hostAllowed(ctx.grants.allowedOutboundHosts, url))
          throw { tag: 'HTTP-request-denied' };
        const r = send(method, url, request.fields.text(), request.outBody.bytes());
        return new FutureIncomingResponse({
          tag: 'ok',
          val: new IncomingResponse(r.status, r.headers, r.body),
        });
      });
    },
  };
}
