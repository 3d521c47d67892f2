// What the debugger asks of a module's DWARF: which line an address is on, where a source
// line's code starts, which function and variables are in scope, and where each variable lives.
import { codeSectionStart, debugSections, readUnits, type Die } from './info';
import { readLines, type LineRow } from './lines';
import { TypeTable, type Type } from './types';

/** Where a variable lives, read from its DW_AT_location. */
export type Location =
  | { kind: 'frame'; offset: number } // DW_OP_fbreg n: n bytes from the frame base
  | { kind: 'address'; address: number } // DW_OP_addr
  | { kind: 'local'; index: number } // in a wasm local (optimised code): not readable here
  | { kind: 'none' };

export interface Variable {
  name: string;
  type: Type;
  location: Location;
  /** Code ranges the variable is visible in (its lexical block); null: the whole function. */
  ranges: [number, number][] | null;
  parameter: boolean;
}

export interface FunctionInfo {
  name: string;
  low: number;
  high: number;
  /** The wasm local holding the frame base (DW_OP_WASM_location 0 n), if any. */
  frameLocal: number | null;
  file: string;
  line: number;
  variables: Variable[];
}

/** A source path as the project names it ("/main.c", "./a/b.c" → "main.c", "a/b.c"). */
export function projectPath(file: string): string {
  return file.replace(/^(\.\/|\/)+/, '');
}

function location(expr: unknown): Location {
  if (!(expr instanceof Uint8Array) || expr.length === 0) return { kind: 'none' };
  const op = expr[0];
  if (op === 0x91) {
    // fbreg, sleb
    let result = 0;
    let mul = 1;
    for (let i = 1; i < expr.length; i++) {
      const b = expr[i];
      result += (b & 0x7f) * mul;
      mul *= 128;
      if (!(b & 0x80)) return { kind: 'frame', offset: b & 0x40 ? result - mul : result };
    }
  }
  if (op === 0x03 && expr.length >= 5)
    return {
      kind: 'address',
      address: (expr[1] | (expr[2] << 8) | (expr[3] << 16) | (expr[4] << 24)) >>> 0,
    };
  if (op === 0xed && expr[1] === 0) {
    let index = 0;
    for (let i = 2, mul = 1; i < expr.length; i++, mul *= 128) {
      index += (expr[i] & 0x7f) * mul;
      if (!(expr[i] & 0x80)) break;
    }
    return { kind: 'local', index };
  }
  return { kind: 'none' };
}

/** DW_AT_high_pc: an address, or (a constant form) the length from low_pc. */
function highOf(d: Die, low: number): number {
  const h = Number(d.attrs.get(0x12) ?? 0);
  return d.addresses.has(0x12) ? h : low + h;
}

function frameLocal(expr: unknown): number | null {
  const l = location(expr);
  return l.kind === 'local' ? l.index : null;
}

export class Symbols {
  /** The line rows, sorted by address (sequence ends included). */
  readonly rows: LineRow[] = [];
  readonly functions: FunctionInfo[] = [];
  readonly globals: Variable[] = [];
  /** Where the code section's content starts in the module (DWARF addresses count from it). */
  readonly codeStart: number;

  private constructor(bytes: Uint8Array) {
    this.codeStart = codeSectionStart(bytes);
    const sections = debugSections(bytes);
    const units = readUnits(sections);
    const byOffset = new Map<number, Die>();
    const walk = (d: Die) => {
      byOffset.set(d.offset, d);
      d.children.forEach(walk);
    };
    units.forEach((u) => u.root && walk(u.root));
    const types = new TypeTable(byOffset);
    for (const u of units) {
      const root = u.root;
      if (!root) continue;
      const stmt = root.attrs.get(0x10);
      if (typeof stmt === 'number')
        this.rows.push(...readLines(sections, stmt, String(root.attrs.get(0x1b) ?? '')));
      this.collect(root, types, byOffset);
    }
    this.rows.sort((a, b) => a.address - b.address || Number(b.end) - Number(a.end));
  }

  /** The module's symbols, or null when it carries no DWARF. */
  static read(bytes: Uint8Array): Symbols | null {
    const s = new Symbols(bytes);
    return s.rows.length || s.functions.length ? s : null;
  }

