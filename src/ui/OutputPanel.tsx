import { useEffect, useRef, useState } from 'react';
import { useOutput } from '../store/outputStore';
import { useStore } from '../store/store';
import { ExitBadge } from './ExitBadge';
import { LoadingBar } from './LoadingBar';
import { useFixedWindow } from './useFixedWindow';

const ROW_HEIGHT = 20;
/** A single line longer than this is cut for display: one huge DOM text node freezes layout. */
const MAX_LINE_CHARS = 10_000;

function displayText(text: string): string {
  if (!text) return '\u00a0';
  if (text.length <= MAX_LINE_CHARS) return text;
  return `${text.slice(0, MAX_LINE_CHARS)} … (${text.length - MAX_LINE_CHARS} more characters)`;
}

/** Program output: a virtualized list of lines (stderr in red), the line count and exit status. */
export function OutputPanel() {
  const version = useOutput((s) => s.version);
  const dropped = useOutput((s) => s.dropped);
  const lines = useOutput.getState().lines;
  const loading = useStore((s) => s.loading);
  const status = useStore((s) => s.status);
  const runId = useStore((s) => s.runId);
  // The run whose output the user cleared: its empty panel says so, not "printed nothing".
  const [clearedRun, setClearedRun] = useState<number | null>(null);
  const compileLog = useStore((s) => s.compileLog);
  const exit = useStore((s) => s.exit);
  const [showLog, setShowLog] = useState(false);
  const emptyText = loading
    ? 'Loading compiler…'
    : clearedRun === runId && status === 'idle'
      ? 'Output cleared.'
      : status === 'compiling'
        ? 'Compiling…'
        : status === 'running'
          ? 'Running… (no output yet)'
          : exit?.kind === 'error' && exit.message.startsWith('compile failed')
            ? 'Compilation failed: see Problems, or show the compiler log above.'
            : exit?.kind === 'error'
              ? exit.message
              : exit
                ? 'The program printed nothing.'
                : 'Press Run (Ctrl+Enter) to compile and run your program. Its output appears here.';
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  const { first, last, totalSize, viewportHeight } = useFixedWindow(
    scroller,
    lines.length,
    ROW_HEIGHT,
  );

  // Follow the tail while the user has not scrolled up (only once the lines overflow: setting
  // scrollTop makes the browser lay out, which short outputs can skip).
  useEffect(() => {
    const el = scroller.current;
    if (el && stick.current && lines.length * ROW_HEIGHT > viewportHeight)
      el.scrollTop = lines.length * ROW_HEIGHT;
  }, [version, lines.length, viewportHeight]);

  return (
    <section className="panel output-panel" aria-label="Output">
      <div className="panel-header">
        <h2>Output</h2>
        <span
          className="muted"
          data-testid="output-count"
          data-value={lines.length + dropped}
          title="lines received"
        >
          {lines.length + dropped} {lines.length + dropped === 1 ? 'line' : 'lines'}
          {dropped > 0 && ` (only the first ${lines.length} kept)`}
        </span>
        <ExitBadge />
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
      <div
        className="output-scroll"
        ref={scroller}
        data-testid="output"
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT * 2;
        }}
      >
        {lines.length === 0 && <div className="empty">{emptyText}</div>}
        <div style={{ height: totalSize, position: 'relative' }}>
          {Array.from({ length: last - first }, (_, k) => {
            const index = first + k;
            const line = lines[index];
            return (
              <div
                key={index}
                className={`output-line ${line.stream}`}
                data-testid="output-line"
                data-stream={line.stream}
                style={{
                  position: 'absolute',
                  top: 0,
                  transform: `translateY(${index * ROW_HEIGHT}px)`,
                  height: ROW_HEIGHT,
                }}
              >
                {displayText(line.text)}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
