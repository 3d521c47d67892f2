// Watch expressions: a C expression over the paused frame's variables (arithmetic, comparisons,
// logic, `*p`, `&x`, `a[i]`, `s.f`, `p->f`), evaluated against the program's memory.
import { ATE, type Type } from './dwarf/types';
import { scalar, scalarText, valueAt, type ReadMemory, type ValueNode } from './values';

/** A name in scope: where it lives (null: not readable here) and its type. */
export interface Binding {
  type: Type;
  address: number | null;
  /** A value held outside memory (a wasm local). */
  value?: number | bigint;
}

interface Val {
  type: Type;
  /** An lvalue's place in memory. */
  address?: number;
  num?: number | bigint;
}

const INT: Type = { kind: 'base', name: 'int', size: 4, encoding: ATE.signed };
const LONG: Type = { kind: 'base', name: 'long long', size: 8, encoding: ATE.signed };
const DOUBLE: Type = { kind: 'base', name: 'double', size: 8, encoding: ATE.float };

export class WatchError extends Error {}

/** "an int", "a struct point". */
const article = (name: string) => `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;

const TOKEN =
  /\s*(?:(0[xX][0-9a-fA-F]+|\d+\.\d*(?:[eE][-+]?\d+)?|\d+)[uUlL]*|('(?:\\.|[^'\\])')|([A-Za-z_]\w*)|(->|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%<>&|^!~()[\].]))/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < src.length) {
    if (/^\s*$/.test(src.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src);
    if (!m) throw new WatchError(`unexpected "${src.slice(at).trim()[0]}" at ${at + 1}`);
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
    at = TOKEN.lastIndex;
  }
  return out;
}

const BINARY: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '|': 3,
  '^': 4,
  '&': 5,
  '==': 6,
  '!=': 6,
  '<': 7,
  '>': 7,
  '<=': 7,
  '>=': 7,
  '<<': 8,
  '>>': 8,
  '+': 9,
  '-': 9,
  '*': 10,
  '/': 10,
  '%': 10,
};

/** Evaluates `expr`; a WatchError says why it cannot. */
export function evaluate(
  expr: string,
  lookup: (name: string) => Binding | null,
  read: ReadMemory,
): ValueNode {
  const tokens = tokenize(expr);
  if (!tokens.length) throw new WatchError('empty expression');
  let i = 0;
  const peek = () => tokens[i];
  const expect = (t: string) => {
    if (tokens[i] !== t)
      throw new WatchError(`expected "${t}"${tokens[i] ? ` before "${tokens[i]}"` : ''}`);
    i++;
  };

  const load = (v: Val): number | bigint => {
    if (v.num !== undefined) return v.num;
    if (v.address === undefined) throw new WatchError('no value');
    if (v.type.kind === 'array') return v.address; // decays to a pointer
    if (v.type.kind === 'struct') throw new WatchError(`${article(v.type.name)} is not a number`);
    const bytes = read(v.address, v.type.size);
    if (!bytes || bytes.length < v.type.size)
      throw new WatchError(`memory at 0x${v.address.toString(16)} cannot be read`);
    return scalar(v.type, bytes);
  };
  const isFloat = (t: Type) => t.kind === 'base' && t.encoding === ATE.float;
  const pointee = (v: Val): Type | null =>
    v.type.kind === 'pointer' ? v.type.target : v.type.kind === 'array' ? v.type.element : null;

  const deref = (v: Val): Val => {
    const t = pointee(v);
    if (!t || t.kind === 'void') throw new WatchError(`cannot dereference ${article(v.type.name)}`);
    return { type: t, address: Number(load(v)) };
  };
  const member = (v: Val, name: string): Val => {
    if (v.type.kind !== 'struct' || v.address === undefined)
      throw new WatchError(`${article(v.type.name)} has no members`);
    const m = v.type.members.find((x) => x.name === name);
    if (!m) throw new WatchError(`${v.type.name} has no member "${name}"`);
    return { type: m.type, address: v.address + m.offset };
  };

  const primary = (): Val => {
    const t = tokens[i++];
    if (t === undefined) throw new WatchError('expression ends too soon');
    if (t === '(') {
      const v = binary(0);
      expect(')');
      return v;
    }
    if (/^\d|^0x/i.test(t))
      return t.includes('.') || (/e/i.test(t) && !/^0x/i.test(t))
        ? { type: DOUBLE, num: Number(t) }
        : { type: INT, num: Number(t) };
    if (t.startsWith("'")) {
      const body = t.slice(1, -1);
      const esc: Record<string, number> = { n: 10, t: 9, '0': 0, '\\': 92, "'": 39 };
      return {
        type: INT,
        num: body.startsWith('\\') ? (esc[body[1]] ?? body.charCodeAt(1)) : body.charCodeAt(0),
      };
    }
    if (/^[A-Za-z_]/.test(t)) {
      const b = lookup(t);
      if (!b) throw new WatchError(`"${t}" is not in scope`);
      if (b.value !== undefined) return { type: b.type, num: b.value };
      if (b.address === null) throw new WatchError(`"${t}" is optimised out`);
      return { type: b.type, address: b.address };
    }
    throw new WatchError(`unexpected "${t}"`);
  };

  const postfix = (): Val => {
    let v = primary();
    for (;;) {
      const t = peek();
      if (t === '[') {
        i++;
        const index = Number(load(binary(0)));
        expect(']');
        const el = pointee(v);
        if (!el) throw new WatchError(`${article(v.type.name)} cannot be indexed`);
        v = { type: el, address: Number(load(v)) + index * el.size };
      } else if (t === '.' || t === '->') {
        i++;
        const name = tokens[i++];
        if (!name || !/^[A-Za-z_]/.test(name))
          throw new WatchError(`a member name must follow "${t}"`);
        v = member(t === '->' ? deref(v) : v, name);
      } else return v;
    }
  };

  const unary = (): Val => {
    const t = peek();
    if (t === '-' || t === '+' || t === '!' || t === '~' || t === '*' || t === '&') {
      i++;
      const v = unary();
      if (t === '*') return deref(v);
      if (t === '&') {
        if (v.address === undefined) throw new WatchError('cannot take the address of a value');
        return {
          type: { kind: 'pointer', name: `${v.type.name} *`, size: 4, target: v.type },
          num: v.address,
        };
      }
      const n = load(v);
      if (t === '!') return { type: INT, num: n ? 0 : 1 };
      if (t === '~')
        return {
          type: v.type.size === 8 ? LONG : INT,
          num: typeof n === 'bigint' ? ~n : ~Number(n),
        };
      return {
        type: isFloat(v.type) ? v.type : v.type.size === 8 ? LONG : INT,
        num: t === '-' ? (typeof n === 'bigint' ? -n : -n) : n,
      };
    }
    return postfix();
  };

  const apply = (op: string, a: Val, b: Val): Val => {
    const x = load(a);
    const y = load(b);
    // Pointer arithmetic: scaled by what the pointer points at.
    const pa = pointee(a);
    if (pa && (op === '+' || op === '-') && !pointee(b)) {
      const type =
        a.type.kind === 'pointer'
          ? a.type
          : { kind: 'pointer' as const, name: `${pa.name} *`, size: 4, target: pa };
      return { type, num: Number(x) + (op === '+' ? 1 : -1) * Number(y) * Math.max(pa.size, 1) };
    }
    const float = isFloat(a.type) || isFloat(b.type);
    const wide = typeof x === 'bigint' || typeof y === 'bigint';
    const cmp = (r: boolean): Val => ({ type: INT, num: r ? 1 : 0 });
    if (float) {
      const p = Number(x);
      const q = Number(y);
      const f: Record<string, () => Val> = {
        '+': () => ({ type: DOUBLE, num: p + q }),
        '-': () => ({ type: DOUBLE, num: p - q }),
        '*': () => ({ type: DOUBLE, num: p * q }),
        '/': () => ({ type: DOUBLE, num: p / q }),
      };
      if (f[op]) return f[op]();
    }
    if (wide) {
      const p = BigInt(x as never);
      const q = BigInt(y as never);
      if ((op === '/' || op === '%') && q === 0n) throw new WatchError('division by zero');
      const r: Record<string, () => bigint> = {
        '+': () => p + q,
        '-': () => p - q,
        '*': () => p * q,
        '/': () => p / q,
        '%': () => p % q,
        '<<': () => p << q,
        '>>': () => p >> q,
        '&': () => p & q,
        '|': () => p | q,
        '^': () => p ^ q,
      };
      if (r[op]) return { type: LONG, num: BigInt.asIntN(64, r[op]()) };
    }
    const p = Number(x);
    const q = Number(y);
    switch (op) {
      case '==':
        return cmp(p === q);
      case '!=':
        return cmp(p !== q);
      case '<':
        return cmp(p < q);
      case '>':
        return cmp(p > q);
      case '<=':
        return cmp(p <= q);
      case '>=':
        return cmp(p >= q);
      case '&&':
        return cmp(Boolean(p) && Boolean(q));
      case '||':
        return cmp(Boolean(p) || Boolean(q));
    }
    if ((op === '/' || op === '%') && q === 0) throw new WatchError('division by zero');
    const ints: Record<string, () => number> = {
      '+': () => p + q,
      '-': () => p - q,
      '*': () => Math.imul(p, q),
      '/': () => Math.trunc(p / q),
      '%': () => p % q,
      '<<': () => p << q,
      '>>': () => p >> q,
      '&': () => p & q,
      '|': () => p | q,
      '^': () => p ^ q,
    };
    return { type: INT, num: ints[op]() | 0 };
  };

  const binary = (min: number): Val => {
    let left = unary();
    for (;;) {
      const op = peek();
      const prec = op !== undefined ? BINARY[op] : undefined;
      if (prec === undefined || prec <= min) return left;
      i++;
      left = apply(op, left, binary(prec));
    }
  };

  const v = binary(0);
  if (i < tokens.length) throw new WatchError(`unexpected "${tokens[i]}"`);
  if (v.address !== undefined && v.num === undefined) return valueAt(expr, v.type, v.address, read);
  const n = load(v);
  return {
    name: expr,
    type: v.type.name,
    ...scalarText(v.type, n),
    address: null,
    size: v.type.size,
  };
}
