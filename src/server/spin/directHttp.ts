/**
 * The direct host's wasi:http@0.2.0 and wasi:io@0.2.0 imports: each canonical-ABI function spin.h
 * imports (names and core signatures as `component new` checks them), lowered by hand onto the
 * host objects of httpTypes.ts and outbound.ts. Layouts: see spin_http.c / spin_outbound.c.
 */
import { tryResult, type Abi } from './abi';
import {
  Fields,
  FutureIncomingResponse,
  type IncomingBody,
  type IncomingRequest,
  type IncomingResponse,
  OutgoingBody,
  OutgoingRequest,
  OutgoingResponse,
  ResponseOutparam,
} from './httpTypes';
import { outgoingHandler, type Sender } from './outbound';
import type { ServiceContext } from './services';
import { InputStream, IoError, type OutputStream, Pollable } from './wasi';

const TYPES = 'wasi:http/types@0.2.0';
const STREAMS = 'wasi:io/streams@0.2.0';

/** The import modules the direct host provides (besides wasi_snapshot_preview1). */
export const OWN_MODULES = new Set([
  TYPES,
  STREAMS,
  'wasi:io/error@0.2.0',
  'wasi:io/poll@0.2.0',
  'wasi:http/outgoing-handler@0.2.0',
  'fermyon:spin/key-value@2.0.0',
  'fermyon:spin/sqlite@2.0.0',
  'fermyon:spin/variables@2.0.0',
]);

const METHODS = ['get', 'head', 'post', 'put', 'delete', 'connect', 'options', 'trace', 'patch'];
const HEADER_ERRORS = ['invalid-syntax', 'forbidden', 'immutable'];
/** wasi:http's error-code cases, in order (their index is the variant's tag). */
export const ERROR_CODES = [
  'DNS-timeout',
  'DNS-error',
  'destination-not-found',
  'destination-unavailable',
  'destination-IP-prohibited',
  'destination-IP-unroutable',
  'connection-refused',
  'connection-terminated',
  'connection-timeout',
  'connection-read-timeout',
  'connection-write-timeout',
  'connection-limit-reached',
  'TLS-protocol-error',
  'TLS-certificate-error',
  'TLS-alert-received',
  'HTTP-request-denied',
  'HTTP-request-length-required',
  'HTTP-request-body-size',
  'HTTP-request-method-invalid',
  'HTTP-request-URI-invalid',
  'HTTP-request-URI-too-long',
  'HTTP-request-header-section-size',
  'HTTP-request-header-size',
  'HTTP-request-trailer-section-size',
  'HTTP-request-trailer-size',
  'HTTP-response-incomplete',
  'HTTP-response-header-section-size',
  'HTTP-response-header-size',
  'HTTP-response-body-size',
  'HTTP-response-trailer-section-size',
  'HTTP-response-trailer-size',
  'HTTP-response-transfer-coding',
  'HTTP-response-content-coding',
  'HTTP-response-timeout',
  'HTTP-upgrade-failed',
  'HTTP-protocol-error',
  'loop-detected',
  'configuration-error',
  'internal-error',
];

/** An error-code value at `p` (tag; internal-error's message as option<string> at p + 8). */
function putErrorCode(abi: Abi, p: number, e: { tag?: string; val?: unknown }) {
  const i = ERROR_CODES.indexOf(e.tag ?? 'internal-error');
  abi.u8(p, i < 0 ? 38 : i);
  if ((i < 0 || i === 38) && typeof (e.val ?? e.tag) === 'string') {
    abi.u8(p + 8, 1);
    abi.putStr(p + 12, String(i < 0 ? e.tag : e.val));
  }
}

/** stream-error at `p`: closed (1), or last-operation-failed (0) with an error resource. */
function putStreamError(abi: Abi, p: number, e: { tag?: string; val?: unknown }) {
  if (e.tag === 'last-operation-failed') {
    abi.u8(p, 0);
    abi.i32(p + 4, abi.own(e.val instanceof IoError ? e.val : new IoError(String(e.val))));
  } else abi.u8(p, 1);
}

