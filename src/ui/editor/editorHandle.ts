/** Lets other panels act on the editor (Problems → jump to a position) without importing Monaco. */
export interface EditorHandle {
  reveal(line: number, column: number): void;
}

let handle: EditorHandle | null = null;
let markReady: () => void = () => {};

/** Resolves once an editor is on screen and usable. */
export const editorReady = new Promise<void>((resolve) => (markReady = resolve));

export function setEditorHandle(h: EditorHandle | null) {
  handle = h;
  if (h) markReady();
}

export function revealInEditor(line: number, column: number) {
  handle?.reveal(line, column);
}
