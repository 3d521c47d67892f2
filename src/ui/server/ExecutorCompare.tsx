import { useServer } from '../../server/state';
import { formatUs } from '../format';

/**
 * The last result of each executor side by side (WAGI module vs Spin component), once both ran:
 * a load test's req/s and latencies, or the cold-start lab's instantiate p50.
 */
export function ExecutorCompare({ kind }: { kind: 'load' | 'cold' }) {
  const by = useServer((s) => s.lastBy);
  const wagi = by.wagi?.[kind];
  const spin = by['spin-component']?.[kind];
  if (!wagi || !spin) {
    const other = wagi ? 'a Spin component' : spin ? 'a WAGI handler' : null;
    return other ? (
      <p className="muted" data-testid="executor-compare-hint">
        Run it on {other} too (Executor, above) for a side-by-side line.
      </p>
    ) : null;
  }
  if (kind === 'load') {
    const w = by.wagi!.load!;
    const s = by['spin-component']!.load!;
    const line = (r: typeof w) =>
      `${Math.round(r.rps).toLocaleString('en')} req/s · p50 ${r.p50Ms.toFixed(2)} ms · p99 ${r.p99Ms.toFixed(2)} ms`;
    return (
      <p
        className="executor-compare"
        data-testid="executor-compare"
        data-ratio={(s.rps / w.rps).toFixed(3)}
      >
        Last of each — WAGI: {line(w)} | Spin component: {line(s)} → Spin/WAGI throughput{' '}
        <strong>{(s.rps / w.rps).toFixed(2)}×</strong>
      </p>
    );
  }
  const w = by.wagi!.cold!;
  const s = by['spin-component']!.cold!;
  return (
    <p
      className="executor-compare"
      data-testid="executor-compare"
      data-ratio={(s.p50Us / w.p50Us).toFixed(3)}
    >
      Last of each — WAGI module: instantiate p50 {formatUs(w.p50Us)} | Spin component: p50{' '}
      {formatUs(s.p50Us)} → <strong>{(s.p50Us / w.p50Us).toFixed(1)}×</strong> (a component
      instantiates its core modules and jco's bindings)
    </p>
  );
}
