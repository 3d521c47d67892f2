import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Scratch scripts belong in an ignored folder (.scratch/) or /tmp, never at the repository root:
 * a script there looks like part of the product and was once committed by mistake.
 */
const ROOT_FILES = new Set([
  'eslint.config.js',
  'playwright.config.ts',
  'vite.config.ts',
  'index.html',
  'embed.html',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'README.md',
  '.prettierrc.json',
]);
const SCRIPT = /\.(?:[cm]?[jt]sx?|sh|py|html|json|md)$/;

describe('repository layout', () => {
  it('has no stray script at the root', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const stray = readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isFile() && SCRIPT.test(e.name) && !ROOT_FILES.has(e.name))
      .map((e) => e.name);
    expect(stray, 'move these to .scratch/ (ignored) or /tmp').toEqual([]);
  });
});
