/**
 * A handler's stdout → an HTTP response, as Spin's wagi::compose_response reads it: headers up to
 * the first empty line (CR ignored there, so CRLF and LF both work), `Status: CODE [text]`,
 * `Content-Type`, `Location` without a status → 302; one of Content-Type, Location or Status is
 * required, else 500. Where Spin would skip a malformed header line with a warning in its log
 * (or panic on a bad value), the playground answers 502 and says which line: a broken response
 * is easier to fix when it is seen.
 */

import type { ServeAnswer } from '../protocol/server';

/** A response as the playground shows it. */
export interface HttpResponse {
  status: number;
  /** Header lines in the order the handler wrote them (lower-case names). */
  headers: [string, string][];
  body: Uint8Array;
  /** Set when the server (not the handler) made this response up: why. */
  error?: string;
}

const enc = new TextEncoder();

/** A response the server writes itself (500, 502, 504…), its body the reason. */
export function serverError(status: number, reason: string): HttpResponse {
  return {
    status,
    headers: [['content-type', 'text/plain; charset=utf-8']],
    body: enc.encode(`${reason}\n`),
    error: reason,
  };
}

/** The bytes of `b` in an ArrayBuffer of their own (to transfer: `b` may be a view into more). */
export function ownBuffer(b: Uint8Array): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/** A response the server makes up, as a runner answers it (no instance ran to the end). */
export function serverAnswer(status: number, reason: string, runUs = 0): ServeAnswer {
  return { ...serverError(status, reason), instantiateUs: 0, runUs, compileUs: 0, stderr: '' };
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Parses a CGI response; `stdout` is everything the handler wrote. */
export function composeResponse(stdout: Uint8Array): HttpResponse {
  if (stdout.length === 0)
    return serverError(
      500,
      'the handler wrote nothing to stdout (a WAGI handler prints its headers, an empty line, then the body)',
    );
  // Spin's scan: CRs are dropped while in the headers; two LFs in a row end them.
  const head: number[] = [];
  let last = 0;
  let bodyStart = -1;
  for (let i = 0; i < stdout.length; i++) {
    const b = stdout[i];
    if (b === 13) continue;
    if (b === 10 && last === 10) {
      bodyStart = i + 1;
      break;
    }
    last = b;
    head.push(b);
  }
  if (bodyStart < 0)
    return serverError(
      500,
      'no empty line after the headers: print the headers, then an empty line ("\\n\\n"), then the body',
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(head));
  } catch {
    return serverError(502, 'the response headers are not valid UTF-8');
  }
  const headers: [string, string][] = [];
  let status: number | null = null;
  let contentType = false;
  let location = false;
  const lines = text.trim().split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const colon = line.indexOf(':');
    if (colon < 0)
      return serverError(502, `malformed header line ${n + 1}: "${line}" (expected "Name: value")`);
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!TOKEN.test(name))
      return serverError(502, `malformed header line ${n + 1}: "${name}" is not a header name`);
    if (
      [...value].some((ch) => (ch.charCodeAt(0) < 0x20 ? ch !== '\t' : ch.charCodeAt(0) === 0x7f))
    )
      return serverError(
        502,
        `malformed header line ${n + 1}: the value of ${name} has control characters`,
      );
    const lower = name.toLowerCase();
    if (lower === 'status') {
      const code = value.split(' ')[0];
      // http's StatusCode::from_str: three digits, 100..=999.
      if (!/^[1-9]\d\d$/.test(code))
        return serverError(502, `bad Status header: "${value}" (expected "Status: 404 Not Found")`);
      status = Number(code);
      continue;
    }
    if (lower === 'content-type') contentType = true;
    if (lower === 'location') location = true;
    // Spin keeps one value per name (the last).
    const i = headers.findIndex(([k]) => k === lower);
    if (i >= 0) headers.splice(i, 1);
    headers.push([lower, value]);
  }
  if (!contentType && !location && status === null)
    return serverError(500, "Exactly one of 'location' or 'content-type' must be specified");
  return {
    status: status ?? (location ? 302 : 200),
    headers,
    body: stdout.slice(bodyStart),
  };
}

/** The header's value (case-insensitive name), if present. */
export function header(headers: [string, string][], name: string): string | undefined {
  const n = name.toLowerCase();
  return headers.find(([k]) => k.toLowerCase() === n)?.[1];
}

/**
 * `Name: value` lines (a request composer's textarea) → header pairs, or why a line is wrong.
 * Empty lines are skipped.
 */
export function parseHeaderLines(
  text: string,
): { headers: [string, string][] } | { error: string } {
  const headers: [string, string][] = [];
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon).trim();
    if (colon < 0 || !TOKEN.test(name))
      return { error: `header line ${n + 1} is not "Name: value": ${line}` };
    headers.push([name, line.slice(colon + 1).trim()]);
  }
  return { headers };
}
