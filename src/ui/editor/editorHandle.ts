/** Lets other panels act on the editor (Problems → jump to a position) without importing Monaco. */
export interface EditorHandle {
  /** Moves the cursor to a place, opening `file` (a project path) first when given. */
  reveal(line: number, column: number, file?: string): void;
  /** Formats the file in the editor (Monaco's Format Document); false when it cannot. */
  format(): Promise<boolean>;
}

let handle: EditorHandle | null = null;
let markReady: () => void = () => {};

/** Resolves once an editor is on screen and usable. */
export const editorReady = new Promise<void>((resolve) => (markReady = resolve));

export function setEditorHandle(h: EditorHandle | null) {
  handle = h;
  if (h) markReady();
}

export function revealInEditor(line: number, column: number, file?: string) {
  handle?.reveal(line, column, file);
}

/** Formats the file in the editor; false when there is no editor or it is read-only. */
export async function formatInEditor(): Promise<boolean> {
  return (await handle?.format()) ?? false;
}
