// C/C++ types of .debug_info as the debugger shows and evaluates them: base, pointer, struct,
// array, enum, with the names C writes them with (typedefs and qualifiers kept in the name).
import type { Die } from './info';

export type Type =
  | { kind: 'base'; name: string; size: number; encoding: number }
  | { kind: 'pointer'; name: string; size: number; target: Type | null }
  | { kind: 'struct'; name: string; size: number; members: Member[] }
  | { kind: 'array'; name: string; size: number; element: Type; count: number }
  | { kind: 'enum'; name: string; size: number; values: Map<number, string> }
  | { kind: 'void'; name: string; size: number };

export interface Member {
  name: string;
  offset: number;
  type: Type;
}

// DW_ATE encodings the values need.
export const ATE = { boolean: 2, float: 4, signed: 5, signedChar: 6, unsigned: 7, unsignedChar: 8 };

const AT_NAME = 0x03;
const AT_TYPE = 0x49;
const AT_BYTE_SIZE = 0x0b;
const AT_ENCODING = 0x3e;
const AT_COUNT = 0x37;
const AT_UPPER = 0x2f;
const AT_MEMBER_LOCATION = 0x38;
const AT_CONST_VALUE = 0x1c;

export const VOID: Type = { kind: 'void', name: 'void', size: 0 };

/** Types by their DIE, built once each (recursive structs point back at themselves lazily). */
export class TypeTable {
  private readonly cache = new Map<number, Type>();
  constructor(private readonly byOffset: Map<number, Die>) {}

  /** The type an entry's DW_AT_type names (void when it has none). */
  of(die: Die): Type {
    const ref = die.attrs.get(AT_TYPE);
    if (typeof ref !== 'number') return VOID;
    const t = this.byOffset.get(ref);
    return t ? this.build(t) : VOID;
  }

  private build(die: Die): Type {
    const hit = this.cache.get(die.offset);
    if (hit) return hit;
    const name = String(die.attrs.get(AT_NAME) ?? '');
    const size = Number(die.attrs.get(AT_BYTE_SIZE) ?? 0);
    switch (die.tag) {
      case 0x24: {
        const t: Type = { kind: 'base', name, size, encoding: Number(die.attrs.get(AT_ENCODING)) };
        this.cache.set(die.offset, t);
        return t;
      }
      case 0x0f: // pointer
      case 0x10: // reference
      case 0x42: {
        const t: Type = { kind: 'pointer', name: '', size: size || 4, target: null };
        this.cache.set(die.offset, t);
        const target = die.attrs.has(AT_TYPE) ? this.of(die) : null;
        t.target = target;
        t.name = `${target ? target.name : 'void'} ${die.tag === 0x0f ? '*' : '&'}`.replace(
          '* *',
          '**',
        );
        return t;
      }
      case 0x13: // struct
      case 0x17: // union
      case 0x02: {
        // class
        const keyword = die.tag === 0x17 ? 'union' : die.tag === 0x02 ? 'class' : 'struct';
        const t: Type = {
          kind: 'struct',
          name: name ? `${keyword} ${name}` : `${keyword} {…}`,
          size,
          members: [],
        };
        this.cache.set(die.offset, t);
        for (const m of die.children) {
          if (m.tag !== 0x0d || m.attrs.get(0x3c) === true) continue; // member, not a declaration
          t.members.push({
            name: String(m.attrs.get(AT_NAME) ?? ''),
            offset: Number(m.attrs.get(AT_MEMBER_LOCATION) ?? 0),
            type: this.of(m),
          });
        }
        return t;
      }
      case 0x01: {
        // array: dimensions are the subranges, outermost first
        const element = this.of(die);
        const dims = die.children
          .filter((c) => c.tag === 0x21)
          .map((c) =>
            c.attrs.has(AT_COUNT)
              ? Number(c.attrs.get(AT_COUNT))
              : c.attrs.has(AT_UPPER)
                ? Number(c.attrs.get(AT_UPPER)) + 1
                : 0,
          );
        let t: Type = element;
        for (const n of dims.reverse())
          t = {
            kind: 'array',
            name: `${element.name}[${n}]`,
            size: n * t.size,
            element: t,
            count: n,
          };
        if (t.kind === 'array') {
          const outer = dims.reverse().map((n) => `[${n}]`);
          t.name = `${element.name}${outer.join('')}`;
        }
        this.cache.set(die.offset, t);
        return t;
      }
      case 0x04: {
        const values = new Map<number, string>();
        for (const e of die.children)
          if (e.tag === 0x28)
            values.set(Number(e.attrs.get(AT_CONST_VALUE)), String(e.attrs.get(AT_NAME)));
        const t: Type = { kind: 'enum', name: name ? `enum ${name}` : 'enum', size, values };
        this.cache.set(die.offset, t);
        return t;
      }
      case 0x16: {
        // typedef: the underlying type under the typedef's name
        const under = this.of(die);
        const t = { ...under, name: name || under.name } as Type;
        this.cache.set(die.offset, t);
        return t;
      }
      case 0x26: // const
      case 0x35: // volatile
      case 0x37: {
        // restrict
        const q = die.tag === 0x26 ? 'const' : die.tag === 0x35 ? 'volatile' : 'restrict';
        const under = this.of(die);
        const t = {
          ...under,
          name: under.kind === 'pointer' ? `${under.name} ${q}` : `${q} ${under.name}`,
        } as Type;
        this.cache.set(die.offset, t);
        return t;
      }
      case 0x15:
        return { kind: 'void', name: 'function', size: 0 };
      default:
        return { kind: 'void', name: name || 'unknown', size };
    }
  }
}
