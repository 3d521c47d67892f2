// Worker only: an interpreter's module, fetched and compiled once per worker (a rerun in the
// same worker skips both), with the download's progress for the first load.

/** A compiled interpreter module and what its load cost. */
export interface LoadedModule {
  module: WebAssembly.Module;
  bytes: number;
  /** Fetch + compile, ms (0 when this worker had it). */
  ms: number;
  cached: boolean;
}

const loaded = new Map<string, Promise<{ module: WebAssembly.Module; bytes: number }>>();

/**
 * Fetches `url` reading its body as it comes (progress in decoded bytes against `expected`,
 * the module's known size: a compressed response's Content-Length is not), then compiles it.
 */
export async function fetchBytes(
  url: string,
  expected: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  if (!res.body || !onProgress) return new Uint8Array(await res.arrayBuffer());
  const parts: Uint8Array[] = [];
  let done = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { value, done: end } = await reader.read();
    if (end) break;
    parts.push(value);
    done += value.length;
    onProgress(done, Math.max(done, expected));
  }
  const out = new Uint8Array(new ArrayBuffer(done));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The module at `url`, compiled in this worker (once). */
export async function loadModule(
  url: string,
  expected: number,
  onProgress?: (done: number, total: number) => void,
): Promise<LoadedModule> {
  const had = loaded.get(url);
  const t0 = performance.now();
  let p = had;
  if (!p) {
    p = fetchBytes(url, expected, onProgress).then(async (b) => ({
      module: await WebAssembly.compile(b),
      bytes: b.byteLength,
    }));
    loaded.set(url, p);
    // A failed load is forgotten, so the next run tries again.
    p.catch(() => loaded.delete(url));
  }
  const m = await p;
  return { ...m, ms: had ? 0 : performance.now() - t0, cached: had !== undefined };
}
