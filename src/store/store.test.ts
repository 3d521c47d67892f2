import { beforeEach, describe, expect, it } from 'vitest';
import { languageById } from '../languages/registry';
import { restoreDraft, sanitize, stashDraftFor } from './persistence';
import { useStore } from './store';

class MemoryStorage {
  private m = new Map<string, string>();
  getItem = (k: string) => this.m.get(k) ?? null;
  setItem = (k: string, v: string) => void this.m.set(k, String(v));
  removeItem = (k: string) => void this.m.delete(k);
  clear = () => this.m.clear();
}

const initial = useStore.getState();
beforeEach(() => {
  useStore.setState(initial, true);
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
});

describe('store slices', () => {
  it('keeps one source per language and loads examples with their run settings', () => {
    const s = useStore.getState();
    s.setSource(';; mine');
    s.setLanguage('c');
    expect(useStore.getState().sources.c).toBe(languageById.c.examples[0].source);
    s.loadExample('stdin');
    expect(useStore.getState().sources.c).toBe(
      languageById.c.examples.find((e) => e.id === 'stdin')!.source,
    );
    expect(useStore.getState().stdin).toBe('first line\nsecond line\nthe end\n');
    s.setLanguage('wat');
    expect(useStore.getState().sources.wat).toBe(';; mine');
  });

  it('sets compile options for the current language only', () => {
    useStore.getState().setLanguage('cpp');
    useStore.getState().setCompileOptions({ optLevel: '-O3', flags: '-DX' });
    const { compileOptions } = useStore.getState();
    expect(compileOptions.cpp).toEqual({ optLevel: '-O3', flags: '-DX' });
    expect(compileOptions.c).toEqual({ optLevel: '-O2', flags: '' });
  });
});

describe('persistence', () => {
  it('sanitize keeps well-formed fields and drops the rest', () => {
    const out = sanitize({
      language: 'cobol',
      sources: { wat: '(module)', c: 42, bogus: 'x' },
      stdin: 'in',
      args: 7,
      timeLimit: -3,
      theme: 'neon',
      compileOptions: { c: { optLevel: '-O9', flags: '-Wall' }, cpp: { optLevel: '-Os' } },
    });
    expect(out.language).toBeUndefined();
    expect(out.sources!.wat).toBe('(module)');
    expect(out.sources!.c).toBe(initial.sources.c);
    expect(out.stdin).toBe('in');
    expect(out.args).toBeUndefined();
    expect(out.timeLimit).toBeUndefined();
    expect(out.theme).toBeUndefined();
    expect(out.compileOptions!.c).toEqual({ optLevel: '-O2', flags: '-Wall' });
    expect(out.compileOptions!.cpp).toEqual({ optLevel: '-Os', flags: '' });
    expect(sanitize('garbage')).toEqual({});
    expect(sanitize(null)).toEqual({});
  });

  it('keeps the draft when shared code opens, also across two links in a row', () => {
    const save = (source: string) =>
      localStorage.setItem(
        'wasm-playground:state:v1',
        JSON.stringify({ language: 'wat', sources: { wat: source } }),
      );
    save(';; my draft');
    expect(stashDraftFor(';; shared one')).toBe(true);
    save(';; shared one'); // the autosave now holds the first shared program, unedited
    stashDraftFor(';; shared two');
    expect(restoreDraft()).toBe(true);
    expect(useStore.getState().sources.wat).toBe(';; my draft');
  });

  it('has no draft to restore on a fresh machine', () => {
    expect(stashDraftFor(';; shared')).toBe(false);
    expect(restoreDraft()).toBe(false);
  });
});
