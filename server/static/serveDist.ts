import { existsSync, readFileSync, statSync, createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { headersFor, parseHeadersFile } from './headersFile.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.tar': 'application/x-tar',
  '.zip': 'application/zip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** The precompressed copy to send for `accept` (`Accept-Encoding`), best first. */
export function pickEncoding(
  file: string,
  accept: string,
): { path: string; encoding: 'br' | 'gzip' } | null {
  const accepts = (name: string) =>
    new RegExp(`(^|,)\\s*${name}\\s*(;\\s*q=(?!0(\\.0*)?\\s*(,|$))[\\d.]+)?\\s*(,|$)`).test(accept);
  // A copy older than its file is stale (the file was written again after the build): unused.
  const fresh = (copy: string) =>
    existsSync(copy) && statSync(copy).mtimeMs >= statSync(file).mtimeMs;
  if (accepts('br') && fresh(`${file}.br`)) return { path: `${file}.br`, encoding: 'br' };
  if (accepts('gzip') && fresh(`${file}.gz`)) return { path: `${file}.gz`, encoding: 'gzip' };
  return null;
}

/**
 * A static server for the built app as a static host would serve it: the headers of
 * `dist/_headers`, and the precompressed `.br` / `.gz` copies the build wrote, with
 * `Content-Encoding` and `Vary`. Answers false for a path that is not a file of `dist`.
 */
export function serveDist(dist: string) {
  const root = resolve(dist);
  const headersPath = join(root, '_headers');
  const rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return false;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = resolve(root, `.${path}`);
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return false;
    const headers: Record<string, string | number> = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      ...headersFor(rules, path),
    };
    const pre = pickEncoding(file, String(req.headers['accept-encoding'] ?? ''));
    const sent = pre?.path ?? file;
    if (pre) headers['Content-Encoding'] = pre.encoding;
    if (existsSync(`${file}.br`) || existsSync(`${file}.gz`)) headers.Vary = 'Accept-Encoding';
    headers['Content-Length'] = statSync(sent).size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(sent).pipe(res);
    return true;
  };
}
