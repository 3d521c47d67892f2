import type { OutputChunk } from '../protocol/run';

/** Flush when this much time has passed since the last flush (ms)… */
export const FLUSH_MS = 16;
/** …or when this many characters are pending. */
export const FLUSH_CHARS = 64 * 1024;

/**
 * Collects a program's writes and hands them on in batches. A WASI program runs synchronously,
 * so no timer can fire while it runs: the decision to flush is taken on each write instead.
 * The first write after a quiet spell goes out at once, so a program that prints and then
 * computes shows its line before the computation finishes.
 */
export class OutputBatcher {
  private pending: OutputChunk[] = [];
  private pendingChars = 0;
  private lastFlush = -Infinity;
  private readonly decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };

  constructor(
    private readonly sink: (chunks: OutputChunk[]) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  write(stream: 'stdout' | 'stderr', bytes: Uint8Array): void {
    const text = this.decoders[stream].decode(bytes, { stream: true });
    if (text) this.push(stream, text);
  }

  push(stream: OutputChunk['stream'], text: string): void {
    const last = this.pending[this.pending.length - 1];
    if (last && last.stream === stream) last.text += text;
    else this.pending.push({ stream, text });
    this.pendingChars += text.length;
    const t = this.now();
    if (this.pendingChars >= FLUSH_CHARS || t - this.lastFlush >= FLUSH_MS) this.flush(t);
  }

  /** Sends whatever is pending (also decoder tails when `end` is set). */
  flush(t = this.now(), end = false): void {
    if (end) {
      for (const stream of ['stdout', 'stderr'] as const) {
        const tail = this.decoders[stream].decode();
        if (tail) this.pending.push({ stream, text: tail });
      }
    }
    this.lastFlush = t;
    if (this.pending.length === 0) return;
    const out = this.pending;
    this.pending = [];
    this.pendingChars = 0;
    this.sink(out);
  }
}
