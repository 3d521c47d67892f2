/**
 * wasi:http/types (0.2.x) for one request, synchronous and buffered: the incoming request and
 * its body, the response the guest builds and sets on its outparam, and the outgoing request and
 * its response for outbound HTTP (sent by outbound.ts). Resources are these classes (jco checks
 * them with `instanceof`); errors are thrown as the WIT's values (`{ tag: 'invalid-syntax' }`).
 */
import { bytesSource, InputStream, OutputStream, Pollable } from './wasi';

const enc = new TextEncoder();
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Headers a guest may not set (the host owns them), as wasmtime's wasi-http forbids them. */
const FORBIDDEN = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'host',
  'http2-settings',
]);

export class Fields {
  private list: [string, Uint8Array][] = [];
  constructor(private immutable = false) {}
  static fromList(entries: [string, Uint8Array][]) {
    const f = new Fields();
    for (const [k, v] of entries) f.append(k, v);
    return f;
  }
  /** Fields the guest may read only (a request's or a response's headers). */
  static frozen(entries: [string, string][]) {
    const f = new Fields();
    f.list = entries.map(([k, v]) => [k, enc.encode(v)]);
    f.immutable = true;
    return f;
  }
  private check(name: string, mutate = true) {
    if (mutate && this.immutable) throw { tag: 'immutable' };
    if (!TOKEN.test(name)) throw { tag: 'invalid-syntax' };
    if (mutate && FORBIDDEN.has(name.toLowerCase())) throw { tag: 'forbidden' };
  }
  get(name: string) {
    const n = name.toLowerCase();
    return this.list.filter(([k]) => k.toLowerCase() === n).map(([, v]) => v);
  }
  has(name: string) {
    return this.get(name).length > 0;
  }
  set(name: string, values: Uint8Array[]) {
    this.check(name);
    this.delete(name);
    for (const v of values) this.list.push([name, v]);
  }
  delete(name: string) {
    this.check(name);
    const n = name.toLowerCase();
    this.list = this.list.filter(([k]) => k.toLowerCase() !== n);
  }
  append(name: string, value: Uint8Array) {
    this.check(name);
    this.list.push([name, value.slice()]);
  }
  entries(): [string, Uint8Array][] {
    return this.list.map(([k, v]) => [k, v.slice()]);
  }
  clone() {
    const f = new Fields();
    f.list = this.entries();
    return f;
  }
  /** As text pairs (for the response the page shows). */
  text(): [string, string][] {
    const dec = new TextDecoder();
    return this.list.map(([k, v]) => [k, dec.decode(v)]);
  }
}

type Method = { tag: string; val?: string };
const methodOf = (m: string): Method => {
  const l = m.toLowerCase();
  return ['get', 'head', 'post', 'put', 'delete', 'connect', 'options', 'trace', 'patch'].includes(
    l,
  )
    ? { tag: l }
    : { tag: 'other', val: m };
};
export const methodName = (m: Method) => (m.tag === 'other' ? m.val! : m.tag.toUpperCase());

export class IncomingBody {
  private taken = false;
  constructor(private bytes: Uint8Array) {}
  stream() {
    if (this.taken) throw undefined;
    this.taken = true;
    return new InputStream(bytesSource(this.bytes));
  }
  static finish() {
    return new FutureTrailers();
  }
}

export class FutureTrailers {
  subscribe() {
    return new Pollable();
  }
  get() {
    return { tag: 'ok', val: { tag: 'ok', val: undefined } };
  }
}

export interface RequestParts {
  method: string;
  path: string;
  headers: [string, string][];
  body: Uint8Array;
  scheme: 'http' | 'https';
  authority: string;
}

export class IncomingRequest {
  private consumed = false;
  constructor(private r: RequestParts) {}
  method() {
    return methodOf(this.r.method);
  }
  pathWithQuery() {
    return this.r.path;
  }
  scheme() {
    return { tag: this.r.scheme === 'https' ? 'HTTPS' : 'HTTP' };
  }
  authority() {
    return this.r.authority;
  }
  headers() {
    return Fields.frozen(this.r.headers);
  }
  consume() {
    if (this.consumed) throw undefined;
    this.consumed = true;
    return new IncomingBody(this.r.body);
  }
}

