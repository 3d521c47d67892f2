import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { languageById } from '../languages/registry';
import { loadPersisted, migrateV1, sanitizeProject, sanitizeSettings, V1_KEY } from './persistence';
import { currentProject, entrySource } from './projectSlice';
import { useStore } from './store';
import * as db from '../project/projectDb';

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

describe('project slice', () => {
  it('keeps one project per language open in turn, and examples with their run settings', () => {
    const s = useStore.getState();
    s.setSource(';; mine');
    s.setLanguage('c');
    expect(entrySource(useStore.getState())).toBe(languageById.c.examples[0].source);
    s.loadExample('stdin');
    expect(entrySource(useStore.getState())).toBe(
      languageById.c.examples.find((e) => e.id === 'stdin')!.source,
    );
    expect(useStore.getState().stdin).toBe('first line\nsecond line\nthe end\n');
    s.setLanguage('wat');
    expect(entrySource(useStore.getState())).toBe(';; mine');
  });

  it('replaces an untouched example in place, but keeps edited work as its own project', () => {
    const s = useStore.getState();
    s.setLanguage('c');
    const count = () => Object.keys(useStore.getState().projects).length;
    const n = count();
    s.loadExample('sieve');
    s.loadExample('hello');
    expect(count()).toBe(n);
    s.setSource('int main(void) { return 7; }');
    s.loadExample('sieve');
    expect(count()).toBe(n + 1);
    const mine = Object.values(useStore.getState().projects).find(
      (p) => p.files['main.c'] === 'int main(void) { return 7; }',
    );
    expect(mine).toBeDefined();
  });

  it('writes, moves, removes and restores files; tabs follow', () => {
    const s = useStore.getState();
    s.writeFile('src/a.c', 'a');
    s.writeFile('src/b.h', 'b');
    s.openFile('src/a.c');
    expect(useStore.getState().openTabs).toEqual(['main.wat', 'src/a.c']);
    s.movePath('src/', 'lib/');
    let st = useStore.getState();
    expect(Object.keys(currentProject(st).files).sort()).toEqual([
      'lib/a.c',
      'lib/b.h',
      'main.wat',
    ]);
    expect(st.activePath).toBe('lib/a.c');
    const removed = s.removePath('lib/');
    st = useStore.getState();
    expect(Object.keys(removed).sort()).toEqual(['lib/a.c', 'lib/b.h']);
    expect(st.activePath).toBe('main.wat');
    expect(st.openTabs).toEqual(['main.wat']);
    s.writeFiles(removed);
    expect(currentProject(useStore.getState()).files['lib/a.c']).toBe('a');
  });

  it('Keep copies a file the run wrote into the project', () => {
    const s = useStore.getState();
    s.setRunChanges({
      changes: { 'out.txt': 'created' },
      after: { 'out.txt': new TextEncoder().encode('result\n') },
    });
    s.keepFile('out.txt');
    const st = useStore.getState();
    expect(currentProject(st).files['out.txt']).toBe('result\n');
    expect(st.runChanges!.changes['out.txt']).toBeUndefined();
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
  it('sanitizeSettings keeps well-formed fields and drops the rest', () => {
    const out = sanitizeSettings({
      stdin: 'in',
      args: 7,
      timeLimit: -3,
      theme: 'neon',
      compileOptions: { c: { optLevel: '-O9', flags: '-Wall' }, cpp: { optLevel: '-Os' } },
    });
    expect(out.stdin).toBe('in');
    expect(out.args).toBeUndefined();
    expect(out.timeLimit).toBeUndefined();
    expect(out.theme).toBeUndefined();
    expect(out.compileOptions!.c).toEqual({ optLevel: '-O2', flags: '-Wall' });
    expect(out.compileOptions!.cpp).toEqual({ optLevel: '-Os', flags: '' });
    expect(sanitizeSettings('garbage')).toEqual({});
  });

  it('sanitizeSettings keeps known editor preferences and defaults the rest', () => {
    expect(
      sanitizeSettings({ editorPrefs: { keybindings: 'vim', tabSize: 4, wordWrap: true } })
        .editorPrefs,
    ).toEqual({ keybindings: 'vim', tabSize: 4, wordWrap: true, minimap: false });
    expect(
      sanitizeSettings({ editorPrefs: { keybindings: 'ed', tabSize: 3, minimap: 'yes' } })
        .editorPrefs,
    ).toEqual({ keybindings: 'default', tabSize: 2, wordWrap: false, minimap: false });
  });

  it('sanitizeProject drops bad paths and values, and supplies a missing entry', () => {
    const p = sanitizeProject({
      id: 'x',
      name: 'n',
      language: 'c',
      entry: 'main.c',
      files: { '../evil': 'x', 'a.bin': new Uint8Array([1]), 'n.txt': 5, 'd/': '' },
    });
    expect(Object.keys(p!.files).sort()).toEqual(['a.bin', 'd/', 'main.c']);
    expect(sanitizeProject({ id: 'x', language: 'cobol' })).toBeNull();
  });

  it('migrates the version 1 autosave: each edited language becomes a project, none is lost', () => {
    // Exactly what version 1 wrote (pickSaved of its store) for someone who edited wat and c.
    const v1 = {
      language: 'c',
      sources: {
        wat: ';; my wat\n(module)',
        assemblyscript: languageById.assemblyscript.examples[0].source,
        c: 'int main(void) { return 4; }',
        cpp: languageById.cpp.examples[0].source,
      },
      stdin: 'typed stdin',
      args: '-v',
      env: 'A=1',
      timeLimit: 3,
      theme: 'dark',
      compileOptions: { c: { optLevel: '-O3', flags: '-Wall' } },
    };
    const draft = { language: 'wat', sources: { wat: ';; set aside by a link' } };
    const m = migrateV1(v1, draft);
    expect(m.projects.map((p) => [p.language, p.files[p.entry]])).toEqual([
      ['wat', ';; my wat\n(module)'],
      ['c', 'int main(void) { return 4; }'],
      ['wat', ';; set aside by a link'],
    ]);
    expect(m.projects.find((p) => p.id === m.currentId)!.language).toBe('c');
    expect(m.settings).toMatchObject({ stdin: 'typed stdin', timeLimit: 3, theme: 'dark' });
  });

  it('loads the migrated v1 autosave into the store on the first start, then from IndexedDB', async () => {
    localStorage.setItem(
      V1_KEY,
      JSON.stringify({ language: 'assemblyscript', sources: { assemblyscript: '// mine' } }),
    );
    await loadPersisted();
    const st = useStore.getState();
    expect(st.language).toBe('assemblyscript');
    expect(entrySource(st)).toBe('// mine');
    // Once saved, the projects come back from IndexedDB.
    await db.save(currentProject(st));
    useStore.setState(initial, true);
    localStorage.setItem(
      'wasm-playground:settings:v2',
      JSON.stringify({ currentId: st.currentId }),
    );
    await loadPersisted();
    expect(entrySource(useStore.getState())).toBe('// mine');
  });
});
