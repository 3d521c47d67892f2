import { useCallback, useRef, useState } from 'react';
import { Modal } from '../Modal';
import { languageById } from '../../languages/registry';
import { LanguageSelect } from '../LanguageSelect';
import { defaultEntry, isDir, makeProject } from '../../project/model';
import { exampleProject } from '../../store/projectSlice';
import { useStore } from '../../store/store';
import type { LanguageId } from '../../languages/registry';
import './files.css';

const when = (t: number) => {
  if (!t) return 'never';
  const s = (Date.now() - t) / 1000;
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return new Date(t).toLocaleDateString();
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Projects: open, new (empty or from an example), rename, duplicate, delete. */
export function ProjectsMenu() {
  const [open, setOpen] = useState(false);
  const projects = useStore((s) => s.projects);
  const currentId = useStore((s) => s.currentId);
  const current = useStore((s) => s.language);
  const name = useStore((s) => s.projects[s.currentId].name);
  const [language, setLanguage] = useState<LanguageId>(current);
  const [template, setTemplate] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);

  const opener = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);

  const list = Object.values(projects).sort((a, b) => b.updatedAt - a.updatedAt);
  const create = () => {
    const meta = languageById[language];
    const ex = meta.examples.find((e) => e.id === template);
    const p = ex
      ? { ...exampleProject(language, ex), pristine: undefined }
      : makeProject(
          language,
          { [defaultEntry(language)]: '' },
          { name: `New ${meta.label.split(' ')[0]} project` },
        );
    useStore.getState().addProject(p);
    setOpen(false);
  };

  return (
    <>
      <button
        ref={opener}
        data-testid="projects-button"
        onClick={() => {
          setLanguage(useStore.getState().language);
          setOpen(true);
        }}
        className="project-button"
        title="Your projects: open, new, rename, duplicate, delete"
        aria-haspopup="dialog"
      >
        <span className="muted">Project</span>
        <span className="project-name">{name}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <Modal
          title="Projects"
          titleId="projects-title"
          className="projects-dialog"
          onClose={close}
          opener={opener}
        >
          <div className="new-project">
            <label className="field">
              <span>Language</span>
              <LanguageSelect
                data-autofocus
                data-testid="new-project-language"
                value={language}
                onChange={setLanguage}
              />
            </label>
            <label className="field">
              <span>Start from</span>
              <select
                data-testid="new-project-template"
                value={template}
                onChange={(e) => setTemplate(e.target.value)}
              >
                <option value="">an empty {defaultEntry(language)}</option>
                {languageById[language].examples.map((ex) => (
                  <option key={ex.id} value={ex.id}>
                    the example: {ex.label}
                  </option>
                ))}
              </select>
            </label>
            <button className="run" data-testid="new-project" onClick={create}>
              New project
            </button>
          </div>
          <ul className="project-list">
            {list.map((p) => (
              <li
                key={p.id}
                data-testid="project-entry"
                data-id={p.id}
                className={p.id === currentId ? 'current' : ''}
              >
                {renaming === p.id ? (
                  <input
                    autoFocus
                    aria-label="Project name"
                    data-testid="project-name-input"
                    defaultValue={p.name}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        useStore.getState().renameProject(p.id, e.currentTarget.value);
                        setRenaming(null);
                      }
                      if (e.key === 'Escape') {
                        e.stopPropagation();
                        setRenaming(null);
                      }
                    }}
                    onBlur={(e) => {
                      useStore.getState().renameProject(p.id, e.currentTarget.value);
                      setRenaming(null);
                    }}
                  />
                ) : (
                  <button
                    className="project-open"
                    data-testid="open-project"
                    onClick={() => {
                      useStore.getState().openProject(p.id);
                      setOpen(false);
                    }}
                  >
                    <b>{p.name}</b>
                    <span className="muted">
                      {languageById[p.language].label} ·{' '}
                      {plural(Object.keys(p.files).filter((f) => !isDir(f)).length, 'file')} ·{' '}
                      {when(p.updatedAt)}
                      {p.id === currentId ? ' · open' : ''}
                    </span>
                  </button>
                )}
                <button
                  className="small"
                  onClick={() => setRenaming(p.id)}
                  aria-label={`Rename ${p.name}`}
                >
                  Rename
                </button>
                <button
                  className="small"
                  onClick={() => useStore.getState().duplicateProject(p.id)}
                  aria-label={`Duplicate ${p.name}`}
                >
                  Duplicate
                </button>
                <button
                  className="small danger"
                  data-testid="delete-project"
                  aria-label={`Delete ${p.name}`}
                  onClick={() => {
                    if (
                      confirm(
                        `Delete the project "${p.name}" and its ${Object.keys(p.files).length} files?`,
                      )
                    )
                      useStore.getState().deleteProject(p.id);
                  }}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
          <div className="modal-actions">
            <button onClick={() => setOpen(false)}>Close</button>
          </div>
        </Modal>
      )}
    </>
  );
}
