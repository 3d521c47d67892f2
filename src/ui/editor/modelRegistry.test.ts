import { describe, expect, it } from 'vitest';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { acquireModel, disposeModel, findModel, modelCount } from './modelRegistry';

/** Just enough of Monaco's model service: like the real one, it throws on a second model per URI. */
function fakeMonaco() {
  const live = new Map<string, { value: string; disposed: boolean; listeners: (() => void)[] }>();
  let created = 0;
  const makeModel = (uri: string, value: string) => {
    const state = { value, disposed: false, listeners: [] as (() => void)[] };
    live.set(uri, state);
    created++;
    return {
      uri: { toString: () => uri },
      getValue: () => state.value,
      setValue(v: string) {
        state.value = v;
        state.listeners.forEach((l) => l());
      },
      isDisposed: () => state.disposed,
      onDidChangeContent: (l: () => void) => state.listeners.push(l),
      dispose() {
        state.disposed = true;
        live.delete(uri);
      },
    };
  };
  const models = new Map<string, ReturnType<typeof makeModel>>();
  const monaco = {
    Uri: { parse: (s: string) => s },
    editor: {
      getModel: (uri: string) => models.get(uri) ?? null,
      createModel(text: string, _lang: string, uri: string) {
        if (live.has(uri))
          throw new Error('ModelService: Cannot add model because it already exists!');
        const m = makeModel(uri, text);
        models.set(uri, m);
        return m;
      },
    },
  };
  return { monaco: monaco as unknown as typeof Monaco, created: () => created, models };
}

describe('modelRegistry', () => {
  it('creates a model once per URI, however often an editor asks', () => {
    const f = fakeMonaco();
    const changes: string[] = [];
    const a = acquireModel(f.monaco, 'file:///a/main.c', 'int x;', 'cpp', (v) => changes.push(v));
    const b = acquireModel(f.monaco, 'file:///a/main.c', 'other', 'cpp', () => {
      throw new Error('second onChange must not be attached');
    });
    expect(b).toBe(a);
    expect(f.created()).toBe(1);
    (a.model as unknown as { setValue(v: string): void }).setValue('int y;');
    expect(changes).toEqual(['int y;']);
    disposeModel('file:///a/main.c');
  });

  it('adopts a model Monaco already holds instead of creating a second one', () => {
    const f = fakeMonaco();
    f.monaco.editor.createModel('left behind', 'wat', 'file:///b/main.wat' as never);
    const e = acquireModel(f.monaco, 'file:///b/main.wat', 'new text', 'wat', () => {});
    expect(e.model.getValue()).toBe('left behind');
    expect(f.created()).toBe(1);
    disposeModel('file:///b/main.wat');
  });

  it('forgets and disposes a model whose file went away', () => {
    const f = fakeMonaco();
    const before = modelCount();
    const e = acquireModel(f.monaco, 'file:///c/x.c', '', 'cpp', () => {});
    expect(modelCount()).toBe(before + 1);
    disposeModel('file:///c/x.c');
    expect(e.model.isDisposed()).toBe(true);
    expect(findModel('file:///c/x.c')).toBeUndefined();
    expect(modelCount()).toBe(before);
  });
});
