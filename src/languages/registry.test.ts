import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilers } from './compilers';
import {
  formatterOf,
  guessLanguage,
  languageById,
  languageOfSource,
  languages,
  monacoLanguageOf,
} from './registry';

const here = new URL('./', import.meta.url);
const folders = readdirSync(here).filter(
  (d) =>
    statSync(new URL(d, here)).isDirectory() && readdirSync(new URL(d, here)).includes('meta.ts'),
);

/** Every source file of src/ outside src/languages (tests excepted). */
function sourcesOutside(): string[] {
  const src = new URL('../', import.meta.url);
  const out: string[] = [];
  const walk = (dir: URL, rel: string) => {
    for (const name of readdirSync(dir)) {
      const u = new URL(name, dir);
      if (statSync(u).isDirectory()) {
        if (rel === '' && name === 'languages') continue;
        walk(new URL(`${name}/`, dir), `${rel}${name}/`);
      } else if (/\.(ts|tsx)$/.test(name) && !name.includes('.test.')) out.push(`${rel}${name}`);
    }
  };
  walk(src, '');
  return out.map((f) => readFileSync(new URL(f, src), 'utf8'));
}

describe('the language registry: a language is one folder', () => {
  it('lists every language folder once, and each folder is a language', () => {
    expect(languages.map((l) => l.id).sort()).toEqual([...folders].sort());
  });

  it('has a compiler for every language (compiler.ts in its folder), and none more', () => {
    expect(Object.keys(compilers).sort()).toEqual(languages.map((l) => l.id).sort());
  });

  it('nothing outside src/languages imports a language folder', () => {
    for (const text of sourcesOutside())
      expect(text).not.toMatch(
        /from '[./]*languages\/(?!registry'|types'|compilers'|interpreters')[^']+'/,
      );
  });

  it('guesses a zip’s language by its entry, else its most numerous sources', () => {
    expect(guessLanguage(['main.cpp', 'util.c'])).toBe('cpp');
    expect(guessLanguage(['src/a.c', 'src/b.c', 'x.cpp'])).toBe('c');
    expect(guessLanguage(['lib/main.ts'])).toBe('assemblyscript');
    expect(guessLanguage(['readme.md'])).toBeNull();
  });

  it('colours headers in the project’s language and sources in their own', () => {
    expect(monacoLanguageOf('a.h', 'cpp')).toBe('cpp');
    expect(monacoLanguageOf('a.h', 'c')).toBe('c');
    expect(monacoLanguageOf('a.h', 'wat')).toBe('c');
    expect(monacoLanguageOf('x.wat', 'c')).toBe('wat');
    expect(monacoLanguageOf('notes.md', 'c')).toBe('markdown');
    expect(monacoLanguageOf('data.csv', 'c')).toBe('plaintext');
    expect(languageOfSource('b.cc')).toBe('cpp');
    expect(languageOfSource('b.h')).toBeNull();
  });

  it('tells the format worker the formatter of the file’s language', () => {
    expect(formatterOf('x.hpp', 'c')).toEqual({ formatter: 'clang-format', dialect: 'cpp' });
    expect(formatterOf('x.h', 'cpp')).toEqual({ formatter: 'clang-format', dialect: 'cpp' });
    expect(formatterOf('m.ts', 'wat')).toEqual({
      formatter: 'prettier-typescript',
      dialect: 'typescript',
    });
    expect(formatterOf('a.json', 'c')).toEqual({});
  });

  it('each meta is complete', () => {
    for (const l of languages) {
      expect(languageById[l.id]).toBe(l);
      expect(l.sources.length, l.id).toBeGreaterThan(0);
      expect(l.examples.length, l.id).toBeGreaterThan(0);
      expect(l.sources, l.id).toContain(l.fileName.split('.').pop());
    }
  });
});
