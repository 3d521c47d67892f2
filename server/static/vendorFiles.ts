// Files of an npm package that a runtime loads by fixed names from one folder (Pyodide's
// indexURL cannot point at Vite's hashed assets). A language folder lists them in its
// vendor.json, `{ "<name>": { "package": "<npm name>", "files": [...] } }`; they are served at
// `…/vendor/<name>/<file>` by the dev server and written to `dist/vendor/<name>/` by the build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { APP_HEADERS } from './hostingHeaders.ts';

/** One vendored folder: its name under vendor/, and its files' paths on disk. */
export interface VendorDir {
  name: string;
  files: Map<string, string>;
}

/** Every vendor.json of src/languages/*, resolved against node_modules. */
export function vendorDirs(root: string): VendorDir[] {
  const langs = join(root, 'src/languages');
  const out: VendorDir[] = [];
  for (const lang of readdirSync(langs)) {
    const file = join(langs, lang, 'vendor.json');
    if (!existsSync(file)) continue;
    const spec = JSON.parse(readFileSync(file, 'utf8')) as Record<
      string,
      { package: string; files: string[] }
    >;
    for (const [name, { package: pkg, files }] of Object.entries(spec))
      out.push({ name, files: new Map(files.map((f) => [f, join(root, 'node_modules', pkg, f)])) });
  }
  return out;
}

const TYPES: Record<string, string> = {
  wasm: 'application/wasm',
  mjs: 'text/javascript',
  js: 'text/javascript',
  json: 'application/json',
  zip: 'application/zip',
};

/** Serves (dev) and emits (build) every language folder's vendored files. */
export function vendorFiles(): Plugin {
  let dirs: VendorDir[] = [];
  return {
    name: 'vendor-files',
    configResolved(config) {
      dirs = vendorDirs(config.root);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /\/vendor\/([^/]+)\/([^/?]+)(?:\?|$)/.exec(req.url ?? '');
        const path = m && dirs.find((d) => d.name === m[1])?.files.get(m[2]);
        if (!path) return next();
        for (const [k, v] of Object.entries(APP_HEADERS)) res.setHeader(k, v);
        res.setHeader('Content-Type', TYPES[path.split('.').pop()!] ?? 'application/octet-stream');
        res.end(readFileSync(path));
      });
    },
    generateBundle() {
      for (const d of dirs)
        for (const [file, path] of d.files)
          this.emitFile({
            type: 'asset',
            fileName: `vendor/${d.name}/${file}`,
            source: readFileSync(path),
          });
    },
  };
}
