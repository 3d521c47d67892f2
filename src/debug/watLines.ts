// Where each instruction of a module compiled from WAT is in its source. wabt gives no such
// map, so the text is read again: each function's instructions in the order the binary has them
// (a folded `(i32.add (a) (b))` is a, b, then i32.add; `(if c (then …) (else …))` is c, if, …,
// else, …, end), paired with the function's operators in the binary.
import type { Body } from './instrument';

export interface WatPlace {
  line: number;
  column: number;
  length: number;
}

export interface WatLines {
  /** Every instruction's offset (where an instruction-level debug may pause). */
  sites: number[];
  lineOf(offset: number): number | undefined;
  placeOf(offset: number): WatPlace | undefined;
  /** The first instruction on `line` or the next line that has one. */
  breakpoint(line: number): { line: number; offsets: number[] } | null;
}

interface Tok {
  text: string;
  line: number;
  column: number;
}
type Node = Tok | { list: Node[]; line: number; column: number };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  const adv = (n: number) => {
    for (let k = 0; k < n; k++, i++) {
      if (src[i] === '\n') {
        line++;
        col = 1;
      } else col++;
    }
  };
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) adv(1);
    else if (src.startsWith(';;', i)) {
      while (i < src.length && src[i] !== '\n') adv(1);
    } else if (src.startsWith('(;', i)) {
      const end = src.indexOf(';)', i + 2);
      adv((end < 0 ? src.length : end + 2) - i);
    } else if (c === '(' || c === ')') {
      out.push({ text: c, line, column: col });
      adv(1);
    } else if (c === '"') {
      const start = { line, column: col };
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      const text = src.slice(i, j + 1);
      adv(j + 1 - i);
      out.push({ text, ...start });
    } else {
      const m = /^[^\s()";]+/.exec(src.slice(i, i + 200))!;
      out.push({ text: m[0], line, column: col });
      adv(m[0].length);
    }
  }
  return out;
}

function parse(toks: Tok[]): Node[] {
  let i = 0;
  const list = (): Node[] => {
    const out: Node[] = [];
    while (i < toks.length && toks[i].text !== ')') {
      const t = toks[i++];
      if (t.text === '(') {
        out.push({ list: list(), line: t.line, column: t.column });
        i++;
      } else out.push(t);
    }
    return out;
  };
  return list();
}

const isTok = (n: Node | undefined): n is Tok => n !== undefined && 'text' in n;
const head = (n: Node) => (!isTok(n) && isTok(n.list[0]) ? n.list[0].text : '');
const NOT_INSTR = new Set(['type', 'param', 'result', 'local', 'export', 'import', 'then']);
const HEADER = new Set(['export', 'type', 'param', 'result', 'local']);
const isInstr = (t: string) =>
  /^[a-z][a-z0-9_.]*$/.test(t) && !/^(nan|inf|[if](8|16|32|64)x\d+)$/.test(t);

/** A function's instructions in binary order, each with its place. */
function instructions(body: Node[]): WatPlace[] {
  const out: WatPlace[] = [];
  const at = (t: Tok | Node) => ({
    line: t.line,
    column: t.column,
    length: isTok(t) ? t.text.length : head(t).length + 1,
  });
  const flat = (nodes: Node[]) => {
    for (const n of nodes) {
      if (isTok(n)) {
        if (isInstr(n.text)) out.push(at(n));
      } else if (!NOT_INSTR.has(head(n))) folded(n);
    }
  };
  const folded = (n: Node) => {
    if (isTok(n)) return;
    const [first, ...rest] = n.list;
    if (!isTok(first)) return;
    const op = first.text;
    const place = { line: first.line, column: first.column, length: op.length };
    if (op === 'block' || op === 'loop') {
      out.push(place);
      flat(rest);
      out.push(place); // end
    } else if (op === 'if') {
      const thenPart = rest.find((x) => head(x) === 'then');
      const elsePart = rest.find((x) => head(x) === 'else');
      flat(rest.filter((x) => !isTok(x) && x !== thenPart && x !== elsePart));
      out.push(place);
      if (thenPart && !isTok(thenPart)) flat(thenPart.list.slice(1));
      if (elsePart && !isTok(elsePart)) {
        out.push(at(elsePart));
        flat(elsePart.list.slice(1));
      }
      out.push(place);
    } else {
      flat(rest.filter((x) => !isTok(x)));
      out.push(place);
    }
  };
  flat(body);
  return out;
}

/** The instruction map of `source` for the module's function `bodies` (null: unreadable). */
export function watLines(source: string, bodies: Body[]): WatLines | null {
  let nodes: Node[];
  try {
    nodes = parse(tokenize(source));
  } catch {
    return null;
  }
  const module = nodes.find((n) => head(n) === 'module');
  const fields = module && !isTok(module) ? module.list.slice(1) : nodes;
  const funcs = fields.filter(
    (f) => head(f) === 'func' && !isTok(f) && !f.list.some((x) => head(x) === 'import'),
  );
  const places = new Map<number, WatPlace>();
  funcs.forEach((f, k) => {
    const body = bodies[k];
    if (!body || isTok(f)) return;
    const header = (n: Node) => (isTok(n) ? n.text.startsWith('$') : HEADER.has(head(n)));
    let start = 1;
    while (start < f.list.length && header(f.list[start])) start++;
    const seq = instructions(f.list.slice(start));
    // The binary's last `end` closes the function: the text has none.
    const ops = body.ops.slice(0, -1);
    ops.forEach((op, i) => {
      const p = seq[i];
      if (p) places.set(op.start, p);
    });
  });
  const sites = [...places.keys()].sort((a, b) => a - b);
  return {
    sites,
    lineOf: (o) => places.get(o)?.line,
    placeOf: (o) => places.get(o),
    breakpoint(line) {
      const lines = sites.map((o) => places.get(o)!.line).filter((l) => l >= line);
      if (!lines.length) return null;
      const at = Math.min(...lines);
      const first = sites.find((o) => places.get(o)!.line === at)!;
      return { line: at, offsets: [first] };
    },
  };
}
