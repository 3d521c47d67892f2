import { useEffect, useRef, useState } from 'react';
import './CodeEditor.css';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { monacoLanguageOf } from '../../languages/registry';
import { runProgram } from '../../run/actions';
import { currentProject } from '../../store/projectSlice';
import { useStore } from '../../store/store';
import { setEditorHandle } from './editorHandle';
import { escapeThenTabLeaves } from './escapeTab';
import { firstPaint } from '../firstPaint';
import { fileUri, parseFileUri } from './fileUri';
import { registerFormatter } from './formatProvider';
import { attachKeybindings } from './keybindings';
import { useDebugMargin } from './debugMargin';
import {
  acquireModel,
  attachModel,
  disposeModel,
  findModel,
  modelUris,
  saveViewState,
} from './modelRegistry';

type MonacoNs = typeof Monaco;

const SEVERITY = { error: 8, warning: 4, info: 2 } as const;

/** The model of a file of the current project; typing in it writes the store. */
function fileModel(monaco: MonacoNs, projectId: string, path: string) {
  const s = useStore.getState();
  const data = s.projects[projectId]?.files[path];
  return acquireModel(
    monaco,
    fileUri(projectId, path),
    typeof data === 'string' ? data : '',
    monacoLanguageOf(path, s.projects[projectId]?.language ?? s.language),
    (value) => {
      const now = useStore.getState();
      if (now.currentId !== projectId) return;
      if (currentProject(now).files[path] !== value) now.writeFile(path, value);
    },
  );
}

/**
 * Disposes the models of files and projects that no longer exist. Runs on every store change of
 * the projects (each keystroke), so it walks the few models held, not every file of every project.
 */
function sweepModels() {
  const { projects } = useStore.getState();
  for (const uri of modelUris()) {
    const { projectId, path } = parseFileUri(uri);
    if (projects[projectId]?.files[path] === undefined) disposeModel(uri);
  }
}

/**
 * The file's text as Monaco will show it (same font, line height, gutter), painted with the page
 * while Monaco's chunk loads: the user's code is on screen at once, and Monaco replaces it in place.
 */
function CodePlaceholder({ text }: { text: string }) {
  // Only what fits on a screen: a million-line file must not cost the first paint.
  const lines = text.split('\n', 200);
  return (
    <div className="editor-placeholder" data-testid="editor-placeholder" aria-busy="true">
      <pre className="editor-placeholder-gutter" aria-hidden="true">
        {lines.map((_, i) => i + 1).join('\n')}
      </pre>
      {/* elementtiming: the browser reports when this text was painted (npm run bench's first-code-paint). */}
      <pre
        className="editor-placeholder-text"
        aria-label="Source code (the editor is loading)"
        elementtiming="code-placeholder"
      >
        {lines.join('\n')}
      </pre>
    </div>
  );
}

/**
 * Monaco's code did not arrive (a flaky network, a blocked request): the code stays on screen
 * (read-only until the editor is back), and the user can try again.
 */
function EditorLoadError({ detail, retry }: { detail: string; retry: () => void }) {
  return (
    <div className="editor-load-error" role="alert" data-testid="editor-load-error">
      <span>
        The code editor could not be loaded: part of the app did not arrive over the network. Your
        code is safe and shown below; editing comes back once the editor loads (if Retry does not
        help, reload the page: your work is saved).
      </span>
      <button type="button" data-testid="editor-retry" onClick={retry}>
        Retry
      </button>
      <details>
        <summary>Details</summary>
        <code>{detail}</code>
      </details>
    </div>
  );
}

