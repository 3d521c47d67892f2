// .debug_info read into a tree of entries (DIEs), DWARF 4 and 5, for wasm32: each attribute's
// value decoded from its form (strings resolved, references made section-absolute).
import { Cursor, DwarfError, strAt } from './cursor';

export type Sections = Partial<Record<string, Uint8Array>>;

export type AttrValue = number | string | Uint8Array | boolean;

export interface Die {
  /** Offset in .debug_info (what references point at). */
  offset: number;
  tag: number;
  attrs: Map<number, AttrValue>;
  /** Attributes whose form was a reference (their values are .debug_info offsets). */
  refs: Set<number>;
  /** Attributes whose form was an address (DW_AT_high_pc is a length otherwise). */
  addresses: Set<number>;
  children: Die[];
  parent: Die | null;
  /** The compilation unit it belongs to. */
  unit: Unit;
}

export interface Unit {
  version: number;
  root: Die | null;
  strOffsetsBase: number;
  addrBase: number;
}

interface AbbrevEntry {
  tag: number;
  children: boolean;
  specs: { at: number; form: number; implicit?: number }[];
}

function readAbbrevs(section: Uint8Array, offset: number): Map<number, AbbrevEntry> {
  const c = new Cursor(section, offset);
  const out = new Map<number, AbbrevEntry>();
  for (;;) {
    const code = c.uleb();
    if (code === 0) return out;
    const tag = c.uleb();
    const children = c.u8() === 1;
    const specs: AbbrevEntry['specs'] = [];
    for (;;) {
      const at = c.uleb();
      const form = c.uleb();
      if (at === 0 && form === 0) break;
      specs.push(form === 0x21 ? { at, form, implicit: c.sleb() } : { at, form });
    }
    out.set(code, { tag, children, specs });
  }
}

const REF_FORMS = new Set([0x10, 0x11, 0x12, 0x13, 0x14, 0x15]);

/** Reads one attribute value of `form` (strx/addrx resolved later, when the bases are known). */
function readForm(c: Cursor, form: number, unitStart: number, s: Sections, pending: () => void) {
  switch (form) {
    case 0x01: // addr
      return c.u32();
    case 0x03:
      return c.take(c.u16());
    case 0x04:
      return c.take(c.u32());
    case 0x05:
      return c.u16();
    case 0x06:
      return c.u32();
    case 0x07:
      return c.u64();
    case 0x08:
      return c.cstr();
    case 0x09:
    case 0x18: // exprloc
      return c.take(c.uleb());
    case 0x0a:
      return c.take(c.u8());
    case 0x0b:
      return c.u8();
    case 0x0c:
      return c.u8() !== 0;
    case 0x0d:
      return c.sleb();
    case 0x0e: // strp
      return strAt(s['.debug_str'], c.u32());
    case 0x1f: // line_strp
      return strAt(s['.debug_line_str'], c.u32());
    case 0x0f:
      return c.uleb();
    case 0x10: // ref_addr: already section-absolute
      return c.u32();
    case 0x11:
      return unitStart + c.u8();
    case 0x12:
      return unitStart + c.u16();
    case 0x13:
      return unitStart + c.u32();
    case 0x14:
      return unitStart + c.u64();
    case 0x15:
      return unitStart + c.uleb();
    case 0x17: // sec_offset
    case 0x1c:
    case 0x1d:
      return c.u32();
    case 0x19: // flag_present
      return true;
    case 0x1e:
      return c.take(16);
    case 0x20:
      return c.u64();
    case 0x1a: // strx and addrx: an index, resolved once the unit's bases are read
    case 0x1b:
    case 0x22:
    case 0x23:
      pending();
      return c.uleb();
    case 0x25:
    case 0x29:
      pending();
      return c.u8();
    case 0x26:
    case 0x2a:
      pending();
      return c.u16();
    case 0x27:
    case 0x2b:
      pending();
      return c.u8() | (c.u8() << 8) | (c.u8() << 16);
    case 0x28:
    case 0x2c:
      pending();
      return c.u32();
    default:
      throw new DwarfError(`unsupported DWARF form 0x${form.toString(16)}`);
  }
}

