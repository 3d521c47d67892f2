/**
 * The headers the app needs from whatever serves it (README: "Hosting"). COOP + COEP isolate the
 * top-level app (SharedArrayBuffer, 5 µs timers); CORS and CORP let a frame with an opaque origin
 * (`sandbox="allow-scripts"`, origin `null`) load our scripts, styles, wasm and fonts, which it
 * fetches cross-origin. Nothing served carries cookies or private data, so `*` gives nothing away.
 */
export const APP_HEADERS: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Access-Control-Allow-Origin': '*',
};

/** Hashed names never change: browsers keep them (the C toolchain above all). */
export const ASSET_HEADERS: Record<string, string> = {
  'Cache-Control': 'public, max-age=31536000, immutable',
};

/** `dist/_headers` for Netlify, Cloudflare Pages and servers that read that format. */
export function headersFileText(): string {
  const block = (path: string, h: Record<string, string>) =>
    `${path}\n${Object.entries(h)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n')}\n`;
  return `# Written by the build (server/static/hostingHeaders.ts); see README "Hosting".\n${block('/*', APP_HEADERS)}${block('/assets/*', ASSET_HEADERS)}`;
}
