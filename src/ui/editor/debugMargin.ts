// The editor's debug gutter: breakpoints (a click in the gutter or F9; red dots, hollow where
// the debug build cannot stop), the paused line (highlighted, with an arrow beside the line
// numbers), and breakpoints that move with the text as lines are added above them.
import { useEffect } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { useDebug, type PlacedBreakpoint } from '../../debug/state';
import { useLineLink } from '../../debug/lineLinkState';
import { languages } from '../../languages/registry';
import { currentProject } from '../../store/projectSlice';
import { useStore } from '../../store/store';
import { toggleBreakpoint } from '../../project/breakpoints';

type MonacoNs = typeof Monaco;

/** The editor languages of the languages Debug runs. */
const DEBUGGABLE = [
  ...new Set(languages.filter((l) => l.debugFlags !== undefined).map((l) => l.monacoId)),
];
type Editor = Monaco.editor.IStandaloneCodeEditor;

/** Toggles the breakpoint on `line` of the active file. */
export function toggleLine(line: number): void {
  const s = useStore.getState();
  const path = s.activePath;
  const next = toggleBreakpoint(currentProject(s).breakpoints, path, line);
  s.setBreakpoints(path, next?.[path] ?? []);
  void import('../../debug/session').then((d) => d.breakpointsChanged());
}

/** A glyph-margin widget: a DOM node of ours (test ids and titles) on a line. */
function glyph(
  monaco: MonacoNs,
  id: string,
  line: number,
  node: HTMLElement,
): Monaco.editor.IGlyphMarginWidget {
  return {
    getId: () => id,
    getDomNode: () => node,
    getPosition: () => ({
      lane: monaco.editor.GlyphMarginLane.Center,
      zIndex: 10,
      range: { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: 1 },
    }),
  };
}

function breakpointNode(file: string, line: number, placed?: PlacedBreakpoint): HTMLElement {
  const n = document.createElement('div');
  n.className = `debug-breakpoint${placed && !placed.verified ? ' hollow' : ''}`;
  n.dataset.testid = 'breakpoint';
  n.dataset.file = file;
  n.dataset.line = String(line);
  n.title =
    placed && !placed.verified
      ? `Breakpoint not set: ${placed.reason}`
      : `Breakpoint on line ${line} (F9 removes it)`;
  return n;
}

