import { useCallback, useDeferredValue, useEffect, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { demangle } from '../../inspect/demangle';
import { WAT_WINDOW, type WatLines } from '../../inspect/watDocument';
import { watConfiguration, watLanguage } from '../../wasm/watGrammar';
import { loadWat, useInspect } from '../../inspect/state';
import { inspectCall } from '../../inspect/client';
import { jumpToSource } from './SizesView';
import { useWatLineLink } from './useWatLineLink';

/**
 * The module as WebAssembly text, in a read-only Monaco with the WAT grammar: fold per function,
 * a go-to-function box, byte offsets in the gutter on demand, and a jump to the function's source.
 *
 * The inspect worker keeps the whole text; the editor holds a window of WAT_WINDOW lines of it
 * (all of a module up to that size). Scrolling near a window's edge, going to a function and
 * Find in module move the window; the gutter shows the line numbers of the whole text.
 */

/** Scrolling within this many lines of a window's edge moves the window. */
const EDGE = 120;

/** The functions of the window on screen (editor lines): the folds of the module view. */
let foldFunctions: { line: number }[] = [];
let languageId: string | null = null;

/**
 * The inspector's own language: WAT's grammar, and one fold per function from the disassembly
 * (Monaco's indentation folding would walk every line after each edit).
 */
function registerModuleLanguage(monaco: typeof Monaco): string {
  if (languageId) return languageId;
  languageId = 'wat-module';
  monaco.languages.register({ id: languageId });
  monaco.languages.setMonarchTokensProvider(languageId, watLanguage);
  monaco.languages.setLanguageConfiguration(languageId, watConfiguration);
  monaco.languages.registerFoldingRangeProvider(languageId, {
    provideFoldingRanges(model) {
      const last = model.getLineCount();
      return foldFunctions
        .map((f, i) => ({
          start: f.line,
          end: Math.min(last, (foldFunctions[i + 1]?.line ?? last + 1) - 1),
        }))
        .filter((r) => r.end > r.start);
    },
  });
  return languageId;
}

/** Where to put the view once a window is in the editor (lines of the whole text, 0-based). */
interface Place {
  line: number;
  /** Pixels scrolled past that line's top (keeps a scroll continuous across windows). */
  scrolled?: number;
  /** A match to select: its 1-based column and length. */
  column?: number;
  length?: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/** Scrolls and selects as `p` says, in an editor holding the window that starts at `from`. */
function putView(editor: Monaco.editor.IStandaloneCodeEditor, p: Place, from: number) {
  const line = clamp(p.line - from + 1, 1, editor.getModel()?.getLineCount() ?? 1);
  if (p.scrolled !== undefined) {
    editor.setScrollTop(editor.getTopForLineNumber(line) + p.scrolled);
  } else if (p.column !== undefined) {
    const range = {
      startLineNumber: line,
      startColumn: p.column,
      endLineNumber: line,
      endColumn: p.column + (p.length ?? 0),
    };
    editor.setSelection(range);
    editor.revealRangeInCenter(range);
  } else {
    editor.revealLineNearTop(line);
    editor.setPosition({ lineNumber: line, column: 1 });
  }
}

export function WatView({ dark, active }: { dark: boolean; active: boolean }) {
  const wat = useInspect((s) => s.wat);
  const busy = useInspect((s) => s.watBusy);
  const error = useInspect((s) => s.watError);
  const wasm = useInspect((s) => s.wasm);
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const [offsets, setOffsets] = useState(false);
  // The chosen function, for the module it was chosen in (a new module starts with none).
  const [chosen, setChosen] = useState<{ of: unknown; name: string }>({ of: null, name: '' });
  const fn = chosen.of === wat?.key ? chosen.name : '';
  // The window in the editor, for the module it belongs to (a new module starts at its top).
  const [held, setHeld] = useState<{ of: unknown; lines: WatLines } | null>(null);
  const win = held && held.of === wat?.key ? held.lines : (wat?.first ?? null);
  // The outline grows while a big module's rest is disassembled; the window stays.
  const outline = useRef(wat);
  useEffect(() => {
    outline.current = wat;
  }, [wat]);
  const windowed = !!wat && !!win && wat.lineCount > win.count;
  const linked = useWatLineLink(editor, wasm, win);
  // The go-to box's thousands of options are made in a render React can interrupt.
  const options = useDeferredValue(wat?.functions);
  const [query, setQuery] = useState('');
  const [findNote, setFindNote] = useState('');
  const place = useRef<Place | null>(null);
  /** A window is being fetched or put in: scroll events then are ours, not the user's. */
  const moving = useRef(false);

  // Disassembled only when shown (small modules are already, right after their sizes).
  useEffect(() => {
    if (active && wasm && !wat) void loadWat();
  }, [active, wasm, wat]);

  useEffect(() => {
    let ed: Monaco.editor.IStandaloneCodeEditor | undefined;
    let gone = false;
    void import('../editor/monaco').then(({ monaco }) => {
      if (gone || !host.current) return;
      const model = monaco.editor.createModel('', registerModuleLanguage(monaco));
      ed = monaco.editor.create(host.current, {
        readOnly: true,
        automaticLayout: true,
        minimap: { enabled: false },
        // The code editor's size: Monaco then reuses its font measurement (a forced layout of
        // the whole page otherwise).
        fontSize: 14,
        scrollBeyondLastLine: false,
        folding: true,
        // No wrapping: Monaco then measures no line when text is set.
        wordWrap: 'off',
        wrappingStrategy: 'simple',
        bracketPairColorization: { enabled: false },
        guides: { bracketPairs: false, indentation: false },
        matchBrackets: 'never',
        occurrencesHighlight: 'off',
        stickyScroll: { enabled: false },
        largeFileOptimizations: true,
        model,
      });
      setEditor(ed);
    });
    return () => {
      gone = true;
      ed?.getModel()?.dispose();
      ed?.dispose();
    };
  }, []);

  useEffect(() => {
    void import('../editor/monaco').then(({ monaco }) =>
      monaco.editor.setTheme(dark ? 'playground-dark' : 'playground-light'),
    );
  }, [dark]);

  // The window into the editor, then the view where it was asked to be.
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    const from = win?.from ?? 0;
    const end = from + (win?.count ?? 0);
    // Bracket-pair colours parse the whole text on the next paint; the code editor's options
    // switch them back on for every model.
    if (model.getOptions().bracketPairColorizationOptions.enabled)
      model.updateOptions({
        bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false },
      });
    foldFunctions = (outline.current?.functions ?? [])
      .filter((f) => f.line - 1 >= from && f.line - 1 < end)
      .map((f) => ({ line: f.line - from }));
    moving.current = true;
    model.setValue(win?.text ?? '');
    const p = place.current;
    place.current = null;
    if (p && win) putView(editor, p, from);
    moving.current = false;
    if (host.current) host.current.dataset.from = String(from);
  }, [editor, win]);

  // For tests and `npm run bench`: text is in the editor; how many functions are reachable.
  useEffect(() => {
    if (!host.current || !editor) return;
    host.current.dataset.functions = String(wat?.functions.length ?? '');
    host.current.dataset.lines = String(wat?.lineCount ?? '');
    host.current.dataset.done = String(wat?.done ?? '');
  }, [editor, wat, win]);

  // Line numbers of the whole text, or each line's byte offset.
  useEffect(() => {
    if (!editor || !wat || !win) return;
    const hex = (o: number) => (o >= 0 ? o.toString(16).padStart(6, '0') : '');
    const digits = String(wat.lineCount).length;
    editor.updateOptions({
      lineNumbers: offsets
        ? (n: number) => hex(win.offsets[n - 1] ?? -1)
        : win.from
          ? (n: number) => String(n + win.from)
          : 'on',
      lineNumbersMinChars: offsets ? 7 : Math.max(5, digits + 1),
    });
  }, [editor, wat, win, offsets]);

  /**
   * Puts the view at `p`: in the lines held when they have it, else (or when `move`) in a new
   * window centred on it.
   */
  const show = useCallback(
    async (p: Place, move = false) => {
      if (!wat || !editor) return;
      if (!move && win && p.line >= win.from && p.line < win.from + win.count) {
        putView(editor, p, win.from);
        return;
      }
      const from = clamp(p.line - WAT_WINDOW / 2, 0, Math.max(0, wat.lineCount - WAT_WINDOW));
      moving.current = true;
      try {
        const lines = await inspectCall((api) => api.watLines(wat.key, from, from + WAT_WINDOW));
        if (useInspect.getState().wat?.key !== wat.key) return;
        place.current = p;
        setHeld({ of: wat.key, lines });
      } finally {
        moving.current = false;
      }
    },
    [wat, win, editor],
  );

  // Scrolling near an edge of the window moves it, keeping the lines on screen where they are.
  useEffect(() => {
    if (!editor || !windowed || !win || !wat) return;
    const sub = editor.onDidScrollChange((e) => {
      if (!e.scrollTopChanged || moving.current) return;
      const ranges = editor.getVisibleRanges();
      if (!ranges.length) return;
      const first = ranges[0].startLineNumber;
      const last = ranges[ranges.length - 1].endLineNumber;
      const nearEnd = last > win.count - EDGE && win.from + win.count < wat.lineCount;
      const nearStart = first < EDGE && win.from > 0;
      if (!nearEnd && !nearStart) return;
      void show(
        {
          line: win.from + first - 1,
          scrolled: editor.getScrollTop() - editor.getTopForLineNumber(first),
        },
        true,
      ).catch(() => {});
    });
    return () => sub.dispose();
  }, [editor, windowed, win, wat, show]);

  const go = (name: string) => {
    setChosen({ of: wat?.key, name });
    const f = wat?.functions.find((x) => x.name === name);
    if (f) void show({ line: f.line - 1 }).catch(() => {});
  };

  /** Find in module: the next (or previous) occurrence in the whole text, from the cursor. */
  const find = async (backwards: boolean) => {
    if (!wat || !editor || !win || !query) return;
    const pos = editor.getSelection();
    const line = win.from + (pos?.startLineNumber ?? 1) - 1;
    const column = pos?.startColumn ?? 1;
    const m = await inspectCall((api) => api.watFind(wat.key, query, line, column, backwards));
    if (useInspect.getState().wat?.key !== wat.key) return;
    setFindNote(m ? '' : 'not found');
    if (m) await show({ line: m.line, column: m.column, length: query.length });
    editor.focus();
  };
  /** Find, its failure (the worker's) said beside the box. */
  const findFrom = (backwards: boolean) =>
    void find(backwards).catch((err: unknown) => setFindNote(String(err)));

  return (
    <div className="wat-view-wrap">
      <div className="wat-tools">
        <label>
          <span className="sr-only">Go to function</span>
          <select
            data-testid="wat-function"
            value={fn}
            onChange={(e) => go(e.target.value)}
            disabled={!wat?.functions.length}
          >
            <option value="">Go to function… ({wat?.functions.length ?? 0})</option>
            {options?.map((f) => (
              <option key={f.index} value={f.name}>
                {demangle(f.name)}
              </option>
            ))}
          </select>
        </label>
        <button className="small" disabled={!fn} onClick={() => jumpToSource(fn)}>
          Show source
        </button>
        <label className="check">
          <input
            type="checkbox"
            data-testid="wat-offsets"
            checked={offsets}
            onChange={(e) => setOffsets(e.target.checked)}
          />
          byte offsets
        </label>
        <span
          className="wat-link-note"
          data-testid="wat-linked"
          data-linked={linked}
          title={
            linked
              ? 'The source line under the cursor highlights its instructions here, and the other way round'
              : 'Debug (or -g) builds carry the line table that links source lines and instructions'
          }
        >
          {linked ? 'source lines linked' : ''}
        </span>
        {windowed && (
          <form
            className="wat-find"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              findFrom(false);
            }}
          >
            <label>
              <span className="sr-only">Find in the whole module</span>
              <input
                data-testid="wat-find"
                type="search"
                placeholder="Find in module"
                value={query}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setFindNote('');
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && e.shiftKey) {
                    e.preventDefault();
                    findFrom(true);
                  }
                }}
              />
            </label>
            <button className="small" type="submit" disabled={!query} title="Next (Enter)">
              ↓
            </button>
            <button
              className="small"
              type="button"
              disabled={!query}
              title="Previous (Shift+Enter)"
              onClick={() => findFrom(true)}
            >
              ↑
            </button>
            {findNote && <span className="muted">{findNote}</span>}
          </form>
        )}
        {busy && (
          <span className="muted">{wat ? 'Disassembling the rest…' : 'Disassembling…'}</span>
        )}
        {error && <span className="badge bad">{error}</span>}
        {wat?.error && (
          <span className="badge warn" title={wat.error}>
            disassembly stopped: {wat.error}
          </span>
        )}
      </div>
      {windowed && win && (
        <p
          className="wat-window muted"
          data-testid="wat-window"
          data-from={win.from}
          data-count={win.count}
          data-lines={wat.lineCount}
        >
          Lines {(win.from + 1).toLocaleString('en')}–{(win.from + win.count).toLocaleString('en')}{' '}
          of {wat.lineCount.toLocaleString('en')} held in the editor; scroll on, or Go to function
          and Find in module, for the rest (Ctrl+F searches the lines held).
        </p>
      )}
      <div className="wat-view" data-testid="wat-view" ref={host} />
    </div>
  );
}
