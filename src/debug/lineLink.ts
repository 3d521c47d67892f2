// Source ↔ WAT lines (as Compiler Explorer colours them): the source line the cursor is on, and
// the instructions it compiled to in the inspector's WAT view — or the other way round. The
// module must carry DWARF (a Debug build, or -g); the store only says what is selected.
import { projectPath, type Symbols } from './dwarf/symbols';
import type { MappedPlace } from './sourceMap';

export { useLineLink } from './lineLinkState';

/** The module offsets [from, to) of the code `file`:`line` compiled to. */
export function rangesOf(symbols: Symbols, file: string, line: number): [number, number][] {
  const out: [number, number][] = [];
  const rows = symbols.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.end || r.line !== line || projectPath(r.file) !== file) continue;
    const next = rows[i + 1];
    if (next) out.push([r.address + symbols.codeStart, next.address + symbols.codeStart]);
  }
  return out;
}

/** The source line a module offset was compiled from. */
export function lineOfOffset(
  symbols: Symbols,
  offset: number,
): { file: string; line: number } | null {
  const r = symbols.rowAt(offset - symbols.codeStart);
  return r ? { file: projectPath(r.file), line: r.line } : null;
}

/** What links lines and instructions: a module's DWARF, or its source map. */
export interface LineMap {
  rangesOf(file: string, line: number): [number, number][];
  lineOf(offset: number): { file: string; line: number } | null;
}

export function dwarfLineMap(symbols: Symbols): LineMap {
  return {
    rangesOf: (file, line) => rangesOf(symbols, file, line),
    lineOf: (offset) => lineOfOffset(symbols, offset),
  };
}

/** A source map's mappings: each mapped instruction up to the next mapping. */
export function sourceMapLineMap(places: Map<number, MappedPlace>): LineMap {
  const offsets = [...places.keys()].sort((a, b) => a - b);
  return {
    rangesOf(file, line) {
      const out: [number, number][] = [];
      offsets.forEach((o, i) => {
        const p = places.get(o)!;
        if (p.file === file && p.line === line) out.push([o, offsets[i + 1] ?? o + 1]);
      });
      return out;
    },
    lineOf(offset) {
      let best = -1;
      for (const o of offsets) if (o <= offset) best = o;
      const p = best >= 0 ? places.get(best) : undefined;
      return p ? { file: p.file, line: p.line } : null;
    },
  };
}
