import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, encodeShareV1, encodeShareV2, type SharedState } from './codec';
import { deflateSync, strToU8 } from 'fflate';

const base: SharedState = {
  language: 'wat',
  files: { 'main.wat': '(module)' },
  entry: 'main.wat',
  stdin: 'in',
  args: 'a "b c"',
  env: 'K=v',
  timeLimit: 5,
  compileOptions: { optLevel: '', flags: '' },
};

const settings = {
  language: 'wat' as const,
  stdin: 'in',
  args: 'a "b c"',
  env: 'K=v',
  timeLimit: 5,
  compileOptions: { optLevel: '', flags: '' },
};

describe('share codec', () => {
  it('round-trips a project behind a v2 prefix, base64url without padding', () => {
    const enc = encodeShare(base);
    expect(enc).toMatch(/^v2\.[A-Za-z0-9_-]+$/);
    expect(decodeShare(enc)).toEqual({ ok: true, state: base });
    expect(decodeShare('#' + enc)).toEqual({ ok: true, state: base });
  });

  it('carries every file: text, binary, unicode names, nested and empty folders', () => {
    const bytes = new Uint8Array(300).map((_, i) => (i * 7) & 255);
    const state: SharedState = {
      ...base,
      language: 'c',
      entry: 'src/main.c',
      files: {
        'src/main.c': 'int main(){}',
        'include/util.h': '#pragma once',
        'data/in.bin': bytes,
        'données/ünï 世界.txt': 'héllo',
        'out/': '',
      },
    };
    const r = decodeShare(encodeShare(state));
    expect(r).toEqual({ ok: true, state });
  });

  it('leaves out files over 1 MiB and names them', () => {
    const big = new Uint8Array(1024 * 1024 + 1);
    const { fragment, omitted } = encodeShareV2({
      ...base,
      files: { ...base.files, 'big.bin': big },
    });
    expect(omitted).toEqual(['big.bin']);
    const r = decodeShare(fragment);
    expect(r.ok && Object.keys(r.state.files)).toEqual(['main.wat']);
  });

  it('still opens v1 links: the source becomes the entry file', () => {
    const v1 = encodeShareV1({ ...settings, language: 'c', source: 'int main(){return 3;}' });
    expect(v1).toMatch(/^v1\./);
    expect(decodeShare(v1)).toEqual({
      ok: true,
      state: {
        ...settings,
        language: 'c',
        files: { 'main.c': 'int main(){return 3;}' },
        entry: 'main.c',
      },
    });
  });

  it('round-trips unicode, empty and 100 KB sources', () => {
    for (const source of ['', 'héllo 世界 🎉 \u0000 "quotes" \\ \n\t', 'x'.repeat(100 * 1024)]) {
      const state: SharedState = {
        ...base,
        language: 'assemblyscript',
        files: { 'main.ts': source },
        entry: 'main.ts',
        compileOptions: { optLevel: '-O3', flags: '--noAssert' },
      };
      expect(decodeShare(encodeShare(state))).toEqual({ ok: true, state });
    }
  });

  it('compresses repetitive sources well', () => {
    const files = { 'main.wat': 'x'.repeat(100 * 1024) };
    expect(encodeShare({ ...base, files }).length).toBeLessThan(1000);
  });

  it('rejects corrupt, truncated, foreign and future links with a message', () => {
    const enc = encodeShare({ ...base, files: { 'main.wat': 'some longer text '.repeat(20) } });
    const bad = [
      enc.slice(0, enc.length / 2),
      'v2.%%%',
      'v2.AAAA',
      'hello',
      '',
      'v1.Zm9v',
      'v3.abc',
    ];
    for (const link of bad) {
      const r = decodeShare(link);
      expect(r.ok, link).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
    }
    const future = decodeShare('v3.abc');
    expect(!future.ok && future.error).toMatch(/newer playground/);
  });

  it('rejects well-formed data that is not a program, or paths that escape', () => {
    const payload = (v: number, o: unknown) =>
      `v${v}.` +
      btoa(String.fromCharCode(...deflateSync(strToU8(JSON.stringify(o)))))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    expect(decodeShare(payload(1, { language: 'cobol', source: 'x' })).ok).toBe(false);
    expect(decodeShare(payload(1, { language: 'wat' })).ok).toBe(false);
    expect(decodeShare(payload(1, [1, 2]))).toMatchObject({ ok: false });
    const files = (f: unknown, entry = 'main.wat') =>
      decodeShare(payload(2, { language: 'wat', files: f, entry })).ok;
    expect(files({ 'main.wat': 'x' })).toBe(true);
    expect(files({ 'main.wat': 'x', '../etc/passwd': 'x' })).toBe(false);
    expect(files({ 'main.wat': 'x', '/abs': 'x' })).toBe(false);
    expect(files({ 'main.wat': 7 })).toBe(false);
    expect(files({ 'main.wat': 'x' }, 'missing.wat')).toBe(false);
    // Missing optional fields get defaults.
    expect(decodeShare(payload(1, { language: 'wat', source: 's' }))).toMatchObject({
      ok: true,
      state: { stdin: '', timeLimit: 10 },
    });
  });
});
