import { useCallback, useRef, useState } from 'react';
import { type Keybindings, TAB_SIZES } from '../../store/settingsSlice';
import { useStore } from '../../store/store';
import { useDialogFocus } from '../useDialogFocus';
import { formatInEditor } from './editorHandle';
import '../Dialog.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const FORMAT_KEYS = isMac ? '⇧⌥F' : 'Shift+Alt+F';

/** Format and the editor preferences, at the end of the file tabs row. */
export function EditorTools() {
  const editable = useStore((s) => {
    const v = s.projects[s.currentId]?.files[s.activePath];
    return typeof v === 'string' && s.previewPath === null;
  });
  const [busy, setBusy] = useState(false);
  const format = async () => {
    setBusy(true);
    try {
      if (!(await formatInEditor()))
        useStore.getState().patchUi({
          toast: { tone: 'warn', text: 'Not formatted: the editor is read-only' },
          toastAction: null,
        });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="editor-tools">
      <button
        className="small"
        data-testid="format-button"
        title={`Format the file (${FORMAT_KEYS})`}
        aria-disabled={!editable || busy}
        onClick={() => editable && !busy && void format()}
      >
        {busy ? 'Formatting…' : 'Format'}
      </button>
      <EditorPrefsButton />
    </div>
  );
}

/** Key bindings, tab size, word wrap and minimap, in a small non-modal dialog. */
function EditorPrefsButton() {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDialogFocus(open, close, panel, opener, { modal: false });
  const prefs = useStore((s) => s.editorPrefs);
  const set = useStore((s) => s.setEditorPrefs);
  return (
    <>
      <button
        ref={opener}
        className="small"
        data-testid="editor-prefs-button"
        aria-expanded={open}
        aria-haspopup="dialog"
        title="Editor preferences: key bindings, tab size, word wrap, minimap"
        onClick={() => setOpen((o) => !o)}
      >
        {prefs.keybindings === 'default' ? 'Editor' : `Editor: ${LABELS[prefs.keybindings]}`} ▾
      </button>
      {open && (
        <div
          ref={panel}
          className="popover editor-prefs"
          role="dialog"
          aria-label="Editor preferences"
          data-testid="editor-prefs"
        >
          <label>
            Key bindings
            <select
              data-testid="keybindings-select"
              value={prefs.keybindings}
              onChange={(e) => set({ keybindings: e.target.value as Keybindings })}
            >
              <option value="default">{LABELS.default}</option>
              <option value="vim">{LABELS.vim}</option>
              <option value="emacs">{LABELS.emacs}</option>
            </select>
          </label>
          <label>
            Tab size
            <select
              data-testid="tab-size-select"
              value={prefs.tabSize}
              onChange={(e) => set({ tabSize: Number(e.target.value) })}
            >
              {TAB_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n} spaces
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              data-testid="word-wrap"
              checked={prefs.wordWrap}
              onChange={(e) => set({ wordWrap: e.target.checked })}
            />
            Word wrap
          </label>
          <label className="check">
            <input
              type="checkbox"
              data-testid="minimap"
              checked={prefs.minimap}
              onChange={(e) => set({ minimap: e.target.checked })}
            />
            Minimap
          </label>
          <p className="hint">
            Format: {FORMAT_KEYS}. C and C++ use clang-format (a <code>.clang-format</code> file in
            the project is its style), AssemblyScript Prettier, WAT our indenter.
          </p>
          <button className="small" onClick={close}>
            Close
          </button>
        </div>
      )}
    </>
  );
}

const LABELS: Record<Keybindings, string> = { default: 'Standard', vim: 'Vim', emacs: 'Emacs' };
