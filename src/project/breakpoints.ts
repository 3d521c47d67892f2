// A project's breakpoints: file path → the lines (1-based, ascending) a debug run stops at.
// Saved with the project; a share link carries them when they are set.
import type { ProjectFiles } from './model';

export type Breakpoints = Record<string, number[]>;

const MAX_PER_FILE = 256;

/** Breakpoints as stored or shared, checked: files of the project, whole positive lines. */
export function cleanBreakpoints(raw: unknown, files: ProjectFiles): Breakpoints | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const out: Breakpoints = {};
  for (const [path, lines] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof files[path] !== 'string' || !Array.isArray(lines)) continue;
    const ok = [...new Set(lines)]
      .filter((l): l is number => Number.isInteger(l) && (l as number) > 0)
      .sort((a, b) => a - b)
      .slice(0, MAX_PER_FILE);
    if (ok.length) out[path] = ok;
  }
  return Object.keys(out).length ? out : undefined;
}

/** `bps` with the breakpoint on `path`:`line` added, or removed when it is there. */
export function toggleBreakpoint(bps: Breakpoints | undefined, path: string, line: number) {
  const lines = bps?.[path] ?? [];
  const next = lines.includes(line)
    ? lines.filter((l) => l !== line)
    : [...lines, line].sort((a, b) => a - b);
  return withLines(bps, path, next);
}

/** `bps` with `path`'s lines replaced (none: the file has no breakpoints). */
export function withLines(bps: Breakpoints | undefined, path: string, lines: number[]) {
  const out: Breakpoints = { ...bps };
  if (lines.length) out[path] = lines;
  else delete out[path];
  return Object.keys(out).length ? out : undefined;
}
