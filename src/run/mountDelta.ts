import type { FilesDelta } from '../protocol/run';
import { isDir, type FileData, type ProjectFiles } from '../project/model';

const encoder = new TextEncoder();

/**
 * What one runner worker holds of the project: the file values last sent to it, by path. A run
 * sends only what differs (the store replaces a file's value when it is edited, so a value that
 * is still the same object or string is unchanged), as fresh buffers the pool transfers.
 */
export class MountTracker {
  private readonly sent = new Map<string, FileData>();
  private fresh = true;

  /** The change that brings the worker's copy to `files`, and the buffers to transfer. */
  delta(files: ProjectFiles): { delta: FilesDelta; transfer: ArrayBuffer[] } {
    const reset = this.fresh;
    if (reset) this.sent.clear();
    this.fresh = false;
    const put: Record<string, Uint8Array> = {};
    const transfer: ArrayBuffer[] = [];
    for (const [p, v] of Object.entries(files)) {
      if (this.sent.has(p) && this.sent.get(p) === v) continue;
      // A copy of stored bytes (transferring the store's own would empty it); text is encoded.
      const bytes = isDir(p)
        ? new Uint8Array(0)
        : typeof v === 'string'
          ? encoder.encode(v)
          : v.slice();
      put[p] = bytes;
      transfer.push(bytes.buffer as ArrayBuffer);
      this.sent.set(p, v);
    }
    const remove: string[] = [];
    for (const p of this.sent.keys()) {
      if (Object.prototype.hasOwnProperty.call(files, p)) continue;
      remove.push(p);
      this.sent.delete(p);
    }
    return { delta: { reset, put, remove }, transfer };
  }
}
