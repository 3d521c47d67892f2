// A source-level debug of a module with DWARF, as pure functions: where it may pause (statement
// sites, their lines, each function's frame-base local), and what a paused frame holds.
import type { DebugFrame, WasmLocal } from '../protocol/debug';
import { projectPath, type Symbols } from './dwarf/symbols';
import { ATE, type Type } from './dwarf/types';
import { bodyAt, type Body } from './module';
import { valueAt, type ReadMemory, type ValueNode } from './values';
import type { Binding } from './watch';

/**
 * Numbers for a file's lines (the stepper compares them: a step ends on another line); each
 * keyer numbers the files it meets.
 */
export function lineKeys(): (place: { file: string; line: number }) => number {
  const files = new Map<string, number>();
  return ({ file, line }) => {
    if (!files.has(file)) files.set(file, files.size + 1);
    return files.get(file)! * 2 ** 20 + line;
  };
}

export interface SourcePlan {
  /** Original module offsets of the statements. */
  sites: number[];
  /** Each site's file and line as one number (a step ends on another line). */
  lines: number[];
  /** [function index, local index] of each function with a frame-base local. */
  frameLocals: [number, number][];
}

/**
 * Step sites: the statements of the project's own files (a step does not walk into the C++
 * library's headers, as "just my code" does); every statement when none is the project's (a
 * module opened without its sources).
 */
export function sourcePlan(
  symbols: Symbols,
  bodies: Body[],
  importedFuncs: number,
  isProjectFile: (path: string) => boolean = () => true,
): SourcePlan {
  const key = lineKeys();
  const all = symbols.statements();
  const own = all.filter((r) => isProjectFile(projectPath(r.file)));
  const stmts = own.length ? own : all;
  const frameLocals: [number, number][] = [];
  for (const f of symbols.functions) {
    if (f.frameLocal === null) continue;
    const at = f.low + symbols.codeStart;
    const i = bodyAt(bodies, at);
    if (i >= 0) frameLocals.push([importedFuncs + i, f.frameLocal]);
  }
  return {
    sites: stmts.map((r) => r.address + symbols.codeStart),
    lines: stmts.map((r) => key(r)),
    frameLocals,
  };
}

/**
 * The variables in scope in `frame` with their values (parameters first), and every name a
 * watch expression may use there (the frame's variables and the globals).
 */
export function frameScope(
  symbols: Symbols,
  frame: DebugFrame,
  read: ReadMemory,
): { nodes: ValueNode[]; bindings: Map<string, Binding> } {
  const bindings = new Map<string, Binding>();
  for (const g of symbols.globals)
    if (g.name && g.location.kind === 'address')
      bindings.set(g.name, { type: g.type, address: g.location.address });
  const addr = frame.offset - symbols.codeStart;
  const fn = symbols.functionAt(addr);
  if (!fn) return { nodes: [], bindings };
  const nodes: ValueNode[] = [];
  for (const v of symbols.variablesAt(fn, addr)) {
    const address =
      v.location.kind === 'frame'
        ? frame.base + v.location.offset
        : v.location.kind === 'address'
          ? v.location.address
          : null;
    bindings.set(v.name, { type: v.type, address });
    nodes.push(
      address === null
        ? {
            name: v.name,
            type: v.type.name,
            text: '<optimised out>',
            value: '',
            address: null,
            size: 0,
          }
        : valueAt(v.name, v.type, address, read),
    );
  }
  return { nodes, bindings };
}

const LOCAL_TYPES: Record<WasmLocal['type'], Type> = {
  i32: { kind: 'base', name: 'i32', size: 4, encoding: ATE.signed },
  i64: { kind: 'base', name: 'i64', size: 8, encoding: ATE.signed },
  f32: { kind: 'base', name: 'f32', size: 4, encoding: ATE.float },
  f64: { kind: 'base', name: 'f64', size: 8, encoding: ATE.float },
};

/**
 * A paused frame's wasm locals and value stack as variables (locals named from the name section
 * when it names them).
 */
export function wasmLocals(
  locals: WasmLocal[],
  names: Map<number, string> | undefined,
): { nodes: ValueNode[]; bindings: Map<string, Binding> } {
  const bindings = new Map<string, Binding>();
  // Locals first, then the value stack bottom to top (its slots come as indices -1, -2, …).
  const ordered = [
    ...locals.filter((l) => l.index >= 0),
    ...locals.filter((l) => l.index < 0).sort((a, b) => b.index - a.index),
  ];
  const depth = ordered.filter((l) => l.index < 0).length;
  const nodes = ordered.map((l) => {
    const slot = -1 - l.index;
    const name =
      l.index < 0
        ? `stack[${slot}]${slot === depth - 1 ? ' (top)' : ''}`
        : (names?.get(l.index) ?? `local ${l.index}`).replace(/^\$/, '');
    const type = LOCAL_TYPES[l.type];
    const num = l.type === 'i64' ? BigInt(l.value) : Number(l.value);
    if (!name.includes(' ')) bindings.set(name, { type, address: null, value: num });
    return { name, type: l.type, text: l.value, value: l.value, address: null, size: type.size };
  });
  return { nodes, bindings };
}
