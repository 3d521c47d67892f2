// Serves e2e/host/ on a second localhost port, so the embed runs in a cross-origin iframe.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';

const port = Number(process.env.HOST_PORT ?? 4174);
createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path !== '/host.html') {
    res.writeHead(path === '/' ? 200 : 404, { 'content-type': 'text/plain' });
    res.end(path === '/' ? 'ok' : 'not found');
    return;
  }
  // ?isolated=1: a cross-origin isolated host (its embed may use shared memory: the debugger).
  const isolated = new URL(req.url ?? '/', 'http://x').searchParams.has('isolated');
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    ...(isolated
      ? {
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': 'require-corp',
        }
      : {}),
  });
  res.end(await readFile(new URL('./host.html', import.meta.url)));
}).listen(port, 'localhost');
