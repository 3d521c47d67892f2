// `npm run links`: the short-link service (README: "Short links"), and the built app beside it
// when dist/ exists, so one process serves a whole deployment.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { serveDist } from '../static/serveDist.ts';
import { openStore, optionsFromEnv } from './config.ts';
import { linkService } from './service.ts';

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? 'localhost';
const dist = resolve(process.env.LINKS_DIST ?? 'dist');

const store = await openStore().catch((e: unknown) => {
  console.error(`links: cannot open the store: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
const links = linkService(optionsFromEnv(store));
const app = existsSync(dist) ? serveDist(dist) : null;

const server = createServer((req, res) => {
  void links(req, res).then(async (handled) => {
    if (handled) return;
    if (app && (await app(req, res))) return;
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(
      app ? 'not found' : 'not found (no dist/ here: run `npm run build` to serve the app too)',
    );
  });
});
server.listen(port, host, () => {
  console.log(`links: ${store.description}`);
  console.log(
    `links: http://${host}:${port}/ ${app ? `(and the app from ${dist})` : '(API only)'}`,
  );
});
const stop = () => server.close(() => void store.close().then(() => process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
