import { lazy, Suspense, useCallback, useState } from 'react';
import { languageById } from '../languages/registry';
import { useOutput } from '../store/outputStore';
import { sendEof } from '../run/actions';
import type { OutputView } from '../store/settingsSlice';
import { useStore } from '../store/store';
import { ExitBadge } from './ExitBadge';
import { LoadingBar } from './LoadingBar';
import { OutputList } from './output/OutputList';
import { OutputTools, type ListFocus } from './output/OutputTools';
import { FilterIndex } from './output/outputText';
import './output/output.css';

// xterm.js loads with the first terminal view, not with the page.
const TerminalView = lazy(() => import('./output/TerminalView'));

/** Program output as a line list or a terminal, the line count, exit status and input state. */
export function OutputPanel() {
  // Re-rendered on every append (lines grow in place): the count and the filter index read them.
  useOutput((s) => s.version);
  const dropped = useOutput((s) => s.dropped);
  const count = useOutput.getState().lines.length;
  const loading = useStore((s) => s.loading);
  const status = useStore((s) => s.status);
  const runId = useStore((s) => s.runId);
  const view = useStore((s) => s.outputView);
  const waiting = useStore((s) => s.stdinWaiting);
  const inputOpen = useStore((s) => s.inputOpen);
  const notice = useStore((s) => s.stdinNotice);
  // The run whose output the user cleared: its empty panel says so, not "printed nothing".
  const [clearedRun, setClearedRun] = useState<number | null>(null);
  const compileLog = useStore((s) => s.compileLog);
  const exit = useStore((s) => s.exit);
  const [showLog, setShowLog] = useState(false);
  const [focus, setFocus] = useState<ListFocus>({ filter: 'all', query: '', row: -1 });
  const onFocus = useCallback((f: ListFocus) => setFocus(f), []);
  // One per panel, kept across renders; it scans only lines appended since the last render.
  const [filterIndex] = useState(() => new FilterIndex());
  const interpreted = useStore((s) => languageById[s.language].interpreter !== undefined);
  const rows =
    focus.filter === 'all' ? null : filterIndex.update(useOutput.getState().lines, focus.filter);
  const emptyText = loading
    ? `Loading ${interpreted ? 'the interpreter' : 'compiler'}…`
    : clearedRun === runId && status === 'idle'
      ? 'Output cleared.'
      : status === 'compiling'
        ? interpreted
          ? 'Starting…'
          : 'Compiling…'
        : status === 'running'
          ? 'Running… (no output yet)'
          : exit?.kind === 'error' && exit.message.startsWith('compile failed')
            ? 'Compilation failed: see Problems, or show the compiler log above.'
            : exit?.kind === 'error'
              ? exit.message
              : exit
                ? 'The program printed nothing.'
                : `Press Run (Ctrl+Enter) to ${interpreted ? 'run' : 'compile and run'} your program. Its output appears here.`;

  return (
    <section className="panel output-panel" aria-label="Output" id="output" tabIndex={-1}>
      <div className="panel-header">
        <h2>Output</h2>
        <span
          className="muted"
          data-testid="output-count"
          data-value={count + dropped}
          title="lines received"
        >
          {count + dropped} {count + dropped === 1 ? 'line' : 'lines'}
          {dropped > 0 && ` (only the first ${count} kept)`}
        </span>
        <ExitBadge />
        {waiting && (
          <span className="stdin-waiting" data-testid="stdin-waiting" role="status">
            waiting for input
            <button
              className="link"
              data-testid="send-eof"
              title="End of input: the program's next read returns 0 (Ctrl+D in the terminal)"
              onClick={() => sendEof()}
            >
              EOF
            </button>
          </span>
        )}
        <span className="spacer" />
        {compileLog && (
          <button
            className="link"
            data-testid="toggle-compile-log"
            onClick={() => setShowLog((v) => !v)}
          >
            {showLog ? 'Hide' : 'Show'} compiler log
          </button>
        )}
        <label className="output-view">
          <span className="sr-only">Output view</span>
          <select
            data-testid="output-view"
            value={view}
            title="List: fast, for huge outputs. Terminal: colours, cursor movement and typed input."
            onChange={(e) => useStore.getState().setOutputView(e.target.value as OutputView)}
          >
            <option value="list">List</option>
            <option value="terminal">Terminal</option>
          </select>
        </label>
        <button
          className="small"
          data-testid="clear-output"
          onClick={() => {
            setClearedRun(useStore.getState().runId);
            useOutput.getState().clear();
          }}
        >
          Clear
        </button>
      </div>
      <LoadingBar />
      {showLog && compileLog && (
        <pre className="compile-log" data-testid="compile-log">
          {compileLog}
        </pre>
      )}
      {notice && (
        <div className="stdin-notice" data-testid="stdin-notice" role="note">
          {notice}
        </div>
      )}
      <OutputTools rows={rows} focus={focus} onFocus={onFocus} terminal={view === 'terminal'} />
      {view === 'terminal' ? (
        <Suspense fallback={<div className="empty">Loading the terminal…</div>}>
          <TerminalView />
          {count === 0 && !inputOpen && status !== 'running' && (
            <div className="terminal-empty muted">{emptyText}</div>
          )}
        </Suspense>
      ) : (
        <OutputList emptyText={emptyText} rows={rows} match={focus} />
      )}
    </section>
  );
}
