/** Milliseconds with a precision that suits the magnitude: µs for small values. */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '—';
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 100) return `${ms.toFixed(2)} ms`;
  if (ms < 10000) return `${ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Microseconds, as formatMs shows them (µs below 1 ms). */
export const formatUs = (us: number): string => formatMs(us / 1000);

/** Bytes as a person reads them, with the exact count kept for small sizes. */
export function formatBytes(n: number | undefined): string {
  if (n === undefined) return '—';
  if (n < 10 * 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

/** A change in bytes with its sign: "+12 B", "−3 B", "±0 B". */
export const signed = (n: number) =>
  `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toLocaleString('en')} B`;
