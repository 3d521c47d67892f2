import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useOutput } from '../../store/outputStore';
import { useStore } from '../../store/store';
import { useFixedWindow } from '../useFixedWindow';
import { cutLine, renderLine } from './ansi';
import { plainLine } from './outputText';
import { WrapIndex } from './wrapIndex';

/** Characters per visual row at the list's width (measured with its font), for wrapping. */
function useColumns(scroller: React.RefObject<HTMLDivElement | null>, fontSize: number) {
  const [cols, setCols] = useState(80);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const probe = document.createElement('span');
    probe.className = 'output-probe';
    probe.style.fontSize = `${fontSize}px`;
    probe.textContent = 'M'.repeat(100);
    el.appendChild(probe);
    const charWidth = probe.getBoundingClientRect().width / 100 || fontSize * 0.6;
    probe.remove();
    const update = () => setCols(Math.max(10, Math.floor((el.clientWidth - 24) / charWidth)));
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, [scroller, fontSize]);
  return cols;
}

/** `text` with each occurrence of `query` (any case) in a <mark>. */
function marked(text: string, query: string): ReactNode {
  if (!query) return text;
  const lower = text.toLowerCase();
  const q = query.toLowerCase();
  const out: ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, from)) {
    out.push(text.slice(from, at), <mark key={at}>{text.slice(at, at + q.length)}</mark>);
    from = at + q.length;
  }
  out.push(text.slice(from));
  return out;
}

/**
 * The list view: every output line (stderr in red, the user's input marked), windowed so a
 * million lines cost what a screenful does; colours from escape codes, `\r` overwrites.
 */
export function OutputList({
  emptyText,
  rows,
  match,
}: {
  emptyText: string;
  /** The lines to show (indices, after a filter); null: all. */
  rows: number[] | null;
  /** The current Find match: its row is brought into view and its text marked. */
  match: { row: number; query: string };
}) {
  const version = useOutput((s) => s.version);
  const lines = useOutput.getState().lines;
  const count = rows ? rows.length : lines.length;
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const wrap = useStore((s) => s.wrapOutput);
  const fontSize = useStore((s) => s.outputFontSize);
  const rowHeight = Math.round(fontSize * 1.54);
  const cols = useColumns(scroller, fontSize);
  const [wrapIndex] = useState(() => new WrapIndex());
  const lineOf = (i: number) => lines[rows ? rows[i] : i];
  if (wrap)
    wrapIndex.update(count, (i) => cutLine(plainLine(lineOf(i).text)).length, cols, rows ?? lines);
  const visualRows = wrap ? wrapIndex.total : count;
  const rowOfLine = (i: number) => (wrap ? wrapIndex.rowOf(i) : i);

  const { first, last, totalSize, viewportHeight } = useFixedWindow(
    scroller,
    visualRows,
    rowHeight,
  );

  // Follow the tail while the user has not scrolled up (only once the lines overflow: setting
  // scrollTop makes the browser lay out, which short outputs can skip).
  useEffect(() => {
    const el = scroller.current;
    if (el && stick.current && visualRows * rowHeight > viewportHeight)
      el.scrollTop = visualRows * rowHeight;
  }, [version, visualRows, viewportHeight, rowHeight]);

  // A new current match is scrolled to the middle, and the list stops following the tail.
  useEffect(() => {
    const el = scroller.current;
    if (!el || match.row < 0) return;
    stick.current = false;
    el.scrollTop = Math.max(0, rowOfLine(match.row) * rowHeight - el.clientHeight / 2);
    // Only a new match moves the view (not output arriving or a re-render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [match.row, match.query]);

  return (
    <div
      className="output-scroll"
      ref={scroller}
      data-testid="output"
      // Focusable, so the keyboard scrolls it (arrows, Page Up/Down, Home/End).
      tabIndex={0}
      role="region"
      aria-label="Program output"
      onScroll={(e) => {
        const el = e.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < rowHeight * 2;
      }}
    >
      {count === 0 && (
        <div className="empty">{lines.length ? 'No lines on this stream.' : emptyText}</div>
      )}
      <div style={{ height: totalSize, position: 'relative' }}>
        {Array.from({ length: last - first }, (_, k) => {
          const row = first + k;
          const index = wrap ? wrapIndex.lineAt(row) : row;
          const line = lineOf(index);
          const seg = wrap ? row - wrapIndex.rowOf(index) : 0;
          const segs = wrap ? wrapIndex.rowOf(index + 1) - wrapIndex.rowOf(index) : 1;
          // A wrapped line is cut into plain-text rows (escape codes cannot be cut in the middle).
          const shown =
            segs > 1
              ? {
                  text:
                    cutLine(plainLine(line.text)).slice(seg * cols, (seg + 1) * cols) || '\u00a0',
                }
              : renderLine(line.text);
          const current = index === match.row;
          return (
            <div
              key={row}
              className={`output-line ${line.stream}${current ? ' current-match' : ''}`}
              data-testid="output-line"
              data-stream={line.stream}
              style={{
                position: 'absolute',
                top: 0,
                transform: `translateY(${row * rowHeight}px)`,
                height: rowHeight,
                lineHeight: `${rowHeight}px`,
                fontSize,
              }}
              {...('html' in shown
                ? { dangerouslySetInnerHTML: { __html: shown.html } }
                : { children: current ? marked(shown.text, match.query) : shown.text })}
            />
          );
        })}
      </div>
    </div>
  );
}
