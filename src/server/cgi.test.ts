import { describe, expect, it } from 'vitest';
import { composeResponse, parseHeaderLines } from './cgi';

const enc = new TextEncoder();
const dec = new TextDecoder();
const parse = (s: string | Uint8Array) =>
  composeResponse(typeof s === 'string' ? enc.encode(s) : s);

describe('CGI response parsing (Spin compose_response)', () => {
  it('reads headers up to the empty line, LF or CRLF', () => {
    for (const nl of ['\n', '\r\n']) {
      const r = parse(`Content-Type: text/plain${nl}X-One: 1${nl}${nl}hello${nl}`);
      expect(r.status).toBe(200);
      expect(r.headers).toEqual([
        ['content-type', 'text/plain'],
        ['x-one', '1'],
      ]);
      expect(dec.decode(r.body)).toBe(`hello${nl}`);
    }
  });

  it('takes Status: CODE [text]; Location without a status is a 302', () => {
    expect(parse('Status: 404 Not Found\nContent-Type: text/plain\n\nno').status).toBe(404);
    const moved = parse('Location: /new\n\n');
    expect(moved.status).toBe(302);
    expect(moved.headers).toEqual([['location', '/new']]);
    expect(parse('Location: /x\nStatus: 301\n\n').status).toBe(301);
    expect(parse('Status: 204\n\n').status).toBe(204);
  });

  it('answers 500 for no output, no empty line, or none of the required headers', () => {
    expect(parse('').status).toBe(500);
    expect(parse('').error).toMatch(/wrote nothing/);
    expect(parse('Content-Type: text/plain\nno blank line').status).toBe(500);
    const r = parse('X-Only: 1\n\nbody');
    expect(r.status).toBe(500);
    expect(dec.decode(r.body)).toMatch(/Exactly one of 'location' or 'content-type'/);
  });

  it('answers 502 with the reason for malformed headers and a bad status', () => {
    const r = parse('Content-Type: text/plain\nthis is not a header\n\nx');
    expect(r.status).toBe(502);
    expect(r.error).toMatch(/malformed header line 2: "this is not a header"/);
    expect(parse('Bad Name: 1\nContent-Type: a/b\n\n').status).toBe(502);
    expect(parse('Status: abc\n\n').status).toBe(502);
    expect(parse('Status: 42\n\n').status).toBe(502);
  });

  it('keeps a binary body byte for byte', () => {
    const head = enc.encode('Content-Type: image/bmp\n\n');
    const bytes = new Uint8Array([0, 10, 10, 13, 255, 66]);
    const all = new Uint8Array(head.length + bytes.length);
    all.set(head);
    all.set(bytes, head.length);
    expect([...parse(all).body]).toEqual([...bytes]);
  });

  it('parses the composer’s header lines and says which line is wrong', () => {
    expect(parseHeaderLines('Accept: */*\n\nX-A:  b ')).toEqual({
      headers: [
        ['Accept', '*/*'],
        ['X-A', 'b'],
      ],
    });
    expect(parseHeaderLines('Accept */*')).toEqual({
      error: 'header line 1 is not "Name: value": Accept */*',
    });
  });
});
