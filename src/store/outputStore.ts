import { create } from 'zustand';
import type { OutputChunk } from '../protocol/run';

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
  /** Lines received past MAX_LINES: counted, not kept. */
  dropped: number;
  append(chunks: OutputChunk[]): void;
  clear(): void;
}

/** Lines kept for display; a runaway program's output past this is counted but not kept. */
export const MAX_LINES = 2_000_000;

/**
 * Appends chunks to `lines`, keeping at most `max`; returns whether the last line is still open
 * and how many lines were dropped. Pure apart from `lines`.
 */
export function appendChunks(
  lines: OutputLine[],
  open: boolean,
  chunks: OutputChunk[],
  max = MAX_LINES,
): { open: boolean; dropped: number } {
  let dropped = 0;
  for (const { stream, text } of chunks) {
    if (text === '') continue;
    const parts = text.split('\n');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      // A trailing empty part only means the text ended with a newline.
      if (i === parts.length - 1 && part === '') break;
      const last = lines[lines.length - 1];
      if (i === 0 && open && last && last.stream === stream) last.text += part;
      else if (lines.length < max) lines.push({ stream, text: part });
      else dropped++;
    }
    open = parts[parts.length - 1] !== '' && lines.length < max;
  }
  return { open, dropped };
}

export const useOutput = create<OutputState>()((set, get) => ({
  lines: [],
  open: false,
  version: 0,
  dropped: 0,
  append: (chunks) => {
    const s = get();
    const { open, dropped } = appendChunks(s.lines, s.open, chunks);
    set({ open, version: s.version + 1, dropped: s.dropped + dropped });
  },
  clear: () => set((s) => ({ lines: [], open: false, dropped: 0, version: s.version + 1 })),
}));