/** An outgoing body's bytes as the guest writes them. */
export class OutgoingBody {
  chunks: Uint8Array[] = [];
  finished = false;
  private written = false;
  write() {
    if (this.written) throw undefined;
    this.written = true;
    return new OutputStream((b) => {
      if (this.finished) throw { tag: 'closed' };
      this.chunks.push(b);
    });
  }
  static finish(body: OutgoingBody, trailers?: Fields) {
    if (trailers) throw { tag: 'internal-error', val: 'trailers are not supported here' };
    body.finished = true;
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) out.set(c, (at += c.length) - c.length);
    return out;
  }
}

export class OutgoingResponse {
  status = 200;
  private bodyTaken = false;
  readonly outBody = new OutgoingBody();
  constructor(readonly fields: Fields) {}
  statusCode() {
    return this.status;
  }
  setStatusCode(s: number) {
    if (s < 100 || s > 999) throw undefined;
    this.status = s;
  }
  headers() {
    return Fields.frozen(this.fields.text());
  }
  body() {
    if (this.bodyTaken) throw undefined;
    this.bodyTaken = true;
    return this.outBody;
  }
}

/** Where the guest sets its response (or an error-code). */
export class ResponseOutparam {
  value: { tag: 'ok'; val: OutgoingResponse } | { tag: 'err'; val: { tag: string } } | null = null;
  static set(param: ResponseOutparam, response: ResponseOutparam['value']) {
    if (param.value) throw new Error('the response outparam was already set');
    param.value = response;
  }
}

export class RequestOptions {
  private t: Record<string, bigint | undefined> = {};
  connectTimeout = () => this.t.connect;
  setConnectTimeout = (d?: bigint) => void (this.t.connect = d);
  firstByteTimeout = () => this.t.first;
  setFirstByteTimeout = (d?: bigint) => void (this.t.first = d);
  betweenBytesTimeout = () => this.t.between;
  setBetweenBytesTimeout = (d?: bigint) => void (this.t.between = d);
}

export class OutgoingRequest {
  m: Method = { tag: 'get' };
  s: { tag: string; val?: string } | undefined;
  a: string | undefined;
  p: string | undefined;
  private bodyTaken = false;
  readonly outBody = new OutgoingBody();
  constructor(readonly fields: Fields) {}
  body() {
    if (this.bodyTaken) throw undefined;
    this.bodyTaken = true;
    return this.outBody;
  }
  method = () => this.m;
  setMethod = (m: Method) => void (this.m = m);
  pathWithQuery = () => this.p;
  setPathWithQuery = (p?: string) => void (this.p = p);
  scheme = () => this.s;
  setScheme = (s?: { tag: string; val?: string }) => void (this.s = s);
  authority = () => this.a;
  setAuthority = (a?: string) => void (this.a = a);
  headers = () => Fields.frozen(this.fields.text());
  /** scheme://authority/path, as the request names it. */
  url(): string {
    const scheme = !this.s
      ? 'https'
      : this.s.tag === 'other'
        ? this.s.val!
        : this.s.tag.toLowerCase();
    return `${scheme}://${this.a ?? ''}${this.p ?? '/'}`;
  }
}

export class IncomingResponse {
  private consumed = false;
  constructor(
    private code: number,
    private fields: [string, string][],
    private bytes: Uint8Array,
  ) {}
  status() {
    return this.code;
  }
  headers() {
    return Fields.frozen(this.fields);
  }
  consume() {
    if (this.consumed) throw undefined;
    this.consumed = true;
    return new IncomingBody(this.bytes);
  }
}

/** Outbound HTTP's answer: ready at once (the request was sent synchronously). */
export class FutureIncomingResponse {
  private taken = false;
  constructor(private result: { tag: 'ok'; val: IncomingResponse } | { tag: 'err'; val: object }) {}
  subscribe() {
    return new Pollable();
  }
  get() {
    if (this.taken) return { tag: 'err', val: undefined };
    this.taken = true;
    return { tag: 'ok', val: this.result };
  }
}

export const httpTypes = {
  Fields,
  IncomingRequest,
  IncomingBody,
  FutureTrailers,
  OutgoingResponse,
  OutgoingBody,
  ResponseOutparam,
  RequestOptions,
  OutgoingRequest,
  IncomingResponse,
  FutureIncomingResponse,
  httpErrorCode: () => undefined,
};