const STRX = new Set([0x1a, 0x25, 0x26, 0x27, 0x28]);
const ADDRX = new Set([0x1b, 0x29, 0x2a, 0x2b, 0x2c]);

/** Every compilation unit of .debug_info, each with its tree of entries. */
export function readUnits(s: Sections): Unit[] {
  const info = s['.debug_info'];
  const abbrev = s['.debug_abbrev'];
  if (!info || !abbrev) return [];
  const units: Unit[] = [];
  const c = new Cursor(info);
  while (c.pos < info.length) {
    const unitStart = c.pos;
    const length = c.u32();
    if (length === 0xffffffff) throw new DwarfError('64-bit DWARF is not supported');
    const end = c.pos + length;
    const version = c.u16();
    let abbrevOffset: number;
    if (version >= 5) {
      c.u8(); // unit type
      c.u8(); // address size
      abbrevOffset = c.u32();
    } else {
      abbrevOffset = c.u32();
      c.u8();
    }
    const abbrevs = readAbbrevs(abbrev, abbrevOffset);
    const unit: Unit = { version, root: null, strOffsetsBase: 8, addrBase: 8 };
    const late: { die: Die; at: number; form: number }[] = [];
    const stack: Die[] = [];
    while (c.pos < end) {
      const offset = c.pos;
      const code = c.uleb();
      if (code === 0) {
        stack.pop();
        continue;
      }
      const a = abbrevs.get(code);
      if (!a) throw new DwarfError(`unknown abbreviation ${code} at ${offset}`);
      const parent = stack[stack.length - 1] ?? null;
      const die: Die = {
        offset,
        tag: a.tag,
        attrs: new Map(),
        refs: new Set(),
        addresses: new Set(),
        children: [],
        parent,
        unit,
      };
      for (const spec of a.specs) {
        let form = spec.form;
        if (form === 0x16) form = c.uleb(); // indirect
        if (form === 0x21) {
          die.attrs.set(spec.at, spec.implicit!);
          continue;
        }
        const v = readForm(c, form, unitStart, s, () => late.push({ die, at: spec.at, form }));
        die.attrs.set(spec.at, v);
        if (REF_FORMS.has(form)) die.refs.add(spec.at);
        if (form === 0x01 || ADDRX.has(form)) die.addresses.add(spec.at);
      }
      if (parent) parent.children.push(die);
      else unit.root ??= die;
      if (a.children) stack.push(die);
    }
    const root = unit.root;
    if (root) {
      unit.strOffsetsBase = Number(root.attrs.get(0x72) ?? 8);
      unit.addrBase = Number(root.attrs.get(0x73) ?? 8);
    }
    for (const { die, at, form } of late) {
      const index = die.attrs.get(at) as number;
      if (STRX.has(form)) {
        const offs = s['.debug_str_offsets'];
        const off = offs ? new Cursor(offs, unit.strOffsetsBase + index * 4).u32() : 0;
        die.attrs.set(at, strAt(s['.debug_str'], off));
      } else if (ADDRX.has(form)) {
        const addr = s['.debug_addr'];
        die.attrs.set(at, addr ? new Cursor(addr, unit.addrBase + index * 4).u32() : 0);
      }
    }
    units.push(unit);
    c.pos = end;
  }
  return units;
}

/** The custom sections whose name starts with `.debug_`, by name. */
export function debugSections(bytes: Uint8Array): Sections {
  const out: Sections = {};
  const c = new Cursor(bytes, 8);
  while (c.pos < bytes.length) {
    const id = c.u8();
    const size = c.uleb();
    const end = c.pos + size;
    if (id === 0) {
      const n = c.uleb();
      const name = new TextDecoder().decode(c.take(n));
      if (name.startsWith('.debug_')) out[name] = bytes.subarray(c.pos, end);
    }
    c.pos = end;
  }
  return out;
}

/** Where the code section's content starts: DWARF addresses count from there. */
export function codeSectionStart(bytes: Uint8Array): number {
  const c = new Cursor(bytes, 8);
  while (c.pos < bytes.length) {
    const id = c.u8();
    const size = c.uleb();
    if (id === 10) return c.pos;
    c.pos += size;
  }
  return -1;
}
