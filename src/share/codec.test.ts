import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, type SharedState } from './codec';
import { deflateSync, strToU8 } from 'fflate';

const base: SharedState = {
  language: 'wat',
  source: '(module)',
  stdin: 'in',
  args: 'a "b c"',
  env: 'K=v',
  timeLimit: 5,
  compileOptions: { optLevel: '', flags: '' },
};

describe('share codec', () => {
  it('round-trips the state behind a v1 prefix, base64url without padding', () => {
    const enc = encodeShare(base);
    expect(enc).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(decodeShare(enc)).toEqual({ ok: true, state: base });
    expect(decodeShare('#' + enc)).toEqual({ ok: true, state: base });
  });

  it('round-trips unicode, empty and 100 KB sources', () => {
    for (const source of ['', 'héllo 世界 🎉 \u0000 "quotes" \\ \n\t', 'x'.repeat(100 * 1024)]) {
      const state = {
        ...base,
        language: 'assemblyscript' as const,
        source,
        compileOptions: { optLevel: '-O3', flags: '--noAssert' },
      };
      expect(decodeShare(encodeShare(state))).toEqual({ ok: true, state });
    }
  });

  it('compresses repetitive sources well', () => {
    expect(encodeShare({ ...base, source: 'x'.repeat(100 * 1024) }).length).toBeLessThan(1000);
  });

  it('rejects corrupt, truncated, foreign and future links with a message', () => {
    const enc = encodeShare({ ...base, source: 'some longer program text '.repeat(20) });
    const bad = [
      enc.slice(0, enc.length / 2),
      'v1.%%%',
      'v1.AAAA',
      'hello',
      '',
      'v2.abc',
      'v1.' + 'Zm9v',
    ];
    for (const link of bad) {
      const r = decodeShare(link);
      expect(r.ok, link).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
    }
    const future = decodeShare('v2.abc');
    expect(!future.ok && future.error).toMatch(/newer playground/);
  });

  it('rejects well-formed data that is not a program', () => {
    const payload = (o: unknown) =>
      'v1.' +
      btoa(String.fromCharCode(...deflateSync(strToU8(JSON.stringify(o)))))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    expect(decodeShare(payload({ language: 'cobol', source: 'x' })).ok).toBe(false);
    expect(decodeShare(payload({ language: 'wat' })).ok).toBe(false);
    expect(decodeShare(payload([1, 2]))).toMatchObject({ ok: false });
    // Missing optional fields get defaults.
    expect(decodeShare(payload({ language: 'wat', source: 's' }))).toMatchObject({
      ok: true,
      state: { stdin: '', timeLimit: 10 },
    });
  });
});
