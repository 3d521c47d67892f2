import type * as Monaco from 'monaco-editor/editor/editor.api';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The next (or previous) focusable element outside `host`, in document order. */
function neighbour(host: HTMLElement, backwards: boolean): HTMLElement | null {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !host.contains(el) && el.offsetParent !== null && !el.closest('[hidden],[inert]'),
  );
  const after = (el: HTMLElement) =>
    (host.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  return backwards
    ? ([...all].reverse().find((el) => !after(el)) ?? null)
    : (all.find(after) ?? null);
}

/**
 * Escape, then Tab (or Shift+Tab), leaves the editor for the next (previous) control on the page,
 * as in VS Code's and GitHub's editors: Tab alone still indents. (Ctrl+M switches Tab to moving
 * focus for good.)
 */
export function escapeThenTabLeaves(
  editor: Monaco.editor.IStandaloneCodeEditor,
  host: HTMLElement,
) {
  let armed = false;
  return editor.onKeyDown((e) => {
    const key = e.browserEvent.key;
    if (key === 'Escape') {
      armed = true;
      return;
    }
    if (armed && key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      const target = neighbour(host, e.shiftKey);
      if (target) {
        e.preventDefault();
        e.stopPropagation();
        target.focus();
      }
    }
    if (key !== 'Shift') armed = false;
  });
}
