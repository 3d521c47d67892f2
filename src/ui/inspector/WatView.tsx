import { useEffect, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { demangle } from '../../inspect/demangle';
import { watConfiguration, watLanguage } from '../../languages/wat/grammar';
import { loadWat, useInspect } from '../../store/inspectStore';
import { jumpToSource } from './SizesView';

/**
 * The module as WebAssembly text, in a read-only Monaco with the WAT grammar: fold per function,
 * a go-to-function box, byte offsets in the gutter on demand, and a jump to the function's source.
 */
const CHUNK = 30_000;

/** The functions of the text on screen: the folds of the module view. */
let foldFunctions: { line: number }[] = [];
let languageId: string | null = null;

/**
 * The inspector's own language: WAT's grammar, and one fold per function from the disassembly
 * (Monaco's indentation folding would walk every line after each edit of a 250,000-line text).
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
          end: Math.min(last, (foldFunctions[i + 1]?.line ?? last) - 1),
        }))
        .filter((r) => r.end > r.start);
    },
  });
  return languageId;
}

/** The index just past the n-th newline at or after `from` (or the text's end). */
function nthNewline(text: string, from: number, n: number): number {
  let i = from;
  for (let k = 0; k < n; k++) {
    i = text.indexOf('\n', i) + 1;
    if (i === 0) return text.length;
  }
  return i;
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
  const fn = chosen.of === wat ? chosen.name : '';

  // Disassembled only when shown.
  useEffect(() => {
    if (active && wasm && !wat) void loadWat();
  }, [active, wasm, wat]);

  useEffect(() => {
    let ed: Monaco.editor.IStandaloneCodeEditor | undefined;
    let gone = false;
    void import('../editor/monaco').then(({ monaco }) => {
      if (gone || !host.current) return;
      ed = monaco.editor.create(host.current, {
        readOnly: true,
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 13,
        scrollBeyondLastLine: false,
        folding: true,
        // Big modules: nothing that walks every line when the text is set.
        bracketPairColorization: { enabled: false },
        guides: { bracketPairs: false, indentation: false },
        matchBrackets: 'never',
        occurrencesHighlight: 'off',
        stickyScroll: { enabled: false },
        largeFileOptimizations: true,
        model: monaco.editor.createModel('', registerModuleLanguage(monaco)),
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

  // The text goes in by pieces of CHUNK lines, one per task: Monaco builds its view of every
  // line when text is set (≈ 2 µs a line here), and a 250,000-line module in one piece would
  // freeze the page for half a second. The first piece is on screen at once.
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    const text = wat?.text ?? '';
    foldFunctions = wat?.functions ?? [];
    let from = nthNewline(text, 0, CHUNK);
    model.setValue(text.slice(0, from));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      // For tests and `npm run bench`: the whole text is in the editor.
      if (host.current) host.current.dataset.functions = String(wat?.functions.length ?? '');
    };
    const next = () => {
      if (from >= text.length) return done();
      const to = nthNewline(text, from + 1, CHUNK);
      const end = model.getFullModelRange().getEndPosition();
      model.applyEdits([
        {
          range: {
            startLineNumber: end.lineNumber,
            startColumn: end.column,
            endLineNumber: end.lineNumber,
            endColumn: end.column,
          },
          text: text.slice(from, to),
        },
      ]);
      from = to;
      timer = setTimeout(next, 0);
    };
    if (host.current) delete host.current.dataset.functions;
    next();
    return () => clearTimeout(timer);
  }, [editor, wat]);

  useEffect(() => {
    if (!editor || !wat) return;
    const hex = (o: number) => (o >= 0 ? o.toString(16).padStart(6, '0') : '');
    editor.updateOptions({
      lineNumbers: offsets ? (n: number) => hex(wat.offsets[n - 1] ?? -1) : 'on',
      lineNumbersMinChars: offsets ? 7 : 5,
    });
  }, [editor, wat, offsets]);

  const go = (name: string) => {
    setChosen({ of: wat, name });
    const f = wat?.functions.find((x) => x.name === name);
    if (!f || !editor) return;
    editor.revealLineNearTop(f.line);
    editor.setPosition({ lineNumber: f.line, column: 1 });
  };

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
            {wat?.functions.map((f) => (
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
        {busy && <span className="muted">Disassembling…</span>}
        {error && <span className="badge bad">{error}</span>}
        {wat?.error && (
          <span className="badge warn" title={wat.error}>
            disassembly stopped: {wat.error}
          </span>
        )}
      </div>
      <div className="wat-view" data-testid="wat-view" ref={host} />
    </div>
  );
}
