import { useDeferredValue, useMemo, useState } from 'react';
import { findDefinition } from '../../project/findDefinition';
import { itemKey, useInspect } from '../../inspect/state';
import { currentProject } from '../../store/projectSlice';
import { useStore } from '../../store/store';
import { demangle } from '../../inspect/demangle';
import type { SizeItem } from '../../inspect/sizes';
import { revealInEditor } from '../editor/editorHandle';
import { formatBytes, signed } from '../format';
import { OptimizeBox } from './OptimizeBox';
import { Treemap } from './Treemap';

type SortKey = 'bytes' | 'name' | 'kind' | 'delta';
/** Rows listed at first (biggest first); more on request, or a filter finds any. */
const FIRST_ROWS = 100;

/** Opens the definition of a function in the project, when a file defines it; else says so. */
export function jumpToSource(name: string) {
  const s = useStore.getState();
  const p = currentProject(s);
  const place = findDefinition(p.files, p.entry, [name]);
  if (place) revealInEditor(place.line, place.column, place.file);
  else
    s.patchUi({
      toast: { tone: 'warn', text: `No file of this project defines ${name}` },
      toastAction: null,
    });
}

/** Sizes: a treemap, then every section, function, data segment and custom section in a table. */
export function SizesView() {
  // A big module's table and treemap are made in a render React can interrupt (it yields to
  // the page every few ms), not in one long task.
  const inspection = useDeferredValue(useInspect((s) => s.inspection));
  const deltas = useInspect((s) => s.deltas);
  const added = useInspect((s) => s.added);
  const removed = useInspect((s) => s.removed);
  const totalDelta = useInspect((s) => s.totalDelta);
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(FIRST_ROWS);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'bytes', desc: true });

  const rows = useMemo(() => {
    if (!inspection) return [];
    const q = filter.trim().toLowerCase();
    const all: (SizeItem & { delta?: number; status?: 'new' | 'removed' })[] = [
      ...inspection.sizes.items.map((i) => {
        const k = itemKey(i);
        return {
          ...i,
          delta: added.has(k) ? i.bytes : deltas[k],
          status: added.has(k) ? ('new' as const) : undefined,
        };
      }),
      ...removed.map((i) => ({ ...i, delta: -i.bytes, status: 'removed' as const })),
    ];
    const shown = q
      ? all.filter(
          (i) =>
            i.name.toLowerCase().includes(q) ||
            demangle(i.name).toLowerCase().includes(q) ||
            i.kind.includes(q),
        )
      : all;
    const dir = sort.desc ? -1 : 1;
    shown.sort((a, b) => {
      const d =
        sort.key === 'bytes'
          ? a.bytes - b.bytes
          : sort.key === 'delta'
            ? (a.delta ?? 0) - (b.delta ?? 0)
            : a[sort.key].localeCompare(b[sort.key]);
      return d * dir;
    });
    return shown;
  }, [inspection, deltas, added, removed, filter, sort]);

  if (!inspection) return null;
  const { total } = inspection.sizes;
  const header = (key: SortKey, label: string) => (
    <th
      scope="col"
      className={key === 'bytes' || key === 'delta' ? 'num' : undefined}
      aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
    >
      <button
        className="link"
        onClick={() =>
          setSort((s) => ({
            key,
            desc: s.key === key ? !s.desc : key === 'bytes' || key === 'delta',
          }))
        }
      >
        {label}
        {sort.key === key ? (sort.desc ? ' ↓' : ' ↑') : ''}
      </button>
    </th>
  );
  return (
    <div className="sizes-view">
      <p className="sizes-summary">
        <b>{total.toLocaleString('en')} bytes</b> ({formatBytes(inspection.gzipBytes)} gzipped)
        {totalDelta !== null && (
          <span className={`delta ${totalDelta > 0 ? 'up' : totalDelta < 0 ? 'down' : ''}`}>
            {' '}
            {signed(totalDelta)} vs the previous compile
          </span>
        )}
      </p>
      <Treemap
        items={inspection.sizes.items}
        total={total}
        onPick={(i) => (i.kind === 'function' ? jumpToSource(i.name) : setFilter(i.name))}
      />
      <OptimizeBox />
      <label className="size-filter">
        <span className="sr-only">Filter sizes</span>
        <input
          data-testid="size-filter"
          placeholder="Filter by name or kind (function, data, custom, section)"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </label>
      <table
        className="size-table"
        data-testid="size-table"
        data-total={total}
        data-rows={rows.length}
      >
        <caption className="sr-only">
          Bytes by section, function, data segment and custom section
        </caption>
        <thead>
          <tr>
            {header('name', 'Name')}
            {header('kind', 'Kind')}
            {header('bytes', 'Bytes')}
            <th scope="col" className="num">
              Share
            </th>
            {header('delta', 'Δ')}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, limit).map((r) => (
            <tr
              key={`${r.status ?? ''}${itemKey(r)}`}
              data-testid="size-row"
              data-name={r.name}
              data-kind={r.kind}
              data-bytes={r.bytes}
              {...(r.delta !== undefined ? { 'data-delta': r.delta } : {})}
              className={r.status ?? ''}
            >
              <td>
                {r.kind === 'function' && r.status !== 'removed' ? (
                  <button
                    className="link"
                    title={`${r.name}: show its source`}
                    onClick={() => jumpToSource(r.name)}
                  >
                    {demangle(r.name)}
                  </button>
                ) : (
                  r.name
                )}
              </td>
              <td>{r.kind}</td>
              <td className="num">{r.bytes.toLocaleString('en')}</td>
              <td className="num">{((r.bytes / total) * 100).toFixed(1)}%</td>
              <td
                className={`num delta ${(r.delta ?? 0) > 0 ? 'up' : (r.delta ?? 0) < 0 ? 'down' : ''}`}
              >
                {r.status === 'new'
                  ? 'new'
                  : r.status === 'removed'
                    ? 'removed'
                    : r.delta
                      ? signed(r.delta)
                      : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > limit && (
        <p className="muted">
          {(rows.length - limit).toLocaleString('en')} more rows: filter to find them, or{' '}
          <button className="link" onClick={() => setLimit((n) => n + 500)}>
            show {Math.min(500, rows.length - limit).toLocaleString('en')} more
          </button>
          .
        </p>
      )}
    </div>
  );
}
