import { useEffect, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { Symbols } from '../../debug/dwarf/symbols';
import { lineOfOffset, rangesOf, useLineLink } from '../../debug/lineLink';

type Editor = Monaco.editor.IStandaloneCodeEditor;

/**
 * The WAT view's side of source ↔ WAT lines: the instructions of the source line selected in
 * the code editor are highlighted; the cursor on an instruction selects its source line. Only
 * for a module with DWARF (read once per module, in the debugger's chunk). Returns whether the
 * module has it.
 */
export function useWatLineLink(
  editor: Editor | null,
  wasm: Uint8Array | null,
  win: { from: number; offsets: number[] } | null,
): boolean {
  const [symbols, setSymbols] = useState<{ of: Uint8Array; symbols: Symbols | null } | null>(null);
  const source = useLineLink((s) => s.source);
  const current = symbols && symbols.of === wasm ? symbols.symbols : null;

  useEffect(() => {
    if (!wasm) return;
    let gone = false;
    void import('../../debug/dwarf/symbols').then(({ Symbols }) => {
      let read: Symbols | null = null;
      try {
        read = Symbols.read(wasm);
      } catch {
        // Debug info we cannot read links nothing.
      }
      if (!gone) setSymbols({ of: wasm, symbols: read });
    });
    return () => {
      gone = true;
    };
  }, [wasm]);

  // The selected source line's instructions, highlighted (and the first brought into view).
  useEffect(() => {
    if (!editor || !current || !win || !source) return;
    const ranges = rangesOf(current, source.file, source.line);
    const lines: number[] = [];
    win.offsets.forEach((o, i) => {
      if (o >= 0 && ranges.some(([a, b]) => o >= a && o < b)) lines.push(i + 1);
    });
    const deco = editor.createDecorationsCollection(
      lines.map((l) => ({
        range: { startLineNumber: l, startColumn: 1, endLineNumber: l, endColumn: 1 },
        options: { isWholeLine: true, className: 'linked-line', stickiness: 1 },
      })),
    );
    if (lines.length) editor.revealLineInCenterIfOutsideViewport(lines[0]);
    if (editor.getContainerDomNode().parentElement)
      editor.getContainerDomNode().dataset.linked = String(lines.length);
    return () => deco.clear();
  }, [editor, current, win, source]);

  // The cursor on an instruction: its source line.
  useEffect(() => {
    if (!editor || !current || !win) return;
    const sub = editor.onDidChangeCursorPosition((e) => {
      if (e.source === 'api') return;
      const o = win.offsets[e.position.lineNumber - 1];
      useLineLink.getState().patch({ fromWat: o >= 0 ? lineOfOffset(current, o) : null });
    });
    return () => sub.dispose();
  }, [editor, current, win]);

  return current !== null;
}