/** The Monaco editor bound to the store: the active file's model, markers from diagnostics. */
export function CodeEditor({ dark, readOnly = false }: { dark: boolean; readOnly?: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const keyStatus = useRef<HTMLDivElement>(null);
  const prefs = useStore((s) => s.editorPrefs);
  const [api, setApi] = useState<{
    monaco: MonacoNs;
    editor: Monaco.editor.IStandaloneCodeEditor;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped by Retry: the effect below loads Monaco again.
  const [attempt, setAttempt] = useState(0);
  const projectId = useStore((s) => s.currentId);
  const path = useStore((s) => s.activePath);
  const text = useStore((s) => {
    const v = currentProject(s).files[s.activePath];
    return typeof v === 'string' ? v : null;
  });
  const projects = useStore((s) => s.projects);
  const previewing = useStore((s) => s.previewPath !== null);
  const diagnostics = useStore((s) => s.diagnostics);
  const entry = useStore((s) => currentProject(s).entry);

  // Create the editor once Monaco's chunk has loaded.
  useEffect(() => {
    let disposed = false;
    let editor: Monaco.editor.IStandaloneCodeEditor | undefined;
    // After the first paint: Monaco's 2.7 MB chunk must not hold back the placeholder's frame.
    firstPaint
      .then(() => import('./monaco'))
      .then(({ monaco }) => {
        if (disposed || !host.current) return;
        const prefs = useStore.getState().editorPrefs;
        registerFormatter(monaco);
        editor = monaco.editor.create(host.current, {
          automaticLayout: true,
          minimap: { enabled: prefs.minimap },
          wordWrap: prefs.wordWrap ? 'on' : 'off',
          fontSize: 14,
          scrollBeyondLastLine: false,
          tabSize: prefs.tabSize,
          insertSpaces: true,
          // The indent is a preference (Format uses it too), not guessed per file.
          detectIndentation: false,
          fixedOverflowWidgets: true,
          // No model until one is attached: the editor never creates one of its own.
          model: null,
        });
        escapeThenTabLeaves(editor, host.current);
        editor.addAction({
          id: 'playground.run',
          label: 'Run',
          keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
          run: () => void runProgram(),
        });
        // Format Document is Shift+Alt+F on every platform (Monaco's Linux default is
        // Ctrl+Shift+I, which stays too).
        editor.addCommand(
          monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF,
          () => void editor?.getAction('editor.action.formatDocument')?.run(),
        );
        setEditorHandle({
          reveal(line, column, file) {
            const go = () => {
              editor?.setPosition({ lineNumber: line, column });
              editor?.revealPositionInCenter({ lineNumber: line, column });
              editor?.focus();
            };
            const s = useStore.getState();
            if (!file || (file === s.activePath && !s.previewPath)) return go();
            // Another file: its model is attached by an effect after the store update.
            s.openFile(file);
            setTimeout(go, 0);
          },
          async format() {
            const action = editor?.getAction('editor.action.formatDocument');
            if (!action?.isSupported()) return false;
            await action.run();
            return true;
          },
        });
        setApi({ monaco, editor });
        // For `npm run bench` (page-load) and anyone profiling: when the editor became usable.
        performance.mark('editor-ready');
      })
      .catch((e: unknown) => {
        if (!disposed) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      disposed = true;
      setEditorHandle(null);
      // The models outlive this editor (the registry owns them); only where we were is kept.
      if (editor) saveViewState(editor);
      editor?.dispose();
    };
  }, [attempt]);

  // Show the active file's model (the registry creates it once, ever), and keep it equal to the
  // store when the store changed from outside (example, shared link, embed API, Keep).
  useEffect(() => {
    if (!api || text === null) return;
    const entry = fileModel(api.monaco, projectId, path);
    const model = entry.model;
    if (model.getValue() !== text) {
      // pushEditOperations keeps the change undoable.
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    }
    attachModel(api.editor, entry);
    model.updateOptions({ tabSize: prefs.tabSize, indentSize: prefs.tabSize, insertSpaces: true });
  }, [api, projectId, path, text, prefs.tabSize]);

  useEffect(() => {
    api?.editor.updateOptions({
      minimap: { enabled: prefs.minimap },
      wordWrap: prefs.wordWrap ? 'on' : 'off',
    });
  }, [api, prefs.minimap, prefs.wordWrap]);

  // Vim or Emacs key bindings, loaded when chosen; switching back disposes them.
  useEffect(() => {
    if (!api || !keyStatus.current || prefs.keybindings === 'default') return;
    let off: (() => void) | undefined;
    let gone = false;
    void attachKeybindings(api.editor, prefs.keybindings, keyStatus.current).then((dispose) => {
      if (gone) dispose();
      else off = dispose;
    });
    return () => {
      gone = true;
      off?.();
    };
  }, [api, prefs.keybindings]);

  useEffect(() => {
    if (api) sweepModels();
  }, [api, projects]);

  useDebugMargin(api, projectId, path);

  // Markers go to the model of the file each diagnostic names (the entry when it names none).
  useEffect(() => {
    if (!api) return;
    const byFile = new Map<string, typeof diagnostics>();
    for (const d of diagnostics) {
      const f = d.file ?? entry;
      byFile.set(f, [...(byFile.get(f) ?? []), d]);
    }
    for (const uri of modelUris()) {
      const model = findModel(uri)?.model;
      if (!model) continue;
      const file = parseFileUri(uri);
      const ds = file.projectId === projectId ? (byFile.get(file.path) ?? []) : [];
      api.monaco.editor.setModelMarkers(
        model,
        'compiler',
        ds.map((d) => ({
          severity: SEVERITY[d.severity],
          message: d.message,
          startLineNumber: d.line,
          startColumn: d.column,
          endLineNumber: d.endLine,
          endColumn: Math.max(d.endColumn, d.column + 1),
        })),
      );
    }
  }, [api, projectId, entry, diagnostics, path]);

  useEffect(() => {
    api?.monaco.editor.setTheme(dark ? 'playground-dark' : 'playground-light');
  }, [api, dark]);

  useEffect(() => {
    api?.editor.updateOptions({ readOnly });
  }, [api, readOnly]);

  return (
    <div
      className={`editor-host${prefs.keybindings === 'default' ? '' : ' with-keystatus'}`}
      data-testid="editor"
      data-ready={api ? 'true' : 'false'}
      data-path={path}
      hidden={text === null || previewing}
    >
      <div ref={host} className="editor-mount" />
      {!api && error && (
        <EditorLoadError
          detail={error}
          retry={() => {
            setError(null);
            setAttempt((n) => n + 1);
          }}
        />
      )}
      {!api && <CodePlaceholder text={text ?? ''} />}
      <div
        ref={keyStatus}
        className="editor-keystatus"
        data-testid="editor-keystatus"
        aria-live="polite"
        hidden={prefs.keybindings === 'default'}
      />
    </div>
  );
}
