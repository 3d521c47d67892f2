import { Fragment, useMemo, useState } from 'react';
import type { Change } from '../../project/changes';
import { isCompiledByClang } from '../../project/fileTypes';
import { allPaths, baseName, comparePaths, dataSize, isDir, parentOf } from '../../project/model';
import { currentProject } from '../../store/projectSlice';
import { useStore } from '../../store/store';
import { formatBytes } from '../format';
import {
  addUploads,
  createPath,
  deleteWithUndo,
  downloadProjectZip,
  droppedFiles,
  openZip,
  renamePath,
} from './fileActions';
import { downloadPath } from './download';
import { Icon } from './icons';
import { ProjectsMenu } from './ProjectsMenu';

/** What the tree's inline name box is doing. */
type Editing = { kind: 'new-file' | 'new-folder'; dir: string } | { kind: 'rename'; path: string };

/** The project's files: create, rename, move (drag), delete, upload, download; run changes marked. */
export function FileTree() {
  const files = useStore((s) => currentProject(s).files);
  const entry = useStore((s) => currentProject(s).entry);
  const active = useStore((s) => s.activePath);
  const preview = useStore((s) => s.previewPath);
  const changes = useStore((s) => s.runChanges?.changes);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);

  const rows = useMemo(() => {
    const paths = new Set(allPaths(files));
    // Files the last run created (or deleted) are listed too, marked.
    for (const p of Object.keys(changes ?? {})) {
      paths.add(p);
      for (let d = parentOf(p); d; d = parentOf(d)) paths.add(d);
    }
    return [...paths].sort(comparePaths);
  }, [files, changes]);

  const hidden = (p: string) => {
    for (let d = parentOf(p); d; d = parentOf(d)) if (collapsed.has(d)) return true;
    return false;
  };

  const submit = (value: string) => {
    if (!editing) return;
    const err =
      editing.kind === 'rename'
        ? renamePath(editing.path, parentOf(editing.path) + value)
        : createPath(editing.dir + value, editing.kind === 'new-folder');
    setError(err);
    if (!err) setEditing(null);
  };

  const moveInto = (from: string, dir: string) => {
    const to = dir + baseName(from) + (isDir(from) ? '/' : '');
    setError(from === to ? null : renamePath(from, to));
  };

  const onDrop = async (e: React.DragEvent, dir: string) => {
    e.preventDefault();
    e.stopPropagation();
    setDropTarget(null);
    const moved = e.dataTransfer.getData('application/x-playground-path');
    if (moved) return moveInto(moved, dir);
    if (e.dataTransfer.types.includes('Files'))
      await addUploads(await droppedFiles(e.dataTransfer), dir);
  };

  const nameBox = (initial: string, depth: number) => (
    <li className="tree-row editing" style={{ paddingLeft: 8 + depth * 14 }}>
      <input
        data-testid="new-path-input"
        aria-label={editing?.kind === 'rename' ? 'New name' : 'Name'}
        autoFocus
        defaultValue={initial}
        onKeyDown={(e) => {
          if (e.key === 'Enter') submit(e.currentTarget.value);
          if (e.key === 'Escape') {
            setEditing(null);
            setError(null);
          }
        }}
        onBlur={(e) => (e.currentTarget.value ? submit(e.currentTarget.value) : setEditing(null))}
      />
    </li>
  );

  const newIn = (kind: 'new-file' | 'new-folder') => {
    const dir = isDir(active) ? active : parentOf(active);
    setEditing({ kind, dir: files[active] === undefined ? '' : dir });
    setError(null);
  };

  return (
    <section
      className={`panel file-tree${dropTarget === '' ? ' drop' : ''}`}
      aria-label="Files"
      data-testid="file-tree"
      onDragOver={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setDropTarget('');
      }}
      onDragLeave={() => setDropTarget(null)}
      onDrop={(e) => void onDrop(e, '')}
    >
      <div className="panel-header tree-header">
        <ProjectsMenu />
        <div className="tree-tools">
          <button
            className="icon"
            data-testid="new-file-button"
            title="New file"
            aria-label="New file"
            onClick={() => newIn('new-file')}
          >
            <Icon name="newFile" />
          </button>
          <button
            className="icon"
            data-testid="new-folder-button"
            title="New folder"
            aria-label="New folder"
            onClick={() => newIn('new-folder')}
          >
            <Icon name="newFolder" />
          </button>
          <label className="icon" title="Upload files (or drop them here)">
            <Icon name="upload" />
            <span className="sr-only">Upload files</span>
            <input
              type="file"
              multiple
              className="sr-only"
              data-testid="upload-files-input"
              onChange={(e) => {
                const list = [...(e.currentTarget.files ?? [])].map((f) => ({
                  file: f,
                  path: f.webkitRelativePath || f.name,
                }));
                e.currentTarget.value = '';
                void addUploads(list);
              }}
            />
          </label>
          <button
            className="icon"
            data-testid="download-project"
            title="Download the project as a .zip"
            aria-label="Download the project as a .zip"
            onClick={downloadProjectZip}
          >
            <Icon name="download" />
          </button>
          <label className="icon" title="Open a .zip as a new project">
            <Icon name="zipOpen" />
            <span className="sr-only">Open a .zip as a new project</span>
            <input
              type="file"
              accept=".zip,application/zip"
              className="sr-only"
              data-testid="open-zip-input"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (f) void openZip(f);
              }}
            />
          </label>
        </div>
      </div>
      {error && (
        <div className="tree-error" role="alert" data-testid="file-tree-error">
          {error}
        </div>
      )}
      <ul className="tree" role="tree">
        {editing && editing.kind !== 'rename' && editing.dir === '' && nameBox('', 0)}
        {rows.map((p) => {
          if (hidden(p)) return null;
          const depth = p.split('/').length - (isDir(p) ? 2 : 1);
          const change: Change | undefined = changes?.[p];
          const inProject = p in files || (isDir(p) && !change);
          if (editing?.kind === 'rename' && editing.path === p)
            return <Fragment key={p}>{nameBox(baseName(p), depth)}</Fragment>;
          const dir = isDir(p);
          const data = files[p];
          return (
            <li key={p} role="none">
              <div
                role="treeitem"
                aria-selected={p === active || p === preview}
                aria-expanded={dir ? !collapsed.has(p) : undefined}
                tabIndex={0}
                className={`tree-row${p === active && !preview ? ' active' : ''}${p === preview ? ' active' : ''}${dropTarget === p ? ' drop' : ''}${change ? ` ${change}` : ''}`}
                style={{ paddingLeft: 8 + depth * 14 }}
                data-testid="file-entry"
                data-path={p}
                data-kind={dir ? 'dir' : 'file'}
                data-change={change}
                draggable={inProject}
                onDragStart={(e) => e.dataTransfer.setData('application/x-playground-path', p)}
                onDragOver={(e) => {
                  if (!dir) return;
                  e.preventDefault();
                  e.stopPropagation();
                  setDropTarget(p);
                }}
                onDrop={(e) => dir && void onDrop(e, p)}
                onClick={() => {
                  if (dir) {
                    setCollapsed((c) => {
                      const n = new Set(c);
                      if (n.has(p)) n.delete(p);
                      else n.add(p);
                      return n;
                    });
                  } else if (change && change !== 'deleted') useStore.getState().showPreview(p);
                  else if (inProject) useStore.getState().openFile(p);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') e.currentTarget.click();
                  if (e.key === 'F2' && inProject) setEditing({ kind: 'rename', path: p });
                  if (e.key === 'Delete' && inProject) deleteWithUndo(p);
                }}
              >
                <span className="tree-icon">
                  {dir && <Icon name="chevron" open={!collapsed.has(p)} />}
                </span>
                <span className="tree-name">{baseName(p)}</span>
                {p === entry && (
                  <span className="tree-badge" title="The entry file: what is compiled">
                    entry
                  </span>
                )}
                {change && (
                  <span className={`tree-change ${change}`} title={`${change} by the last run`}>
                    {change === 'created' ? 'new' : change === 'modified' ? 'changed' : 'deleted'}
                  </span>
                )}
                {!dir && data !== undefined && typeof data !== 'string' && (
                  <span className="tree-size">{formatBytes(dataSize(data))}</span>
                )}
                {change && (
                  <button
                    onMouseDown={(e) => e.stopPropagation()}
                    className="small"
                    data-testid="keep-file"
                    title={
                      change === 'deleted'
                        ? 'Delete it from the project too'
                        : 'Copy the file the run wrote into the project'
                    }
                    onClick={(e) => {
                      e.stopPropagation();
                      useStore.getState().keepFile(p);
                    }}
                  >
                    Keep
                  </button>
                )}
                <span className="tree-actions" onClick={(e) => e.stopPropagation()}>
                  {inProject &&
                    !dir &&
                    p !== entry &&
                    (isCompiledByClang(p) || /\.(ts|wat)$/.test(p)) && (
                      <button
                        className="icon"
                        title="Make this the entry file"
                        aria-label={`Make ${p} the entry file`}
                        onClick={() => useStore.getState().setEntry(p)}
                      >
                        ▶
                      </button>
                    )}
                  {dir && inProject && (
                    <button
                      className="icon"
                      title="New file in this folder"
                      aria-label={`New file in ${p}`}
                      onClick={() => setEditing({ kind: 'new-file', dir: p })}
                    >
                      ＋
                    </button>
                  )}
                  {!dir && change !== 'deleted' && (
                    <button
                      className="icon"
                      data-testid="download-file"
                      title="Download"
                      aria-label={`Download ${p}`}
                      onClick={() => downloadPath(p)}
                    >
                      ⤓
                    </button>
                  )}
                  {inProject && (
                    <>
                      <button
                        className="icon"
                        data-testid="rename-file"
                        title="Rename or move"
                        aria-label={`Rename ${p}`}
                        onClick={() => setEditing({ kind: 'rename', path: p })}
                      >
                        ✎
                      </button>
                      <button
                        className="icon"
                        data-testid="delete-file"
                        title="Delete"
                        aria-label={`Delete ${p}`}
                        onClick={() => deleteWithUndo(p)}
                      >
                        ✕
                      </button>
                    </>
                  )}
                </span>
              </div>
              {dir && editing && editing.kind !== 'rename' && editing.dir === p && (
                <ul>{nameBox('', depth + 1)}</ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
