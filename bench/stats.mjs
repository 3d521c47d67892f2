/** Median, min and max of a sample. */
export function summarize(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1] };
}

/** Runs `fn` `warmup` times unmeasured, then `n` times; returns the samples. */
export async function sample(fn, { warmup = 1, n = 5 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out = [];
  for (let i = 0; i < n; i++) out.push(await fn(i));
  return out;
}
