/**
 * The bytes the toolchain's download moves over the network. The runtime counts decoded bytes
 * (105 MB), but a server that sends the build's brotli copies moves ≈20 MB: the Content-Length
 * of each response (the encoded size when Content-Encoding is set; readable cross-origin too)
 * adds up to what the progress bar should say.
 *
 * Installed once: the runtime reads `fetch` when its module is evaluated, so a second wrapper
 * (a download started again after a cancel) would never see a response. `reset()` starts a load.
 */
let meter: ReturnType<typeof makeMeter> | null = null;

export function installWireMeter(scope: typeof globalThis = globalThis) {
  meter ??= makeMeter(scope);
  meter.reset();
  return meter;
}

function makeMeter(scope: typeof globalThis) {
  const realFetch = scope.fetch.bind(scope);
  let wire = 0;
  let unknown = false;
  scope.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await realFetch(input, init);
    const length = response.headers.get('content-length');
    // Without a length (a server compressing on the fly) the decoded count is all there is.
    if (length === null) unknown = true;
    else wire += Number(length);
    return response;
  };
  return {
    reset() {
      wire = 0;
      unknown = false;
    },
    /**
     * `decoded` of `decodedTotal` bytes read, as wire bytes: scaled by the responses' total
     * (the ratio differs a little between files, so `done` is close, and exact at the end).
     */
    scale(decoded: number, decodedTotal: number): { done?: number; total?: number } {
      if (unknown) return { done: decoded, total: decodedTotal };
      // No response yet: no size to say.
      if (wire === 0) return {};
      return { done: Math.round((decoded / decodedTotal) * wire), total: wire };
    },
  };
}
