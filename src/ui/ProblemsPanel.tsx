import { useState } from 'react';
import type { Diagnostic } from '../protocol/compile';
import { currentProject } from '../store/projectSlice';
import { useStore } from '../store/store';
import { revealInEditor } from './editor/editorHandle';
import { groupProblems, type ProblemGroup } from './problemGroups';
import './ProblemsPanel.css';

/**
 * Compile diagnostics, one row per message (a message repeated in many places has a count and
 * lists the places when opened); clicking a place moves the editor's cursor there.
 */
export function ProblemsPanel() {
  const diagnostics = useStore((s) => s.diagnostics);
  const status = useStore((s) => s.status);
  const entry = useStore((s) => currentProject(s).entry);
  const groups = groupProblems(diagnostics, entry);
  return (
    <section className="panel problems-panel" aria-label="Problems">
      <div className="panel-header">
        <h2>Problems</h2>
        <span className="muted" title={`${diagnostics.length} in all`}>
          {groups.length}
        </span>
      </div>
      <ul className="problems" data-testid="problems">
        {groups.length === 0 && (
          <li className="empty">{status === 'compiling' ? 'Compiling…' : 'No problems.'}</li>
        )}
        {groups.map((g, i) => (
          <ProblemRow key={`${i}:${g.first.message}`} group={g} entry={entry} />
        ))}
      </ul>
    </section>
  );
}

function ProblemRow({ group, entry }: { group: ProblemGroup; entry: string }) {
  const [open, setOpen] = useState(false);
  const d = group.first;
  const count = group.all.length;
  return (
    <li>
      <div className="problem-row">
        <Place d={d} entry={entry} testId="problem" count={count}>
          <span className={`sev ${d.severity}`}>{d.severity}</span>
          <span className="loc">{location(d, entry)}</span>
          <span className="msg">{d.message}</span>
        </Place>
        {count > 1 && (
          <button
            className="problem-count"
            data-testid="problem-count"
            aria-expanded={open}
            title={open ? 'Hide the places' : 'Show every place it was reported'}
            onClick={() => setOpen(!open)}
          >
            ×{count}
            {group.files > 1 ? ` in ${group.files} files` : ''}
          </button>
        )}
      </div>
      {open && (
        <ul className="problem-places" data-testid="problem-places">
          {group.all.slice(1).map((o, j) => (
            <li key={j}>
              <Place d={o} entry={entry} testId="problem-place">
                <span className="loc">{location(o, entry)}</span>
              </Place>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

const location = (d: Diagnostic, entry: string) => `${d.file ?? entry}:${d.line}:${d.column}`;

function Place({
  d,
  entry,
  testId,
  count,
  children,
}: {
  d: Diagnostic;
  entry: string;
  testId: string;
  count?: number;
  children: React.ReactNode;
}) {
  return (
    <button
      className={`problem ${d.severity}`}
      data-testid={testId}
      data-severity={d.severity}
      data-line={d.line}
      data-column={d.column}
      data-file={d.file ?? entry}
      data-count={count}
      onClick={() => revealInEditor(d.line, d.column, d.file ?? entry)}
    >
      {children}
    </button>
  );
}