/** Breakpoints, the paused line and the gutter's click for the editor showing `path`. */
export function useDebugMargin(
  api: { monaco: MonacoNs; editor: Editor } | null,
  projectId: string,
  path: string,
): void {
  const breakpoints = useStore((s) => currentProject(s).breakpoints?.[path]);
  const placed = useDebug((s) => s.placed[path]);
  const pause = useDebug((s) => s.pause);
  const selected = useDebug((s) => s.selected);
  const frame = pause?.frames[selected];
  const pausedLine = frame && frame.file === path ? frame.line : null;

  // A click in the glyph margin or on a line number toggles that line's breakpoint; F9 the
  // cursor's line.
  useEffect(() => {
    if (!api) return;
    const { monaco, editor } = api;
    editor.updateOptions({ glyphMargin: true });
    const T = monaco.editor.MouseTargetType;
    const down = editor.onMouseDown((e) => {
      if (e.target.type !== T.GUTTER_GLYPH_MARGIN || !e.target.position) return;
      toggleLine(e.target.position.lineNumber);
    });
    const f9 = editor.addAction({
      id: 'playground.toggleBreakpoint',
      label: 'Toggle Breakpoint',
      keybindings: [monaco.KeyCode.F9],
      run: () => {
        const pos = editor.getPosition();
        if (pos) toggleLine(pos.lineNumber);
      },
    });
    // While paused, a variable under the mouse shows its value (the selected frame's).
    const hover = monaco.languages.registerHoverProvider(DEBUGGABLE, {
      provideHover(model, position) {
        const d = useDebug.getState();
        if (d.status !== 'paused' || model !== editor.getModel()) return null;
        const word = model.getWordAtPosition(position);
        const v = word && d.variables.find((x) => x.name === word.word.replace(/^\$/, ''));
        if (!word || !v) return null;
        return {
          range: new monaco.Range(
            position.lineNumber,
            word.startColumn,
            position.lineNumber,
            word.endColumn,
          ),
          contents: [
            { value: `\`${v.name}\`: ${v.type} = **${v.text.replace(/[*_`]/g, '\\$&')}**` },
          ],
        };
      },
    });
    return () => {
      down.dispose();
      f9.dispose();
      hover.dispose();
    };
  }, [api]);

  // The dots, where the debug build placed them (a line with no code moves to the next).
  useEffect(() => {
    if (!api) return;
    const widgets = (breakpoints ?? []).map((line) => {
      const at =
        placed?.find((p) => p.line === line) ?? placed?.find((p) => !p.verified && p.line === line);
      return glyph(
        api.monaco,
        `bp:${projectId}:${path}:${line}`,
        line,
        breakpointNode(path, line, at),
      );
    });
    widgets.forEach((w) => api.editor.addGlyphMarginWidget(w));
    return () => widgets.forEach((w) => api.editor.removeGlyphMarginWidget(w));
  }, [api, projectId, path, breakpoints, placed]);

  // The paused line: highlighted, an arrow in the gutter, scrolled into view.
  useEffect(() => {
    if (!api || pausedLine === null || !frame) return;
    const { monaco, editor } = api;
    const model = editor.getModel();
    if (!model || pausedLine > model.getLineCount()) return;
    const decorations: Monaco.editor.IModelDeltaDecoration[] = [
      {
        range: new monaco.Range(pausedLine, 1, pausedLine, 1),
        options: {
          isWholeLine: true,
          className: pause?.reason === 'trap' ? 'debug-trap-line' : 'debug-paused-line',
          // The arrow, between the line numbers and the text (the glyph margin is the dots').
          linesDecorationsClassName: 'debug-paused-arrow',
        },
      },
    ];
    // An instruction-level pause marks the instruction itself.
    if (frame.column && frame.length)
      decorations.push({
        range: new monaco.Range(pausedLine, frame.column, pausedLine, frame.column + frame.length),
        options: { inlineClassName: 'debug-paused-instruction' },
      });
    const deco = editor.createDecorationsCollection(decorations);
    editor.revealLineInCenterIfOutsideViewport(pausedLine);
    return () => deco.clear();
  }, [api, path, pausedLine, frame, pause]);

  // Source ↔ WAT lines: the cursor's line is the selected source line; the line of the
  // instruction selected in the inspector's WAT view is highlighted.
  const fromWat = useLineLink((l) => l.fromWat);
  useEffect(() => {
    if (!api) return;
    const sub = api.editor.onDidChangeCursorPosition((e) =>
      useLineLink.getState().patch({ source: { file: path, line: e.position.lineNumber } }),
    );
    return () => sub.dispose();
  }, [api, path]);
  useEffect(() => {
    if (!api || !fromWat || fromWat.file !== path) return;
    const { monaco, editor } = api;
    const deco = editor.createDecorationsCollection([
      {
        range: new monaco.Range(fromWat.line, 1, fromWat.line, 1),
        options: { isWholeLine: true, className: 'linked-line' },
      },
    ]);
    editor.revealLineInCenterIfOutsideViewport(fromWat.line);
    return () => deco.clear();
  }, [api, path, fromWat]);

  // Breakpoints follow their lines when text is inserted or deleted above them.
  useEffect(() => {
    if (!api || !breakpoints?.length) return;
    const { monaco, editor } = api;
    const model = editor.getModel();
    if (!model) return;
    const Stick = monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges;
    const deco = editor.createDecorationsCollection(
      breakpoints
        .filter((l) => l <= model.getLineCount())
        .map((l) => ({ range: new monaco.Range(l, 1, l, 1), options: { stickiness: Stick } })),
    );
    const sub = model.onDidChangeContent(() => {
      const now = deco
        .getRanges()
        .map((r) => r.startLineNumber)
        .filter((l, i, all) => all.indexOf(l) === i);
      const same = now.length === breakpoints.length && now.every((l, i) => l === breakpoints[i]);
      if (!same) useStore.getState().setBreakpoints(path, now);
    });
    return () => {
      sub.dispose();
      deco.clear();
    };
  }, [api, path, breakpoints]);
}
