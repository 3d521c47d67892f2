import { baseName } from '../../project/model';
import { currentProject } from '../../store/projectSlice';
import { useStore } from '../../store/store';
import './files.css';

/** One tab per open file; each keeps its own model (undo, cursor, scroll) in the registry. */
export function FileTabs() {
  const tabs = useStore((s) => s.openTabs);
  const active = useStore((s) => s.activePath);
  const preview = useStore((s) => s.previewPath);
  const entry = useStore((s) => currentProject(s).entry);
  const errors = useStore((s) => s.diagnostics);
  return (
    <div className="file-tabs" role="tablist" aria-label="Open files">
      {tabs.map((t) => {
        const bad = errors.some((d) => d.severity === 'error' && (d.file ?? entry) === t);
        return (
          <div
            key={t}
            role="tab"
            tabIndex={0}
            aria-selected={t === active && !preview}
            className={`file-tab${t === active && !preview ? ' active' : ''}${bad ? ' has-error' : ''}`}
            data-testid="file-tab"
            data-path={t}
            title={t}
            onClick={() => useStore.getState().openFile(t)}
            onKeyDown={(e) => e.key === 'Enter' && useStore.getState().openFile(t)}
            onAuxClick={(e) => e.button === 1 && useStore.getState().closeTab(t)}
          >
            {baseName(t)}
            {tabs.length > 1 && (
              <button
                className="tab-close"
                aria-label={`Close ${t}`}
                onClick={(e) => {
                  e.stopPropagation();
                  useStore.getState().closeTab(t);
                }}
              >
                ×
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
