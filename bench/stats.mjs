/** Median, p90, min and max of a sample (p90: nearest rank). */
export function summarize(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  const p90 = s[Math.min(s.length - 1, Math.ceil(0.9 * s.length) - 1)];
  return { median, p90, min: s[0], max: s[s.length - 1] };
}

/** Runs `fn` `warmup` times unmeasured, then `n` times; returns the samples. */
export async function sample(fn, { warmup = 1, n = 9 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out = [];
  for (let i = 0; i < n; i++) out.push(await fn(i));
  return out;
}

/**
 * Measures two things side by side: each round runs `a` then `b`, so both see the same machine
 * load (on 2 cores, background work drifts during a run). Returns both samples.
 */
export async function sideBySide(a, b, { warmup = 1, n = 9 } = {}) {
  const as = [];
  const bs = [];
  for (let i = 0; i < warmup + n; i++) {
    const x = await a(i);
    const y = await b(i);
    if (i >= warmup) {
      as.push(x);
      bs.push(y);
    }
  }
  return [as, bs];
}

/** Lets the machine settle between rows (closing contexts, GC, background compilation). */
export const settle = (ms = 2000) => new Promise((r) => setTimeout(r, ms));
