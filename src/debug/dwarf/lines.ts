// .debug_line's program run into rows (DWARF 4 and 5): address → file, line, column, is_stmt.
import { Cursor, DwarfError, strAt } from './cursor';
import type { Sections } from './info';

export interface LineRow {
  /** Code-section-relative address. */
  address: number;
  /** The file's path as the compiler named it (directory joined). */
  file: string;
  line: number;
  column: number;
  isStmt: boolean;
  /** The row ends a sequence: its address is one past the sequence's last instruction. */
  end: boolean;
}

function join(dir: string, name: string): string {
  if (name.startsWith('/') || !dir) return name;
  return `${dir.replace(/\/$/, '')}/${name}`;
}

/** Reads a v5 entry format list and its entries (directories or files). */
function v5Entries(c: Cursor, s: Sections): { name: string; dir: number }[] {
  const formats: [number, number][] = [];
  for (let n = c.u8(); n > 0; n--) formats.push([c.uleb(), c.uleb()]);
  const out: { name: string; dir: number }[] = [];
  for (let n = c.uleb(); n > 0; n--) {
    const e = { name: '', dir: 0 };
    for (const [type, form] of formats) {
      let v: number | string = 0;
      if (form === 0x08) v = c.cstr();
      else if (form === 0x1f) v = strAt(s['.debug_line_str'], c.u32());
      else if (form === 0x0e) v = strAt(s['.debug_str'], c.u32());
      else if (form === 0x0b) v = c.u8();
      else if (form === 0x05) v = c.u16();
      else if (form === 0x0f) v = c.uleb();
      else if (form === 0x1e) c.skip(16);
      else if (form === 0x06) v = c.u32();
      else if (form === 0x09) c.skip(c.uleb());
      else throw new DwarfError(`unsupported line table form 0x${form.toString(16)}`);
      if (type === 1) e.name = String(v);
      else if (type === 2) e.dir = Number(v);
    }
    out.push(e);
  }
  return out;
}

/** The rows of the line program at `offset` of .debug_line. */
export function readLines(s: Sections, offset: number, compDir = ''): LineRow[] {
  const sec = s['.debug_line'];
  if (!sec) return [];
  const c = new Cursor(sec, offset);
  const length = c.u32();
  const end = c.pos + length;
  const version = c.u16();
  if (version >= 5) c.skip(2); // address size, segment selector size
  const headerLength = c.u32();
  const programStart = c.pos + headerLength;
  const minInst = c.u8();
  if (version >= 4) c.u8(); // max ops per instruction
  const defaultIsStmt = c.u8() !== 0;
  const lineBase = (c.u8() << 24) >> 24;
  const lineRange = c.u8();
  const opcodeBase = c.u8();
  const opLengths = [0];
  for (let i = 1; i < opcodeBase; i++) opLengths.push(c.u8());
  let files: string[];
  if (version >= 5) {
    const dirs = v5Entries(c, s).map((d) => d.name);
    files = v5Entries(c, s).map((f) => join(dirs[f.dir] ?? '', f.name));
  } else {
    const dirs = [compDir];
    for (let d = c.cstr(); d; d = c.cstr()) dirs.push(d);
    files = [''];
    for (let f = c.cstr(); f; f = c.cstr()) {
      const dir = c.uleb();
      c.uleb();
      c.uleb();
      files.push(join(dirs[dir] ?? '', f));
    }
  }
  c.pos = programStart;
  const rows: LineRow[] = [];
  let address = 0;
  let file = 1;
  let line = 1;
  let column = 0;
  let isStmt = defaultIsStmt;
  const reset = () => {
    address = 0;
    file = 1;
    line = 1;
    column = 0;
    isStmt = defaultIsStmt;
  };
  const emit = (endSeq = false) =>
    rows.push({ address, file: files[file] ?? '', line, column, isStmt, end: endSeq });
  while (c.pos < end) {
    const op = c.u8();
    if (op >= opcodeBase) {
      const adj = op - opcodeBase;
      address += Math.floor(adj / lineRange) * minInst;
      line += lineBase + (adj % lineRange);
      emit();
    } else if (op === 0) {
      const len = c.uleb();
      const next = c.pos + len;
      const ext = c.u8();
      if (ext === 1) {
        emit(true);
        reset();
      } else if (ext === 2) address = c.u32();
      c.pos = next;
    } else if (op === 1) emit();
    else if (op === 2) address += c.uleb() * minInst;
    else if (op === 3) line += c.sleb();
    else if (op === 4) file = c.uleb();
    else if (op === 5) column = c.uleb();
    else if (op === 6) isStmt = !isStmt;
    else if (op === 8) address += Math.floor((255 - opcodeBase) / lineRange) * minInst;
    else if (op === 9) address += c.u16();
    else for (let i = 0; i < opLengths[op]; i++) c.uleb();
  }
  return rows;
}
