import type { Diagnostic } from '../protocol/compile';

/** One row of the Problems list: a message and every place it was reported. */
export interface ProblemGroup {
  first: Diagnostic;
  /** Every occurrence, `first` included, in the compiler's order. */
  all: Diagnostic[];
  /** How many different files it is in. */
  files: number;
}

/**
 * The same message reported in many places (one missing flag makes every file that includes a
 * header fail the same way) is one row with a count; the editor still marks every place.
 */
export function groupProblems(diagnostics: readonly Diagnostic[], entry: string): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  const files = new Map<string, Set<string>>();
  for (const d of diagnostics) {
    const key = `${d.severity}\0${d.message}`;
    const g = groups.get(key);
    if (g) g.all.push(d);
    else groups.set(key, { first: d, all: [d], files: 0 });
    const f = files.get(key) ?? new Set<string>();
    f.add(d.file ?? entry);
    files.set(key, f);
  }
  for (const [key, g] of groups) g.files = files.get(key)!.size;
  return [...groups.values()];
}
