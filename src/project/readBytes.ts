/** Blobs past this size are read in a worker. */
const IN_WORKER_FROM = 4 * 1024 * 1024;

/** A Blob's bytes; big ones read in a worker and transferred, so the page never stalls. */
export async function readBytes(blob: Blob): Promise<Uint8Array> {
  if (blob.size < IN_WORKER_FROM || typeof Worker !== 'function')
    return new Uint8Array(await blob.arrayBuffer());
  const worker = new Worker(new URL('../workers/readBytes.worker.ts', import.meta.url), {
    type: 'module',
    name: 'read-bytes',
  });
  try {
    const data = await new Promise<ArrayBuffer | { error: string }>((resolve, reject) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(e.message || 'the file could not be read'));
      worker.postMessage(blob);
    });
    if (!(data instanceof ArrayBuffer)) throw new Error(data.error);
    return new Uint8Array(data);
  } finally {
    worker.terminate();
  }
}
