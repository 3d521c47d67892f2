import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { allPaths, baseName, comparePaths, isDir, parentOf } from '../../project/model';
import { currentProject } from '../../store/projectSlice';
import { useStore } from '../../store/store';
import {
  addUploads,
  createPath,
  downloadProjectZip,
  droppedFiles,
  openZip,
  renamePath,
} from './fileActions';
import { FileRow, type RowActions } from './FileRow';
import { Icon } from './icons';
import { ProjectsMenu } from './ProjectsMenu';
import './files.css';

/** What the tree's inline name box is doing. */
type Editing = { kind: 'new-file' | 'new-folder'; dir: string } | { kind: 'rename'; path: string };

const ROW_HEIGHT = 26;

/** A row of the flattened, visible tree: a path, or the name box for a new entry. */
type Item = { kind: 'path'; path: string } | { kind: 'name-box'; depth: number; initial: string };

/**
 * The project's files: create, rename, move (drag), delete with undo, upload (files and dropped
 * folders), zip in and out; files the last run changed are marked. Rows are virtualised, so a
 * project of thousands of files renders only what is on screen.
 */
export function FileTree() {
  // The list of paths changes only when files come or go, not on every keystroke.
  const paths = useStore(useShallow((s) => Object.keys(currentProject(s).files)));
  const files = useStore((s) => currentProject(s).files);
  const entry = useStore((s) => currentProject(s).entry);
  const active = useStore((s) => s.activePath);
  const preview = useStore((s) => s.previewPath);
  const changes = useStore((s) => s.runChanges?.changes);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  const sorted = useMemo(() => {
    const set = new Set(allPaths(Object.fromEntries(paths.map((p) => [p, '']))));
    // Files the last run created (or deleted) are listed too, marked.
    for (const p of Object.keys(changes ?? {})) {
      set.add(p);
      for (let d = parentOf(p); d; d = parentOf(d)) set.add(d);
    }
    return [...set].sort(comparePaths);
  }, [paths, changes]);

  const items = useMemo(() => {
    const out: Item[] = [];
    const depthOf = (p: string) => p.split('/').length - (isDir(p) ? 2 : 1);
    const newBox = (dir: string) =>
      editing && editing.kind !== 'rename' && editing.dir === dir
        ? [{ kind: 'name-box' as const, depth: dir ? depthOf(dir) + 1 : 0, initial: '' }]
        : [];
    out.push(...newBox(''));
    outer: for (const p of sorted) {
      for (let d = parentOf(p); d; d = parentOf(d)) if (collapsed.has(d)) continue outer;
      if (editing?.kind === 'rename' && editing.path === p)
        out.push({ kind: 'name-box', depth: depthOf(p), initial: baseName(p) });
      else out.push({ kind: 'path', path: p });
      if (isDir(p)) out.push(...newBox(p));
    }
    return out;
  }, [sorted, collapsed, editing]);

  // TanStack Virtual keeps its own state; the React compiler skips this component, as intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

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

  const actions: RowActions = {
    toggle: (p) =>
      setCollapsed((c) => {
        const n = new Set(c);
        if (n.has(p)) n.delete(p);
        else n.add(p);
        return n;
      }),
    rename: (path) => {
      setEditing({ kind: 'rename', path });
      setError(null);
    },
    newFileIn: (dir) => {
      setEditing({ kind: 'new-file', dir });
      setCollapsed((c) => new Set([...c].filter((d) => d !== dir)));
    },
    dragOver: setDropTarget,
    drop: (e, dir) => void onDrop(e, dir),
  };

  const newIn = (kind: 'new-file' | 'new-folder') => {
    const dir = isDir(active) ? active : parentOf(active);
    setEditing({ kind, dir: files[active] === undefined ? '' : dir });
    setError(null);
  };

  const nameBox = (initial: string) => (
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
  );

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
          {(['files', 'folder'] as const).map((kind) => (
            <label
              key={kind}
              className="icon"
              title={
                kind === 'files'
                  ? 'Upload files (or drop them here)'
                  : 'Upload a folder (or drop it here)'
              }
            >
              <Icon name={kind === 'files' ? 'upload' : 'uploadFolder'} />
              <span className="sr-only">
                {kind === 'files' ? 'Upload files' : 'Upload a folder'}
              </span>
              <input
                type="file"
                multiple
                className="sr-only"
                data-testid={kind === 'files' ? 'upload-files-input' : 'upload-folder-input'}
                // A folder picker keeps each file's path inside the folder (webkitRelativePath).
                {...(kind === 'folder' ? { webkitdirectory: '' } : {})}
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
          ))}
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
      <div className="tree" ref={scroller} role="tree" aria-label="Project files">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const item = items[v.index];
            const style: React.CSSProperties = {
              position: 'absolute',
              top: 0,
              left: 0,
              right: 0,
              height: ROW_HEIGHT,
              transform: `translateY(${v.start}px)`,
            };
            if (item.kind === 'name-box')
              return (
                <div
                  key={`box-${v.index}`}
                  className="tree-row editing"
                  style={{ ...style, paddingLeft: 8 + item.depth * 14 }}
                >
                  {nameBox(item.initial)}
                </div>
              );
            const p = item.path;
            const change = changes?.[p];
            return (
              <FileRow
                key={p}
                style={style}
                actions={actions}
                row={{
                  path: p,
                  depth: p.split('/').length - (isDir(p) ? 2 : 1),
                  dir: isDir(p),
                  inProject: p in files || (isDir(p) && !change),
                  data: files[p],
                  change,
                  entry: p === entry,
                  selected: preview ? p === preview : p === active,
                  expanded: !collapsed.has(p),
                  dropTarget: dropTarget === p,
                }}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
}
