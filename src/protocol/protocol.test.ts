import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('./', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('src/protocol: the worker contract', () => {
  it('is split by worker', () => {
    expect(files.sort()).toEqual([
      'compile.ts',
      'debug.ts',
      'format.ts',
      'inspect.ts',
      'run.ts',
      'server.ts',
    ]);
  });

  it.each(files)('%s imports nothing but other protocol files, and only types', (f) => {
    const text = readFileSync(new URL(f, dir), 'utf8');
    const imports = [...text.matchAll(/^(import|export)[^;]*?from '([^']+)'/gms)];
    for (const [stmt, , from] of imports) {
      expect(from, stmt).toMatch(/^\.\/\w+$/);
      expect(stmt, stmt).toMatch(/^(import|export) type /);
    }
    // No `import('…')` type queries reaching out either, and no values.
    expect(text).not.toMatch(/import\('/);
    expect(text).not.toMatch(/^export (const|let|function|class) /m);
  });
});
