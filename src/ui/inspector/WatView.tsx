import { useEffect, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { demangle } from '../../inspect/demangle';
import { loadWat, useInspect } from '../../store/inspectStore';
import { jumpToSource } from './SizesView';

/**
 * The module as WebAssembly text, in a read-only Monaco with the WAT grammar: fold per function,
 * a go-to-function box, byte offsets in the gutter on demand, and a jump to the function's source.
 */
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
        language: 'wat',
        value: '',
        model: monaco.editor.createModel('', 'wat'),
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

  useEffect(() => {
    if (!editor) return;
    editor.getModel()?.setValue(wat?.text ?? '');
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
