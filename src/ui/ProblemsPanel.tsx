import { currentProject } from '../store/projectSlice';
import { useStore } from '../store/store';
import { revealInEditor } from './editor/editorHandle';
import './ProblemsPanel.css';

/** Compile diagnostics; clicking one moves the editor's cursor there. */
export function ProblemsPanel() {
  const diagnostics = useStore((s) => s.diagnostics);
  const status = useStore((s) => s.status);
  const entry = useStore((s) => currentProject(s).entry);
  return (
    <section className="panel problems-panel" aria-label="Problems">
      <div className="panel-header">
        <h2>Problems</h2>
        <span className="muted">{diagnostics.length}</span>
      </div>
      <ul className="problems" data-testid="problems">
        {diagnostics.length === 0 && (
          <li className="empty">{status === 'compiling' ? 'Compiling…' : 'No problems.'}</li>
        )}
        {diagnostics.map((d, i) => (
          <li key={i}>
            <button
              className={`problem ${d.severity}`}
              data-testid="problem"
              data-severity={d.severity}
              data-line={d.line}
              data-column={d.column}
              data-file={d.file ?? entry}
              onClick={() => revealInEditor(d.line, d.column, d.file ?? entry)}
            >
              <span className={`sev ${d.severity}`}>{d.severity}</span>
              <span className="loc">
                {d.file ?? entry}:{d.line}:{d.column}
              </span>
              <span className="msg">{d.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
