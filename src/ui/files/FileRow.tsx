import type { Change } from '../../project/changes';
import { languageOfSource } from '../../languages/registry';
import { baseName, dataSize, type FileData } from '../../project/model';
import { useStore } from '../../store/store';
import { formatBytes } from '../format';
import { downloadPath } from './download';
import { deleteWithUndo } from './fileActions';
import { Icon } from './icons';

/** What a row needs to know; the tree computes it for the visible rows only. */
export interface RowState {
  path: string;
  depth: number;
  dir: boolean;
  /** In the project (a file or folder), not only in the last run's changes. */
  inProject: boolean;
  data: FileData | undefined;
  change: Change | undefined;
  entry: boolean;
  selected: boolean;
  expanded: boolean;
  dropTarget: boolean;
}

/** The tree's callbacks for a row. */
export interface RowActions {
  toggle(path: string): void;
  rename(path: string): void;
  newFileIn(dir: string): void;
  dragOver(path: string | null): void;
  drop(e: React.DragEvent, dir: string): void;
}

/** One file or folder of the tree, with its actions (shown on hover and focus). */
export function FileRow({
  row,
  actions,
  style,
}: {
  row: RowState;
  actions: RowActions;
  style: React.CSSProperties;
}) {
  const { path: p, dir, inProject, change, data } = row;
  const open = () => {
    if (dir) actions.toggle(p);
    else if (change && change !== 'deleted') useStore.getState().showPreview(p);
    else if (inProject) useStore.getState().openFile(p);
  };
  return (
    <div
      role="treeitem"
      aria-selected={row.selected}
      aria-expanded={dir ? row.expanded : undefined}
      aria-level={row.depth + 1}
      tabIndex={0}
      className={`tree-row${row.selected ? ' active' : ''}${row.dropTarget ? ' drop' : ''}${change ? ` ${change}` : ''}`}
      style={{ ...style, paddingLeft: 8 + row.depth * 14 }}
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
        actions.dragOver(p);
      }}
      onDrop={(e) => dir && actions.drop(e, p)}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === 'Enter') open();
        if (e.key === 'F2' && inProject) actions.rename(p);
        if (e.key === 'Delete' && inProject) deleteWithUndo(p);
      }}
    >
      <span className="tree-icon">{dir && <Icon name="chevron" open={row.expanded} />}</span>
      <span className="tree-name">{baseName(p)}</span>
      {row.entry && (
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
        {inProject && !dir && !row.entry && languageOfSource(p) !== null && (
          <button
            className="icon"
            title="Make this the entry file"
            aria-label={`Make ${p} the entry file`}
            onClick={() => useStore.getState().setEntry(p)}
          >
            <Icon name="entry" />
          </button>
        )}
        {dir && inProject && (
          <button
            className="icon"
            title="New file in this folder"
            aria-label={`New file in ${p}`}
            onClick={() => actions.newFileIn(p)}
          >
            <Icon name="newFile" />
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
            <Icon name="download" />
          </button>
        )}
        {inProject && (
          <>
            <button
              className="icon"
              data-testid="rename-file"
              title="Rename or move (F2)"
              aria-label={`Rename ${p}`}
              onClick={() => actions.rename(p)}
            >
              <Icon name="rename" />
            </button>
            <button
              className="icon"
              data-testid="delete-file"
              title="Delete"
              aria-label={`Delete ${p}`}
              onClick={() => deleteWithUndo(p)}
            >
              <Icon name="trash" />
            </button>
          </>
        )}
      </span>
    </div>
  );
}
