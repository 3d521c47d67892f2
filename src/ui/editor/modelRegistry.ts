import type * as Monaco from 'monaco-editor/editor/editor.api';

type MonacoNs = typeof Monaco;

/**
 * The one owner of Monaco text models: one model per URI, created once, disposed only when its
 * file goes away. Editors only attach to these models, so an editor that is unmounted and mounted
 * again (layout change, error-boundary reload, tab switch) finds the same model with its undo
 * history, and the cursor and scroll it left (`viewState`). Nothing else may call createModel.
 */
export interface ModelEntry {
  model: Monaco.editor.ITextModel;
  /** Cursor, selection and scroll the last editor left this model with. */
  viewState: Monaco.editor.ICodeEditorViewState | null;
}

const entries = new Map<string, ModelEntry>();
/** The same entries by model: an editor knows its model, not the key it was registered under. */
const byModel = new WeakMap<Monaco.editor.ITextModel, ModelEntry>();

/**
 * Returns the model for `uri`, creating it with `text` the first time. `onChange` is attached
 * once, at creation: later callers get the existing model and their `onChange` is not added.
 */
export function acquireModel(
  monaco: MonacoNs,
  uri: string,
  text: string,
  languageId: string,
  onChange: (value: string) => void,
): ModelEntry {
  const known = entries.get(uri);
  if (known && !known.model.isDisposed()) return known;
  const parsed = monaco.Uri.parse(uri);
  // A model Monaco still holds for this URI (created outside the registry, or left behind by a
  // registry entry that was dropped) is adopted rather than created twice: createModel would throw.
  const model =
    monaco.editor.getModel(parsed) ?? monaco.editor.createModel(text, languageId, parsed);
  model.onDidChangeContent(() => onChange(model.getValue()));
  const entry: ModelEntry = { model, viewState: null };
  entries.set(uri, entry);
  byModel.set(model, entry);
  return entry;
}

/** The model registered for `uri`, if any. */
export function findModel(uri: string): ModelEntry | undefined {
  const e = entries.get(uri);
  return e && !e.model.isDisposed() ? e : undefined;
}

/** Disposes the model of a file that went away. */
export function disposeModel(uri: string): void {
  const e = entries.get(uri);
  entries.delete(uri);
  e?.model.dispose();
}

/** Remembers where an editor left a model, so the next editor showing it starts there. */
export function saveViewState(editor: Monaco.editor.IStandaloneCodeEditor): void {
  const model = editor.getModel();
  if (!model) return;
  const e = byModel.get(model);
  if (e) e.viewState = editor.saveViewState();
}

/** Shows `entry` in `editor`, saving the view state of the model it replaces. */
export function attachModel(editor: Monaco.editor.IStandaloneCodeEditor, entry: ModelEntry): void {
  if (editor.getModel() === entry.model) return;
  saveViewState(editor);
  editor.setModel(entry.model);
  if (entry.viewState) editor.restoreViewState(entry.viewState);
}

/** The URIs of every model held. */
export function modelUris(): string[] {
  return [...entries.keys()];
}

/** How many models the registry holds (tests check that remounts create none). */
export function modelCount(): number {
  return entries.size;
}