  private collect(root: Die, types: TypeTable, byOffset: Map<number, Die>) {
    const variable = (d: Die, ranges: Variable['ranges']): Variable => ({
      name: String(d.attrs.get(0x03) ?? ''),
      type: types.of(d),
      location: location(d.attrs.get(0x02)),
      ranges,
      parameter: d.tag === 0x05,
    });
    const fileOf = (d: Die) => {
      const rows = this.rows;
      const low = Number(d.attrs.get(0x11));
      const row = rows.find((r) => r.address === low) ?? rows.find((r) => r.address >= low);
      return row?.file ?? '';
    };
    const visit = (d: Die) => {
      if (d.tag === 0x2e && d.attrs.has(0x11)) {
        const low = Number(d.attrs.get(0x11));
        const high = highOf(d, low);
        const spec = d.attrs.get(0x47) ?? d.attrs.get(0x31);
        const named = typeof spec === 'number' ? byOffset.get(spec) : undefined;
        const fn: FunctionInfo = {
          name: String(d.attrs.get(0x03) ?? named?.attrs.get(0x03) ?? '?'),
          low,
          high,
          frameLocal: frameLocal(d.attrs.get(0x40)),
          file: fileOf(d),
          line: Number(d.attrs.get(0x3b) ?? named?.attrs.get(0x3b) ?? 0),
          variables: [],
        };
        const scan = (parent: Die, ranges: Variable['ranges']) => {
          for (const c of parent.children) {
            if (c.tag === 0x05 || c.tag === 0x34) fn.variables.push(variable(c, ranges));
            else if (c.tag === 0x0b && c.attrs.has(0x11)) {
              const lo = Number(c.attrs.get(0x11));
              scan(c, [[lo, highOf(c, lo)]]);
            } else if (c.tag === 0x0b) scan(c, ranges);
          }
        };
        scan(d, null);
        this.functions.push(fn);
        return;
      }
      if (d.tag === 0x34 && d.parent?.tag === 0x11) this.globals.push(variable(d, null));
      if (d.tag === 0x11 || d.tag === 0x39 || d.tag === 0x13 || d.tag === 0x02)
        d.children.forEach(visit);
    };
    visit(root);
  }

  /** The row an address belongs to (the last row at or before it in its sequence). */
  rowAt(address: number): LineRow | null {
    let lo = 0;
    let hi = this.rows.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid].address <= address) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const r = best >= 0 ? this.rows[best] : null;
    return r && !r.end && r.line > 0 ? r : null;
  }

  private stmts: LineRow[] | null = null;

  /**
   * The statement rows: where a line's code starts (the step sites of a source-level debug).
   * A function's first row is left out when it has more: it is before the prologue (no frame
   * base yet), so its first line is stopped at after it, as debuggers do.
   */
  statements(): LineRow[] {
    if (this.stmts) return this.stmts;
    const entries = new Set(this.functions.map((f) => f.low));
    const all = this.rows.filter((r) => r.isStmt && !r.end && r.line > 0);
    this.stmts = all.filter((r, i) => {
      const next = all[i + 1];
      return !(
        entries.has(r.address) &&
        next &&
        this.functionAt(next.address) === this.functionAt(r.address)
      );
    });
    return this.stmts;
  }

  /**
   * Where a breakpoint on `file`:`line` stops: the line itself or, when it has no code, the next
   * line that has (as VS Code moves it); in each function the line's first statement.
   */
  breakpoint(file: string, line: number): { line: number; addresses: number[] } | null {
    const rows = this.statements().filter((r) => projectPath(r.file) === file && r.line >= line);
    if (!rows.length) return null;
    const at = Math.min(...rows.map((r) => r.line));
    const first = new Map<FunctionInfo | null, number>();
    for (const r of rows) {
      if (r.line !== at) continue;
      const f = this.functionAt(r.address);
      const seen = first.get(f);
      if (seen === undefined || r.address < seen) first.set(f, r.address);
    }
    return { line: at, addresses: [...first.values()] };
  }

  functionAt(address: number): FunctionInfo | null {
    return this.functions.find((f) => address >= f.low && address < f.high) ?? null;
  }

  /** The variables in scope at `address` of `fn`: parameters first, then locals. */
  variablesAt(fn: FunctionInfo, address: number): Variable[] {
    const visible = fn.variables.filter(
      (v) => !v.ranges || v.ranges.some(([lo, hi]) => address >= lo && address < hi),
    );
    return [...visible.filter((v) => v.parameter), ...visible.filter((v) => !v.parameter)];
  }

  /** The source files the line table names, as project paths. */
  files(): Set<string> {
    return new Set(this.rows.map((r) => projectPath(r.file)));
  }
}
