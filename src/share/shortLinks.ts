/** What the link service says of itself (GET api/links). */
export interface LinkServiceInfo {
  /** Where short links point and projects are stored, e.g. `https://play.example/`. */
  base: string;
  /** `SQLite` or `PostgreSQL`. */
  store: string;
  /** The largest encoded project it takes. */
  maxBytes: number;
}

/**
 * The link service's address: VITE_LINKS_URL when the build names one (`off`: none), else this
 * app's own origin, where `npm start`, `npm run preview` and `npm run links` carry it. A static
 * host without it answers the probe with a 404 or a page, and Share offers no Shorten.
 */
export function linkServiceBase(): string | null {
  const configured = (import.meta.env.VITE_LINKS_URL as string | undefined)?.trim();
  if (configured === 'off') return null;
  if (configured) return configured.endsWith('/') ? configured : `${configured}/`;
  // An opaque-origin embed has no origin of its own to ask.
  if (self.origin === 'null') return null;
  return new URL('/', location.href).href;
}

let probe: Promise<LinkServiceInfo | null> | null = null;

/** The service, if one answers (asked once per page, when Share first opens). */
export function linkService(): Promise<LinkServiceInfo | null> {
  probe ??= (async () => {
    const base = linkServiceBase();
    if (!base) return null;
    try {
      const r = await fetch(`${base}api/links`, { signal: AbortSignal.timeout(3000) });
      const info = (await r.json()) as Partial<LinkServiceInfo> & { service?: string };
      if (!r.ok || info.service !== 'wasm-playground-links' || typeof info.base !== 'string')
        return null;
      return { base: info.base, store: String(info.store), maxBytes: Number(info.maxBytes) };
    } catch {
      return null;
    }
  })();
  return probe;
}

export type ShortenResult = { ok: true; url: string } | { ok: false; error: string };

/** Stores the encoded project (the part after `#`) and answers its short URL. */
export async function shorten(fragment: string): Promise<ShortenResult> {
  const base = linkServiceBase();
  if (!base) return { ok: false, error: 'No link service is configured for this playground.' };
  let r: Response;
  try {
    // text/plain: a simple request, no CORS preflight when the service is elsewhere.
    r = await fetch(`${base}api/links`, {
      method: 'POST',
      body: fragment,
      headers: { 'Content-Type': 'text/plain' },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (e) {
    const why =
      e instanceof Error && e.name === 'TimeoutError'
        ? 'it did not answer in 10 s'
        : 'it could not be reached';
    return { ok: false, error: `The link service at ${new URL(base).host} is down: ${why}.` };
  }
  const body = (await r.json().catch(() => ({}))) as { url?: string; error?: string };
  if (r.ok && typeof body.url === 'string') return { ok: true, url: body.url };
  const reason: Record<number, string> = {
    413: 'The project is too large for a short link.',
    429: `Too many short links at once; try again in ${r.headers.get('Retry-After') ?? 'a few'} s.`,
    503: 'The link service cannot reach its database right now.',
  };
  return {
    ok: false,
    error:
      reason[r.status] ?? `The link service answered ${r.status}: ${body.error ?? r.statusText}.`,
  };
}
