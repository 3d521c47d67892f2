// Source ↔ WAT lines (as Compiler Explorer colours them): the source line the cursor is on, and
// the instructions it compiled to in the inspector's WAT view — or the other way round. The
// module must carry DWARF (a Debug build, or -g); the store only says what is selected.
import { projectPath, type Symbols } from './dwarf/symbols';

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
