import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { useDebug } from '../../debug/state';
import type { ValueNode } from '../../debug/values';
import './debug.css';
import { MemoryView } from './MemoryView';

const ROW = 22;

/** Lazily loaded with the panel: what a click in it does. */
const session = () => import('../../debug/session');

/** The call stack, innermost first; virtualised (a deep recursion has 100,000 frames). */
function CallStack() {
  const pause = useDebug((s) => s.pause);
  const selected = useDebug((s) => s.selected);
  const scroller = useRef<HTMLDivElement>(null);
  const frames = pause?.frames ?? [];
  // TanStack Virtual keeps its own state; the React compiler skips this component, as intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const v = useVirtualizer({
    count: frames.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 10,
  });
  return (
    <section className="debug-section" aria-label="Call stack">
      <h3>Call stack{frames.length > 1 ? ` (${frames.length.toLocaleString('en')})` : ''}</h3>
      <div className="debug-scroll" ref={scroller} role="listbox" aria-label="Frames">
        {!pause && <p className="debug-empty">The stack shows while the program is paused.</p>}
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((item) => {
            const f = frames[item.index];
            return (
              <div
                key={item.index}
                role="option"
                aria-selected={item.index === selected}
                className={`debug-frame${item.index === selected ? ' selected' : ''}`}
                data-testid="debug-frame"
                data-function={f.name}
                data-line={f.line ?? ''}
                style={{ position: 'absolute', top: item.start, height: ROW, left: 0, right: 0 }}
                onClick={() => void session().then((d) => d.selectFrame(item.index))}
              >
                <span className="fn">{f.name}</span>
                <span className="where">
                  {f.file
                    ? `${f.file}:${f.line}`
                    : f.offset >= 0
                      ? `0x${f.offset.toString(16)}`
                      : ''}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

/** One variable (or member, element, pointee): expandable when it has children. */
function ValueRow({ node, depth, testId }: { node: ValueNode; depth: number; testId: string }) {
  const [open, setOpen] = useState(false);
  const kids = open && node.children ? node.children() : [];
  const memory = () =>
    void session().then((d) =>
      d.showMemory(
        node.address ?? 0,
        node.address !== null ? { address: node.address, size: node.size } : null,
      ),
    );
  return (
    <>
      <div
        className="debug-var"
        data-testid={testId}
        data-name={node.name}
        data-value={node.value}
        style={{ paddingLeft: 6 + depth * 14 }}
        title={node.address !== null ? `${node.type} at 0x${node.address.toString(16)}` : node.type}
      >
        {node.children ? (
          <button
            className="twisty"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
            aria-label={open ? 'Collapse' : 'Expand'}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="twisty" />
        )}
        <button className="name" onClick={memory} title="Show its bytes in the memory view">
          {node.name}
        </button>
        <span className="type">{node.type}</span>
        <span className="value">{node.text}</span>
        {node.pointer !== undefined && (
          <button
            className="follow"
            data-testid="debug-follow-pointer"
            title="Show the memory it points at"
            onClick={() => void session().then((d) => d.showMemory(node.pointer!))}
          >
            →mem
          </button>
        )}
      </div>
      {kids.map((k, i) => (
        <ValueRow key={i} node={k} depth={depth + 1} testId="debug-variable" />
      ))}
    </>
  );
}

function Variables() {
  const variables = useDebug((s) => s.variables);
  const pause = useDebug((s) => s.pause);
  const level = useDebug((s) => s.level);
  return (
    <section className="debug-section" aria-label="Variables">
      <h3>Variables</h3>
      <div className="debug-scroll">
        {!pause && <p className="debug-empty">Variables show while the program is paused.</p>}
        {pause && variables.length === 0 && (
          <p className="debug-empty">
            {level === 'instruction'
              ? 'No source variables: this module is debugged by instruction.'
              : 'No variables in this frame.'}
          </p>
        )}
        {variables.map((v, i) => (
          <ValueRow key={`${v.name}:${i}`} node={v} depth={0} testId="debug-variable" />
        ))}
      </div>
    </section>
  );
}

function Watch() {
  const watches = useDebug((s) => s.watches);
  const results = useDebug((s) => s.watchResults);
  const paused = useDebug((s) => s.status === 'paused');
  const [text, setText] = useState('');
  const set = (next: string[]) => void session().then((d) => d.setWatches(next));
  return (
    <section className="debug-section" aria-label="Watch">
      <h3>Watch</h3>
      <div className="debug-scroll">
        {watches.map((w, i) => {
          const r = results[i];
          return (
            <div key={`${w}:${i}`} className="debug-watch">
              <span className="name">{w}</span>
              <span
                className={`value${r && 'error' in r ? ' error' : ''}`}
                data-testid="debug-watch-value"
                data-value={r && 'node' in r ? r.node.value : ''}
              >
                {!paused || !r ? '—' : 'error' in r ? r.error : r.node.text}
              </span>
              <button
                aria-label={`Remove watch ${w}`}
                onClick={() => set(watches.filter((_, k) => k !== i))}
              >
                ×
              </button>
            </div>
          );
        })}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) set([...watches, text.trim()]);
            setText('');
          }}
        >
          <input
            data-testid="debug-watch-input"
            aria-label="Add a watch expression"
            placeholder="Add expression, e.g. x*y+1"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </form>
      </div>
    </section>
  );
}

/** Where the selected frame is paused: its file and line (the editor highlights it). */
function PausedAt() {
  const frame = useDebug((s) => s.pause?.frames[s.selected]);
  if (!frame?.file || frame.line === null) return null;
  return (
    <span
      className="debug-at"
      data-testid="debug-paused-line"
      data-file={frame.file}
      data-line={frame.line}
    >
      {' '}
      at {frame.file}:{frame.line}
    </span>
  );
}

/** The debug session's panel: stack, variables, watches, memory. */
export function DebugPanel() {
  const notice = useDebug((s) => s.notice);
  const pause = useDebug((s) => s.pause);
  const status = useDebug((s) => s.status);
  return (
    <div className="debug-panel" data-testid="debug-panel">
      <div className="debug-status" role="status">
        {status === 'starting'
          ? 'Building a debug build (-O0 -g)…'
          : status === 'running'
            ? 'Running under the debugger (Pause stops it where it is).'
            : pause?.reason === 'trap'
              ? `Trapped: ${pause.message ?? ''} — Continue or Stop ends the run.`
              : pause
                ? `Paused (${pause.reason}) in ${pause.frames[0]?.name ?? '?'}`
                : 'The debug session ended.'}
        {pause && <PausedAt />}
        {notice && <span className="debug-notice"> {notice}</span>}
      </div>
      <div className="debug-grid">
        <CallStack />
        <Variables />
        <Watch />
        <MemoryView />
      </div>
    </div>
  );
}
