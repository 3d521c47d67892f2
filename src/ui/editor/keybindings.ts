import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { Keybindings } from '../../store/settingsSlice';

/**
 * Turns on Vim (monaco-vim) or Emacs (monaco-emacs) key bindings in an editor; each loads on first
 * use. `status` shows the mode or the pending key sequence. Returns what turns them off again.
 */
export async function attachKeybindings(
  editor: Monaco.editor.IStandaloneCodeEditor,
  mode: Keybindings,
  status: HTMLElement,
): Promise<() => void> {
  status.textContent = '';
  if (mode === 'vim') {
    const { initVimMode } = await import('monaco-vim');
    const vim = initVimMode(editor, status);
    return () => {
      vim.dispose();
      status.textContent = '';
    };
  }
  if (mode === 'emacs') {
    const { EmacsExtension } = await import('monaco-emacs');
    const emacs = new EmacsExtension(editor);
    const show = (key: string) => (status.textContent = key ? `Emacs: ${key}` : 'Emacs');
    emacs.onDidChangeKey(show);
    emacs.onDidMarkChange((on) => (status.textContent = on ? 'Emacs: mark set' : 'Emacs'));
    emacs.start();
    show('');
    return () => {
      emacs.dispose();
      status.textContent = '';
    };
  }
  return () => {};
}
