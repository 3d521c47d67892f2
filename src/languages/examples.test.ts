// Every example of an interpreted language runs on its interpreter(s) as the page would run it.
import { beforeAll, describe, expect, it } from 'vitest';
import { runProgram, stubAssetFetch } from '../interpret/testing';
import { languages } from './registry';

const interpreted = languages.filter((l) => l.interpreter);

describe('the interpreted languages’ examples', () => {
  beforeAll(stubAssetFetch);
  for (const lang of interpreted)
    for (const variant of [undefined, lang.interpreter?.alternative?.id].filter(
      (v, i) => i === 0 || v,
    ))
      for (const ex of lang.examples)
        it(`${lang.id}${variant ? ` (${variant})` : ''}: ${ex.id}`, async () => {
          const r = await runProgram(
            lang.id,
            { [lang.fileName]: ex.source, ...ex.files },
            { entry: lang.fileName, stdin: ex.terminal ? '12\n' : (ex.stdin ?? ''), variant },
          );
          if (ex.id === 'error') {
            expect(r.result.exitCode).toBe(1);
            expect(r.result.diagnostics?.[0]).toMatchObject({ file: lang.fileName });
          } else {
            expect(r.stderr).toBe('');
            expect(r.result.exitCode).toBe(0);
            expect(r.stdout).not.toBe('');
          }
          if (ex.id === 'files')
            expect(r.result.changes?.changes).toEqual({ 'report.txt': 'created' });
        }, 60_000);
});
