import { gzipSync } from 'fflate';

/** Size in bytes of `bytes` gzipped at level 9, as a web server would send it. */
export async function gzipSize(bytes: Uint8Array): Promise<number> {
  return gzipSync(bytes, { level: 9 }).byteLength;
}
