import { hierarchy, treemap, treemapSquarify } from 'd3-hierarchy';
import { useMemo } from 'react';
import { demangle } from '../../inspect/demangle';
import type { SizeItem } from '../../inspect/sizes';
import { formatBytes } from '../format';

interface Node {
  name: string;
  kind: SizeItem['kind'] | 'root';
  bytes?: number;
  children?: Node[];
}

const MAX_LEAVES = 150;
const W = 600;
const H = 220;

/**
 * Where the bytes go, as a squarified treemap (d3-hierarchy's layout, our SVG): one box per
 * section; the code section split into its functions, data into its segments.
 */
export function Treemap({
  items,
  total,
  onPick,
}: {
  items: SizeItem[];
  total: number;
  onPick: (item: SizeItem) => void;
}) {
  const leaves = useMemo(() => {
    const fns = items.filter((i) => i.kind === 'function');
    const data = items.filter((i) => i.kind === 'data');
    const children: Node[] = items
      .filter((i) => i.kind === 'section' || i.kind === 'custom')
      .filter((i) => !(i.kind === 'section' && i.name.startsWith('custom:')))
      .map((i) => {
        const all = i.name === 'code' ? fns : i.name === 'data' ? data : [];
        if (!all.length) return { name: i.name, kind: i.kind, bytes: i.bytes };
        // The biggest MAX_LEAVES get a box each; the rest share one (3,000 boxes of 1 px say
        // nothing and cost the page a long task).
        const parts = [...all].sort((a, b) => b.bytes - a.bytes).slice(0, MAX_LEAVES);
        const others = all.length - parts.length;
        const othersBytes =
          all.reduce((n, p) => n + p.bytes, 0) - parts.reduce((n, p) => n + p.bytes, 0);
        const rest = i.bytes - parts.reduce((n, p) => n + p.bytes, 0) - othersBytes;
        return {
          name: i.name,
          kind: i.kind,
          children: [
            ...parts.map((p) => ({ name: p.name, kind: p.kind, bytes: p.bytes })),
            ...(others > 0
              ? [{ name: `${others.toLocaleString('en')} more`, kind: i.kind, bytes: othersBytes }]
              : []),
            ...(rest > 0 ? [{ name: `${i.name} (header)`, kind: i.kind, bytes: rest }] : []),
          ],
        };
      });
    const root = hierarchy<Node>({ name: 'module', kind: 'root', children })
      .sum((d) => d.bytes ?? 0)
      .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
    return treemap<Node>().tile(treemapSquarify).size([W, H]).paddingInner(1)(root).leaves();
  }, [items]);
  const byName = useMemo(() => new Map(items.map((i) => [`${i.kind}:${i.name}`, i])), [items]);
  return (
    <svg
      className="treemap"
      data-testid="treemap"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Treemap of the module's ${total} bytes by section and function`}
      preserveAspectRatio="none"
    >
      {leaves.map((l) => {
        const w = l.x1 - l.x0;
        const h = l.y1 - l.y0;
        const d = l.data;
        const item = byName.get(`${d.kind}:${d.name}`);
        return (
          <g
            key={`${l.parent?.data.name}/${d.name}`}
            transform={`translate(${l.x0},${l.y0})`}
            className={`tm-${d.kind}`}
            onClick={() => item && onPick(item)}
          >
            <rect width={w} height={h} />
            <title>{`${demangle(d.name)}: ${formatBytes(l.value)} (${(((l.value ?? 0) / total) * 100).toFixed(1)}%)`}</title>
            {w > 40 && h > 12 && (
              <text x={3} y={11} className="tm-label">
                {d.name.length * 6 > w - 6
                  ? d.name.slice(0, Math.max(1, Math.floor((w - 6) / 6)))
                  : d.name}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
