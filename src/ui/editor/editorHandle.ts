/** Lets other panels act on the editor (Problems → jump to a position) without importing Monaco. */
export interface EditorHandle {
  reveal(line: number, column: number): void;
}

let handle: EditorHandle | null = null;

export function setEditorHandle(h: EditorHandle | null) {
  handle = h;
}

export function revealInEditor(line: number, column: number) {
  handle?.reveal(line, column);
}
