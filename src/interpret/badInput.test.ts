// Bad input on every interpreter: a file that is not text, not UTF-8, or not a program at all
// ends with the interpreter's own clear error, never a hang or a crash of the worker.
import { beforeAll, describe, expect, it } from 'vitest';
import { runProgram, stubAssetFetch } from './testing';

const NOT_UTF8 = new Uint8Array([
  0x70, 0x72, 0x69, 0x6e, 0x74, 0x28, 0x22, 0xff, 0xfe, 0x22, 0x29, 0x0a,
]);
const BINARY = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x00, 0xff, 0x10]);

const cases = [
  { language: 'python', entry: 'main.py', variant: undefined },
  { language: 'python', entry: 'main.py', variant: 'pyodide' },
  { language: 'ruby', entry: 'main.rb', variant: undefined },
];

describe('interpreted languages: bad input', () => {
  beforeAll(stubAssetFetch);
  for (const c of cases) {
    const name = `${c.language}${c.variant ? ` (${c.variant})` : ''}`;
    it(`${name}: a file that is not UTF-8 and one that is binary end with an error`, async () => {
      for (const bytes of [NOT_UTF8, BINARY]) {
        const r = await runProgram(c.language, { [c.entry]: bytes }, c);
        expect(r.result.error).toBeUndefined();
        expect(r.result.exitCode).toBe(1);
        expect(r.stderr).toMatch(/^main\.(py|rb) is (binary|not UTF-8 text)/);
        expect(r.result.diagnostics?.[0]).toMatchObject({ line: 1 });
      }
      const ok = c.language === 'ruby' ? 'puts "ok"\n' : 'print("ok")\n';
      const after = await runProgram(c.language, { [c.entry]: ok }, c);
      expect(after.stdout).toBe('ok\n');
    }, 60_000);
  }
});
