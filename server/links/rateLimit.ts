/**
 * Per-client token buckets for link creation, in memory only (no address is ever stored): each
 * client may create `burst` links at once and `perMinute` a minute after that.
 */
export function rateLimiter(perMinute: number, burst = perMinute) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const rate = perMinute / 60_000;
  let lastSweep = Date.now();
  return {
    /** 0 when allowed (and counted), else the seconds until the next token. */
    take(client: string, now = Date.now()): number {
      if (perMinute <= 0) return 0;
      if (now - lastSweep > 60_000) {
        // Full buckets carry no information: forget them.
        for (const [k, b] of buckets)
          if (b.tokens + (now - b.at) * rate >= burst) buckets.delete(k);
        lastSweep = now;
      }
      const b = buckets.get(client) ?? { tokens: burst, at: now };
      b.tokens = Math.min(burst, b.tokens + (now - b.at) * rate);
      b.at = now;
      buckets.set(client, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - b.tokens) / rate / 1000);
    },
  };
}