export function httpImports(abi: Abi, ctx: ServiceContext, send: Sender) {
  const own = (ret: number) => (v: unknown) => abi.i32(ret + 4, abi.own(v));
  const outgoing = outgoingHandler(ctx, send);
  const setter =
    (f: (r: OutgoingRequest, v: string | undefined) => void) =>
    (self: number, some: number, p: number, l: number) => {
      f(abi.get<OutgoingRequest>(self), some ? abi.str(p, l) : undefined);
      return 0;
    };
  return {
    [TYPES]: {
      '[method]incoming-request.method'(self: number, ret: number) {
        const m = abi.get<IncomingRequest>(self).method();
        const i = METHODS.indexOf(m.tag);
        abi.u8(ret, i < 0 ? 9 : i);
        if (i < 0) abi.putStr(ret + 4, m.val ?? '');
      },
      '[method]incoming-request.path-with-query'(self: number, ret: number) {
        abi.u8(ret, 1);
        abi.putStr(ret + 4, abi.get<IncomingRequest>(self).pathWithQuery());
      },
      '[method]incoming-request.headers': (self: number) =>
        abi.own(abi.get<IncomingRequest>(self).headers()),
      '[method]incoming-request.consume': (self: number, ret: number) =>
        tryResult(abi, ret, () => abi.get<IncomingRequest>(self).consume(), own(ret)),
      '[resource-drop]incoming-request': abi.drop,
      '[method]incoming-body.stream': (self: number, ret: number) =>
        tryResult(abi, ret, () => abi.get<IncomingBody>(self).stream(), own(ret)),
      '[resource-drop]incoming-body': abi.drop,
      '[constructor]fields': () => abi.own(new Fields()),
      '[method]fields.append'(
        self: number,
        np: number,
        nl: number,
        vp: number,
        vl: number,
        ret: number,
      ) {
        tryResult(
          abi,
          ret,
          () => abi.get<Fields>(self).append(abi.str(np, nl), abi.bytes(vp, vl)),
          undefined,
          (e) => abi.u8(ret + 4, Math.max(0, HEADER_ERRORS.indexOf(e.tag ?? ''))),
        );
      },
      '[method]fields.entries'(self: number, ret: number) {
        const entries = abi.get<Fields>(self).entries();
        const list = abi.allocList(entries.length, 16, 4);
        entries.forEach(([k, v], i) => {
          abi.putStr(list + 16 * i, k);
          abi.putBytes(list + 16 * i + 8, v);
        });
        abi.i32(ret, list);
        abi.i32(ret + 4, entries.length);
      },
      '[resource-drop]fields': abi.drop,
      '[constructor]outgoing-response': (headers: number) =>
        abi.own(new OutgoingResponse(abi.take<Fields>(headers))),
      '[method]outgoing-response.set-status-code'(self: number, status: number) {
        try {
          abi.get<OutgoingResponse>(self).setStatusCode(status);
          return 0;
        } catch {
          return 1;
        }
      },
      '[method]outgoing-response.body': (self: number, ret: number) =>
        tryResult(abi, ret, () => abi.get<OutgoingResponse>(self).body(), own(ret)),
      '[resource-drop]outgoing-response': abi.drop,
      '[method]outgoing-body.write': (self: number, ret: number) =>
        tryResult(abi, ret, () => abi.get<OutgoingBody>(self).write(), own(ret)),
      '[static]outgoing-body.finish'(
        body: number,
        hasTrailers: number,
        trailers: number,
        ret: number,
      ) {
        tryResult(
          abi,
          ret,
          () =>
            OutgoingBody.finish(
              abi.take<OutgoingBody>(body),
              hasTrailers ? abi.take<Fields>(trailers) : undefined,
            ),
          undefined,
          (e) => putErrorCode(abi, ret + 8, e),
        );
      },
      '[resource-drop]outgoing-body': abi.drop,
      '[static]response-outparam.set'(param: number, isErr: number, a: number) {
        const out = abi.take<ResponseOutparam>(param);
        ResponseOutparam.set(
          out,
          isErr
            ? { tag: 'err', val: { tag: ERROR_CODES[a] ?? 'internal-error' } }
            : { tag: 'ok', val: abi.take<OutgoingResponse>(a) },
        );
      },
      '[resource-drop]response-outparam': abi.drop,
      '[constructor]outgoing-request': (headers: number) =>
        abi.own(new OutgoingRequest(abi.take<Fields>(headers))),
      '[method]outgoing-request.set-method'(self: number, tag: number, p: number, l: number) {
        abi
          .get<OutgoingRequest>(self)
          .setMethod(tag < 9 ? { tag: METHODS[tag] } : { tag: 'other', val: abi.str(p, l) });
        return 0;
      },
      '[method]outgoing-request.set-scheme'(
        self: number,
        some: number,
        tag: number,
        p: number,
        l: number,
      ) {
        abi
          .get<OutgoingRequest>(self)
          .setScheme(
            !some
              ? undefined
              : tag === 0
                ? { tag: 'HTTP' }
                : tag === 1
                  ? { tag: 'HTTPS' }
                  : { tag: 'other', val: abi.str(p, l) },
          );
        return 0;
      },
      '[method]outgoing-request.set-authority': setter((r, v) => r.setAuthority(v)),
      '[method]outgoing-request.set-path-with-query': setter((r, v) => r.setPathWithQuery(v)),
      '[method]outgoing-request.body': (self: number, ret: number) =>
        tryResult(abi, ret, () => abi.get<OutgoingRequest>(self).body(), own(ret)),
      '[resource-drop]outgoing-request': abi.drop,
      '[method]future-incoming-response.subscribe': () => abi.own(new Pollable()),
      '[method]future-incoming-response.get'(self: number, ret: number) {
        const r = abi.get<FutureIncomingResponse>(self).get() as {
          tag: string;
          val?: { tag: string; val: unknown };
        };
        abi.u8(ret, 1);
        if (r.tag !== 'ok' || !r.val) return abi.u8(ret + 8, 1);
        abi.u8(ret + 8, 0);
        if (r.val.tag === 'ok') {
          abi.u8(ret + 16, 0);
          abi.i32(ret + 24, abi.own(r.val.val));
        } else {
          abi.u8(ret + 16, 1);
          putErrorCode(abi, ret + 24, r.val.val as { tag?: string });
        }
      },
      '[resource-drop]future-incoming-response': abi.drop,
      '[method]incoming-response.status': (self: number) =>
        abi.get<IncomingResponse>(self).status(),
      '[method]incoming-response.headers': (self: number) =>
        abi.own(abi.get<IncomingResponse>(self).headers()),
      '[method]incoming-response.consume': (self: number, ret: number) =>
        tryResult(abi, ret, () => abi.get<IncomingResponse>(self).consume(), own(ret)),
      '[resource-drop]incoming-response': abi.drop,
    },
    [STREAMS]: {
      '[method]input-stream.blocking-read'(self: number, len: bigint, ret: number) {
        tryResult(
          abi,
          ret,
          () => abi.get<InputStream>(self).blockingRead(len),
          (b) => abi.putBytes(ret + 4, b),
          (e) => putStreamError(abi, ret + 4, e),
        );
      },
      '[resource-drop]input-stream': abi.drop,
      '[method]output-stream.blocking-write-and-flush'(
        self: number,
        p: number,
        l: number,
        ret: number,
      ) {
        tryResult(
          abi,
          ret,
          () => abi.get<OutputStream>(self).blockingWriteAndFlush(abi.bytes(p, l)),
          undefined,
          (e) => putStreamError(abi, ret + 4, e),
        );
      },
      '[resource-drop]output-stream': abi.drop,
    },
    'wasi:io/error@0.2.0': { '[resource-drop]error': abi.drop },
    'wasi:io/poll@0.2.0': {
      '[method]pollable.block': (self: number) => abi.get<Pollable>(self).block(),
      '[resource-drop]pollable': abi.drop,
    },
    'wasi:http/outgoing-handler@0.2.0': {
      handle(req: number, hasOptions: number, options: number, ret: number) {
        if (hasOptions) abi.drop(options);
        const request = abi.take<OutgoingRequest>(req);
        // result<own<future-incoming-response>, error-code>: the payload is 8-aligned.
        tryResult(
          abi,
          ret,
          () => outgoing.handle(request),
          (f) => abi.i32(ret + 8, abi.own(f)),
          (e) => putErrorCode(abi, ret + 8, e),
        );
      },
    },
  };
}

export { InputStream };
