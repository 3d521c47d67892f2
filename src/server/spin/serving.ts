/**
 * What both Spin hosts (jco's bindings, the direct host) do around a request: the checks before
 * the component runs (route → 404, body → 413), the guest's log, the request as wasi:http's
 * incoming-request, and the response from its outparam (or why there is none → 500).
 */
import type { HostCall } from '../../protocol/server';
import { serverError, type HttpResponse } from '../cgi';
import { routeMatches, splitTarget, type HttpRequest } from '../wagi';
import { IncomingRequest, type ResponseOutparam } from './httpTypes';
import type { ServiceContext } from './services';

export interface SpinServeResult {
  response: HttpResponse;
  instantiateUs: number;
  runUs: number;
  stderr: string;
  hostCalls: HostCall[];
}

/** A request body larger than this is answered 413 before the component sees it. */
export const MAX_REQUEST_BODY = 16 * 1024 * 1024;
const STDERR_KEEP = 16 * 1024;

/**
 * A new result (its host calls the list `ctx` now records into), or the server's answer when the
 * request never reaches the component.
 */
export function beginServe(
  req: HttpRequest,
  route: ReturnType<typeof import('../wagi').parseRoute>,
  ctx: ServiceContext,
): SpinServeResult & { early: boolean } {
  const calls: HostCall[] = [];
  ctx.calls = calls;
  const result = {
    response: serverError(500, ''),
    instantiateUs: 0,
    runUs: 0,
    stderr: '',
    hostCalls: calls,
    early: true,
  };
  if (!routeMatches(route, splitTarget(req.path).path))
    result.response = serverError(404, `Not Found: the route ${ctx.grants.route} does not match`);
  else if (req.body.length > MAX_REQUEST_BODY)
    result.response = serverError(
      413,
      `Payload Too Large: the body is over ${MAX_REQUEST_BODY / 1048576} MiB`,
    );
  else result.early = false;
  return result;
}

/** What the guest prints (stdout and stderr), the first STDERR_KEEP bytes of it. */
export function guestLog(): { write: (b: Uint8Array) => void; text: () => string } {
  const parts: Uint8Array[] = [];
  let n = 0;
  return {
    write(b) {
      if (n < STDERR_KEEP) parts.push(b.slice(0, STDERR_KEEP - n));
      n += b.length;
    },
    text() {
      const all = new Uint8Array(parts.reduce((k, p) => k + p.length, 0));
      let at = 0;
      for (const p of parts) all.set(p, (at += p.length) - p.length);
      return new TextDecoder().decode(all);
    },
  };
}

/** The request as the component's incoming-request (authority from its Host header). */
export function incomingRequest(req: HttpRequest): IncomingRequest {
  const host = req.headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? 'localhost:3000';
  return new IncomingRequest({
    method: req.method,
    path: req.path,
    headers: req.headers,
    body: req.body,
    scheme: 'http',
    authority: host,
  });
}

/** The response the component set, or a 500 saying why there is none (`failure`: it failed). */
export function responseOf(
  out: ResponseOutparam,
  failure: string | null,
  stderr: string,
): HttpResponse {
  const tail = stderr ? `\n\nstderr:\n${stderr}` : '';
  const v = out.value;
  if (v?.tag === 'ok')
    return { status: v.val.status, headers: v.val.fields.text(), body: v.val.outBody.bytes() };
  if (failure) return serverError(500, failure + tail);
  if (v?.tag === 'err')
    return serverError(
      500,
      `the component answered with an error: ${JSON.stringify(v.val)}${tail}`,
    );
  return serverError(500, `the component returned without setting a response${tail}`);
}
