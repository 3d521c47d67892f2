// A variable's bytes in linear memory shown as C shows them: integers in decimal, chars with
// their character, pointers in hex (a char pointer with its string), structs and arrays as a
// summary that expands into members and elements.
import { ATE, type Type } from './dwarf/types';

/** Reads the paused program's linear memory; null where it cannot (not paused, out of range). */
export type ReadMemory = (address: number, length: number) => Uint8Array | null;

/** One row of the Variables or Watch panel. */
export interface ValueNode {
  name: string;
  type: string;
  /** What the row shows. */
  text: string;
  /** The value alone (data-value): an integer in decimal, a pointer in hex. */
  value: string;
  /** Where it lives in linear memory (the memory view marks its bytes). */
  address: number | null;
  size: number;
  /** A pointer's target address (the memory view can follow it). */
  pointer?: number;
  /** Members or elements, read when the row is expanded. */
  children?: () => ValueNode[];
}

const MAX_ELEMENTS = 100;
const MAX_STRING = 64;

/** The scalar at `bytes` as a number (integers, floats, booleans, enums, pointers). */
export function scalar(type: Type, bytes: Uint8Array): number | bigint {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = type.size;
  if (type.kind === 'base' && type.encoding === ATE.float)
    return size === 4 ? v.getFloat32(0, true) : v.getFloat64(0, true);
  const signed =
    type.kind === 'enum' ||
    (type.kind === 'base' && (type.encoding === ATE.signed || type.encoding === ATE.signedChar));
  if (size === 1) return signed ? v.getInt8(0) : v.getUint8(0);
  if (size === 2) return signed ? v.getInt16(0, true) : v.getUint16(0, true);
  if (size === 8) return signed ? v.getBigInt64(0, true) : v.getBigUint64(0, true);
  return signed ? v.getInt32(0, true) : v.getUint32(0, true);
}

export const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;

function charText(code: number): string {
  if (code === 0) return "'\\0'";
  if (code === 10) return "'\\n'";
  if (code === 9) return "'\\t'";
  return code >= 32 && code < 127
    ? `'${String.fromCharCode(code)}'`
    : `'\\x${(code & 0xff).toString(16)}'`;
}

function isChar(t: Type): boolean {
  return t.kind === 'base' && (t.encoding === ATE.signedChar || t.encoding === ATE.unsignedChar);
}

/** The C string at `address` (up to MAX_STRING bytes), quoted; null when unreadable. */
function cString(read: ReadMemory, address: number): string | null {
  if (address === 0) return null;
  const bytes = read(address, MAX_STRING);
  if (!bytes) return null;
  const end = bytes.indexOf(0);
  const text = new TextDecoder().decode(bytes.subarray(0, end < 0 ? bytes.length : end));
  return JSON.stringify(text) + (end < 0 ? '…' : '');
}

/** Formats a scalar of `type` (the text, and the value alone). */
export function scalarText(type: Type, n: number | bigint): { text: string; value: string } {
  if (type.kind === 'pointer') {
    const s = hex(Number(n));
    return { text: s, value: s };
  }
  if (type.kind === 'enum') {
    const name = type.values.get(Number(n));
    return { text: name ? `${name} (${n})` : String(n), value: name ?? String(n) };
  }
  if (type.kind === 'base' && type.encoding === ATE.boolean)
    return { text: n ? 'true' : 'false', value: n ? 'true' : 'false' };
  if (isChar(type)) return { text: `${n} ${charText(Number(n))}`, value: String(n) };
  return { text: String(n), value: String(n) };
}

/** The value of `type` at `address` of the program's memory, as a panel row. */
export function valueAt(name: string, type: Type, address: number, read: ReadMemory): ValueNode {
  const node: ValueNode = {
    name,
    type: type.name,
    text: '',
    value: '',
    address,
    size: type.size,
  };
  if (type.kind === 'struct') {
    const members = type.members.map((m) => valueAt(m.name, m.type, address + m.offset, read));
    node.children = () => members;
    node.text = `{${members.map((m) => `${m.name}: ${m.text}`).join(', ')}}`;
    if (node.text.length > 80) node.text = `${node.text.slice(0, 79)}…}`;
    node.value = node.text;
    return node;
  }
  if (type.kind === 'array') {
    const el = type.element;
    if (isChar(el)) {
      const s = cString(read, address);
      node.text = node.value = s ?? '<unreadable>';
    }
    const n = Math.min(type.count, MAX_ELEMENTS);
    const items = () =>
      Array.from({ length: n }, (_, i) => valueAt(`[${i}]`, el, address + i * el.size, read));
    node.children = items;
    if (!isChar(el)) {
      const first = Array.from({ length: Math.min(n, 10) }, (_, i) =>
        valueAt('', el, address + i * el.size, read),
      );
      node.text = `[${first.map((f) => f.text).join(', ')}${type.count > 10 ? ', …' : ''}]`;
      node.value = node.text;
    }
    return node;
  }
  if (type.kind === 'void') {
    node.text = node.value = '<no value>';
    return node;
  }
  const bytes = read(address, type.size);
  if (!bytes || bytes.length < type.size) {
    node.text = node.value = '<unreadable>';
    return node;
  }
  const n = scalar(type, bytes);
  Object.assign(node, scalarText(type, n));
  if (type.kind === 'pointer') {
    const target = type.target;
    node.pointer = Number(n);
    if (target && isChar(target)) {
      const s = cString(read, Number(n));
      if (s) node.text = `${node.text} ${s}`;
    }
    if (target && target.kind !== 'void' && target.size > 0 && n !== 0)
      node.children = () => [valueAt(`*${name}`, target, Number(n), read)];
  }
  return node;
}
