import { useEffect, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { languageById } from '../../languages/registry';
import { runProgram } from '../../store/runActions';
import { useStore } from '../../store/store';
import type { LanguageId } from '../../workers/protocol';
import { setEditorHandle } from './editorHandle';
import { acquireModel, attachModel, findModel, saveViewState } from './modelRegistry';

type MonacoNs = typeof Monaco;

const SEVERITY = { error: 8, warning: 4, info: 2 } as const;

const modelUri = (language: LanguageId) => `file:///${language}/${languageById[language].fileName}`;

/** The model holding a language's source; typing in it writes the store. */
function languageModel(monaco: MonacoNs, language: LanguageId) {
  return acquireModel(
    monaco,
    modelUri(language),
    useStore.getState().sources[language],
    languageById[language].monacoId,
    (value) => {
      const s = useStore.getState();
      if (s.language === language && s.sources[language] !== value) s.setSource(value);
    },
  );
}

/** The Monaco editor bound to the store: one model per language, markers from diagnostics. */
export function CodeEditor({ dark, readOnly = false }: { dark: boolean; readOnly?: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const [api, setApi] = useState<{
    monaco: MonacoNs;
    editor: Monaco.editor.IStandaloneCodeEditor;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const language = useStore((s) => s.language);
  const source = useStore((s) => s.sources[s.language]);
  const diagnostics = useStore((s) => s.diagnostics);

  // Create the editor once Monaco's chunk has loaded.
  useEffect(() => {
    let disposed = false;
    let editor: Monaco.editor.IStandaloneCodeEditor | undefined;
    import('./monaco')
      .then(({ monaco }) => {
        if (disposed || !host.current) return;
        editor = monaco.editor.create(host.current, {
          automaticLayout: true,
          minimap: { enabled: false },
          fontSize: 14,
          scrollBeyondLastLine: false,
          tabSize: 2,
          fixedOverflowWidgets: true,
        });
        editor.addAction({
          id: 'playground.run',
          label: 'Run',
          keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
          run: () => void runProgram(),
        });
        setEditorHandle({
          reveal(line, column) {
            editor?.setPosition({ lineNumber: line, column });
            editor?.revealPositionInCenter({ lineNumber: line, column });
            editor?.focus();
          },
        });
        setApi({ monaco, editor });
        // For `npm run bench` (page-load) and anyone profiling: when the editor became usable.
        performance.mark('editor-ready');
      })
      .catch((e: unknown) => setError(`The editor failed to load: ${String(e)}`));
    return () => {
      disposed = true;
      setEditorHandle(null);
      // The models outlive this editor (the registry owns them); only where we were is kept.
      if (editor) saveViewState(editor);
      editor?.dispose();
    };
  }, []);

  // Show the model of the current language (the registry creates it once, ever).
  useEffect(() => {
    if (!api) return;
    attachModel(api.editor, languageModel(api.monaco, language));
  }, [api, language]);

  // The store changed from outside (example, shared link, embed API): update the model.
  useEffect(() => {
    const model = api && findModel(modelUri(language))?.model;
    if (model && model.getValue() !== source) {
      // pushEditOperations keeps the change undoable.
      model.pushEditOperations(
        [],
        [{ range: model.getFullModelRange(), text: source }],
        () => null,
      );
    }
  }, [api, language, source]);

  useEffect(() => {
    if (!api) return;
    const model = findModel(modelUri(language))?.model;
    if (!model) return;
    api.monaco.editor.setModelMarkers(
      model,
      'compiler',
      diagnostics.map((d) => ({
        severity: SEVERITY[d.severity],
        message: d.message,
        startLineNumber: d.line,
        startColumn: d.column,
        endLineNumber: d.endLine,
        endColumn: Math.max(d.endColumn, d.column + 1),
      })),
    );
  }, [api, language, diagnostics]);

  useEffect(() => {
    api?.monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [api, dark]);

  useEffect(() => {
    api?.editor.updateOptions({ readOnly });
  }, [api, readOnly]);

  return (
    <div className="editor-host" data-testid="editor" data-ready={api ? 'true' : 'false'}>
      <div ref={host} className="editor-mount" />
      {!api && <div className="editor-loading">{error ?? 'Loading editor…'}</div>}
    </div>
  );
}
