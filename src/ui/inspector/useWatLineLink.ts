import { useEffect, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { dwarfLineMap, sourceMapLineMap, useLineLink, type LineMap } from '../../debug/lineLink';
import { currentProject } from '../../store/projectSlice';
import { useStore } from '../../store/store';

type Editor = Monaco.editor.IStandaloneCodeEditor;

/**
 * The WAT view's side of source ↔ WAT lines: the instructions of the source line selected in
 * the code editor are highlighted; the cursor on an instruction selects its source line. For a
 * module with DWARF, or the source map its build made (read once per module, in the debugger's
 * chunk). Returns whether the module is linked.
 */
export function useWatLineLink(
  editor: Editor | null,
  wasm: Uint8Array | null,
  win: { from: number; offsets: number[] } | null,
): boolean {
  const [map, setMap] = useState<{ of: Uint8Array; map: LineMap | null } | null>(null);
  const source = useLineLink((s) => s.source);
  const sourceMap = useStore((s) => s.sourceMap);
  const current = map && map.of === wasm ? map.map : null;

  useEffect(() => {
    if (!wasm) return;
    let gone = false;
    void Promise.all([import('../../debug/dwarf/symbols'), import('../../debug/sourceMap')]).then(
      ([{ Symbols }, { readSourceMap }]) => {
        let read: LineMap | null = null;
        try {
          const symbols = Symbols.read(wasm);
          const files = currentProject(useStore.getState()).files;
          // The run's source map (AssemblyScript) when this is the module it was made with.
          const places =
            !symbols && sourceMap && useStore.getState().wasm?.byteLength === wasm.byteLength
              ? readSourceMap(sourceMap, (p) => (typeof files[p] === 'string' ? p : null))
              : null;
          read = symbols ? dwarfLineMap(symbols) : places?.size ? sourceMapLineMap(places) : null;
        } catch {
          // Debug info we cannot read links nothing.
        }
        if (!gone) setMap({ of: wasm, map: read });
      },
    );
    return () => {
      gone = true;
    };
  }, [wasm, sourceMap]);

  // The selected source line's instructions, highlighted (and the first brought into view).
  useEffect(() => {
    if (!editor || !current || !win || !source) return;
    const ranges = current.rangesOf(source.file, source.line);
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
      useLineLink.getState().patch({ fromWat: o >= 0 ? current.lineOf(o) : null });
    });
    return () => sub.dispose();
  }, [editor, current, win]);

  return current !== null;
}
