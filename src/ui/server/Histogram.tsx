import type { Bin } from '../../server/stats';

/** Bars of a latency or start-time histogram (SVG, scales with its box). */
export function Histogram({ bins, unit, label }: { bins: Bin[]; unit: string; label: string }) {
  if (bins.length === 0) return null;
  const max = Math.max(...bins.map((b) => b.count));
  const W = 300;
  const H = 80;
  const w = W / bins.length;
  const fmt = (v: number) =>
    v >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(v >= 10 ? 1 : 2);
  return (
    <figure className="histogram" data-testid="histogram">
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label}>
        {bins.map((b, i) => {
          const h = max ? (b.count / max) * (H - 2) : 0;
          return (
            <rect key={i} x={i * w + 0.5} y={H - h} width={Math.max(0.5, w - 1)} height={h}>
              <title>
                {fmt(b.from)}–{fmt(b.to)} {unit}: {b.count.toLocaleString('en')}
              </title>
            </rect>
          );
        })}
      </svg>
      <figcaption>
        <span>
          {fmt(bins[0].from)} {unit}
        </span>
        <span>{label}</span>
        <span>
          {fmt(bins[bins.length - 1].to)} {unit}
        </span>
      </figcaption>
    </figure>
  );
}
