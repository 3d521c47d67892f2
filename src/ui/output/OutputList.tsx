import { useEffect, useRef } from 'react';
import { useOutput } from '../../store/outputStore';
import { useFixedWindow } from '../useFixedWindow';
import { renderLine } from './ansi';

const ROW_HEIGHT = 20;

/**
 * The list view: every output line (stderr in red, the user's input marked), windowed so a
 * million lines cost what a screenful does; colours from escape codes, `\r` overwrites.
 */
export function OutputList({ emptyText }: { emptyText: string }) {
  const version = useOutput((s) => s.version);
  const lines = useOutput.getState().lines;
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
          const shown = renderLine(line.text);
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
              {...('html' in shown
                ? { dangerouslySetInnerHTML: { __html: shown.html } }
                : { children: shown.text })}
            />
          );
        })}
      </div>
    </div>
  );
}
