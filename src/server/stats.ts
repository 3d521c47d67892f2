/** Percentiles and histograms of timing samples (cold starts, request latencies). */

/** The nearest-rank percentile `p` (0–100) of sorted samples; NaN when there are none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** A summary of samples: p50, p90, p99, max, mean. */
export interface Summary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i];
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    mean: sorted.length ? sum / sorted.length : NaN,
  };
}

/** One bar of a histogram: samples in [from, to). */
export interface Bin {
  from: number;
  to: number;
  count: number;
}

/**
 * A histogram with `bins` bars over [min, p99·1.5] (the far tail goes in the last bar, so one
 * slow outlier does not squash every other bar into the first).
 */
export function histogram(samples: ArrayLike<number>, bins = 30): Bin[] {
  if (samples.length === 0) return [];
  const sorted = Float64Array.from(samples).sort();
  const lo = sorted[0];
  const hi = Math.max(lo + 1e-9, Math.min(sorted[sorted.length - 1], percentile(sorted, 99) * 1.5));
  const width = (hi - lo) / bins;
  const out: Bin[] = Array.from({ length: bins }, (_, i) => ({
    from: lo + i * width,
    to: lo + (i + 1) * width,
    count: 0,
  }));
  for (let i = 0; i < sorted.length; i++) {
    const k = Math.min(bins - 1, Math.floor((sorted[i] - lo) / width));
    out[k].count++;
  }
  out[bins - 1].to = Math.max(out[bins - 1].to, sorted[sorted.length - 1]);
  return out;
}
