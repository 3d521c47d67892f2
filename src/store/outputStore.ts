import { create } from 'zustand';
import type { OutputChunk } from '../workers/protocol';

/** One rendered output line. */
export interface OutputLine {
  stream: OutputChunk['stream'];
  text: string;
}

/**
 * Program output as lines. The array is appended to in place (copying 100,000 lines per chunk
 * would be quadratic); `version` changes on every append so subscribers re-render.
 */
export interface OutputState {
  lines: OutputLine[];
  /** True while the last line has had no newline yet. */
  open: boolean;
  version: number;
  /** When the most recent chunk was appended (performance.now()). */
  lastAppend: number;
  append(chunks: OutputChunk[]): void;
  clear(): void;
}

/** Appends chunks to `lines`; returns whether the last line is still open. Pure apart from `lines`. */
export function appendChunks(lines: OutputLine[], open: boolean, chunks: OutputChunk[]): boolean {
  for (const { stream, text } of chunks) {
    if (text === '') continue;
    const parts = text.split('\n');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      // A trailing empty part only means the text ended with a newline.
      if (i === parts.length - 1 && part === '') break;
      const last = lines[lines.length - 1];
      if (i === 0 && open && last && last.stream === stream) last.text += part;
      else lines.push({ stream, text: part });
    }
    open = parts[parts.length - 1] !== '';
  }
  return open;
}

export const useOutput = create<OutputState>()((set, get) => ({
  lines: [],
  open: false,
  version: 0,
  lastAppend: 0,
  append: (chunks) => {
    const s = get();
    const open = appendChunks(s.lines, s.open, chunks);
    set({ open, version: s.version + 1, lastAppend: performance.now() });
  },
  clear: () => set((s) => ({ lines: [], open: false, version: s.version + 1 })),
}));
