import { deflateRawSync } from 'node:zlib';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { linkService, type LinkServiceOptions } from '../service.ts';

/** `v2.` + base64url(deflate-raw(JSON)), as src/share/codec.ts encodes. */
export const encodeJson = (value: unknown) =>
  `v2.${deflateRawSync(Buffer.from(JSON.stringify(value))).toString('base64url')}`;

/** An encoded project as the app's Share makes it (src/share/codec.ts, format v2). */
export function encodeProject(source: string, entry = 'main.c'): string {
  return encodeJson({
    language: 'c',
    entry,
    files: { [entry]: source },
    stdin: '',
    args: '',
    env: '',
    timeLimit: 10,
    compileOptions: {},
  });
}

/** The service on a free port of localhost. */
export async function serve(opts: LinkServiceOptions): Promise<{ base: string; server: Server }> {
  const handler = linkService(opts);
  const server = createServer((req, res) => {
    void handler(req, res).then((done) => {
      if (!done) {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

export const post = (base: string, body: string) =>
  fetch(`${base}api/links`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
export const get = (url: string) => fetch(url, { redirect: 'manual' });
