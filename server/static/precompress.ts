import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/** What compresses (images and fonts like woff2 are compressed already). */
const COMPRESSIBLE = /\.(js|mjs|css|html|json|webmanifest|wasm|tar|svg|ttf|txt|md)$/;
const MIN_BYTES = 1024;
/** Past this size brotli's best quality costs minutes; quality 9 with a 16 MiB window keeps
 * most of the gain (llvm.core.wasm: 75.5 → 16.9 MB in ≈20 s, once: copies are cached by content;
 * quality 5: 18.2 MB; gzip -9: 22.8 MB). */
const LARGE = 4 * 1024 * 1024;

async function compress(data: Buffer): Promise<{ br: Buffer; gz: Buffer }> {
  const params = {
    [constants.BROTLI_PARAM_QUALITY]: data.length > LARGE ? 9 : 11,
    [constants.BROTLI_PARAM_LGWIN]: 24,
    [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
  };
  const [b, g] = await Promise.all([br(data, { params }), gz(data, { level: 9 })]);
  return { br: b, gz: g };
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

/**
 * Writes `x.br` and `x.gz` beside every compressible file of `dir` over 1 KB (when smaller than
 * `x`), for servers that send precompressed copies. Compressed copies are kept in `cacheDir` by
 * content hash, so an unchanged toolchain is not compressed again on the next build.
 */
export async function precompressDir(
  dir: string,
  cacheDir: string,
): Promise<{ files: number; ms: number }> {
  const t0 = performance.now();
  mkdirSync(cacheDir, { recursive: true });
  let count = 0;
  const queue = [...files(dir)].filter(
    (f) => COMPRESSIBLE.test(f) && statSync(f).size >= MIN_BYTES,
  );
  // Two at a time: each uses two of zlib's threads.
  const work = async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      const data = readFileSync(f);
      const key = createHash('sha256').update(data).digest('hex').slice(0, 32);
      const cached = join(cacheDir, key);
      let out: { br: Buffer; gz: Buffer };
      if (existsSync(`${cached}.br`) && existsSync(`${cached}.gz`))
        out = { br: readFileSync(`${cached}.br`), gz: readFileSync(`${cached}.gz`) };
      else {
        out = await compress(data);
        writeFileSync(`${cached}.br`, out.br);
        writeFileSync(`${cached}.gz`, out.gz);
      }
      if (out.br.length < data.length * 0.95) writeFileSync(`${f}.br`, out.br);
      if (out.gz.length < data.length * 0.95) writeFileSync(`${f}.gz`, out.gz);
      count++;
    }
  };
  await Promise.all([work(), work()]);
  return { files: count, ms: performance.now() - t0 };
}
