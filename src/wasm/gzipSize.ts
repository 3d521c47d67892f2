import { gzipSync } from 'fflate';

/**
 * Size in bytes of `bytes` gzipped, as a web server would send it. CompressionStream runs off the
 * main thread; fflate (level 9) is the fallback where it is missing.
 */
export async function gzipSize(bytes: Uint8Array): Promise<number> {
  if (typeof CompressionStream === 'undefined') return gzipSync(bytes, { level: 9 }).byteLength;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  let n = 0;
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) n += r.value.byteLength;
  return n;
}
