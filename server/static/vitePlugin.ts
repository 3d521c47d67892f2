import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { headersFileText } from './hostingHeaders.ts';
import { precompressDir } from './precompress.ts';
import { serveDist } from './serveDist.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Runs `handler`, and Vite's own middleware after it when the handler passes. */
const middleware =
  (handler: () => Promise<Handler>): Connect.NextHandleFunction =>
  (req, res, next) => {
    handler()
      .then((h) => h(req, res))
      .then((done) => done || next(), next);
  };

/** The short-link service, opened on first use (SQLite in .data/, or DATABASE_URL). */
function lazyLinks(): () => Promise<Handler> {
  let made: Promise<Handler> | null = null;
  return () =>
    (made ??= (async () => {
      const [{ openStore, optionsFromEnv }, { linkService }] = await Promise.all([
        import('../links/config.ts'),
        import('../links/service.ts'),
      ]);
      const store = await openStore();
      return linkService(optionsFromEnv(store));
    })());
}

/**
 * Hosting as the README's "Hosting" section describes it, in every server we run: the build
 * writes `dist/_headers` and brotli/gzip copies of every large asset; `vite preview` serves dist
 * through the same code as `npm run links` (those headers, those copies); the dev and preview
 * servers carry the short-link service.
 */
export function hosting(): Plugin {
  let outDir = 'dist';
  let root = process.cwd();
  const links = lazyLinks();
  return {
    name: 'hosting',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFileText() });
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (!this.meta.watchMode && process.env.PRECOMPRESS !== '0') {
          const cache = join(root, 'node_modules/.cache/wasm-playground-precompress');
          const { files, ms } = await precompressDir(outDir, cache);
          this.info(`precompressed ${files} files (brotli + gzip) in ${Math.round(ms)} ms`);
        }
      },
    },
    configureServer(server) {
      server.middlewares.use(middleware(links));
    },
    configurePreviewServer(server) {
      const dist = serveDist(outDir);
      server.middlewares.use(middleware(links));
      server.middlewares.use(middleware(async () => dist));
    },
  };
}
