import { describe, expect, it } from 'vitest';
import { compile } from '../testing';
import { runWasi } from '../wasm/runWasi';
import { Symbols } from './dwarf/symbols';
import { instrument, moduleFunctions } from './instrument';
import { frameScope, sourcePlan } from './plan';
import { DebugHost } from './host';
import type { Resume } from './stepper';
import { evaluate } from './watch';
import type { ValueNode } from './values';

const SOURCE = `#include <stdio.h>
struct point { int x; int y; };

int area(struct point *p, int scale) {
  int w = p->x * scale;
  int h = p->y * scale;
  return w * h;
}
int main(void) {
  struct point pt = { 3, 4 };
  int nums[3] = { 1, 2, 3 };
  const char *name = "box";
  int a = area(&pt, 2);
  printf("%s %d %d\\n", name, a, nums[1]);
  return 0;
}
`;

interface Pause {
  line: number;
  functions: string[];
  variables: ValueNode[];
  watch: string[];
}

/**
 * Runs the debug build under a DebugHost in this thread (no channel: pauses are answered at once),
 * answering each pause with the next of `answers`; at each pause reads the paused frame's line,
 * the stack's functions, the variables and `watches`, as the page does.
 */
async function debug(
  wasm: Uint8Array,
  breakpoints: number[],
  answers: Resume[],
  watches: string[],
) {
  const symbols = Symbols.read(wasm)!;
  const { bodies, importedFuncs } = moduleFunctions(wasm);
  const plan = sourcePlan(symbols, bodies, importedFuncs);
  const lines = new Map(plan.sites.map((s, i) => [s, plan.lines[i]]));
  const sites = new Set(plan.sites);
  const locals = new Map(plan.frameLocals);
  const out = instrument(
    wasm,
    (o) => sites.has(o),
    (f) => locals.get(f) ?? null,
  );
  let memory: WebAssembly.Memory | null = null;
  const read = (a: number, n: number) => new Uint8Array(memory!.buffer).slice(a, a + n);
  const pauses: Pause[] = [];
  const host = new DebugHost(null, out, () => {}, {
    breakpoints,
    lineOf: (o) => lines.get(o),
    answer: (e) => {
      const { nodes, bindings } = frameScope(symbols, e.frames[0], read);
      pauses.push({
        line: symbols.rowAt(e.offset - symbols.codeStart)?.line ?? -1,
        functions: e.frames.map(
          (f) => symbols.functionAt(f.offset - symbols.codeStart)?.name ?? '?',
        ),
        variables: nodes,
        watch: watches.map((w) => {
          try {
            return evaluate(w, (n) => bindings.get(n) ?? null, read).text;
          } catch (err) {
            return `error: ${(err as Error).message}`;
          }
        }),
      });
      return answers.shift() ?? { kind: 'continue' };
    },
  });
  const r = await runWasi(
    {
      runId: 1,
      wasm: out.wasm,
      stdin: '',
      args: [],
      env: [],
      debugHooks: {
        imports: host.hooks,
        bind: (instance) => {
          memory = instance.exports.memory as WebAssembly.Memory;
          host.bind(instance);
        },
        trapped: () => {},
      },
    },
    () => {},
  );
  return { pauses, result: r };
}

Error.stackTraceLimit = Infinity;

const value = (p: Pause, name: string) => p.variables.find((v) => v.name === name)?.value;

describe('a C program at source level (DWARF of a -O0 -g build)', { timeout: 180_000 }, () => {
  it('reads functions, variables, types and lines; a breakpoint on a line without code moves on', async () => {
    const r = await compile('c', SOURCE, '-O0', '-g');
    const s = Symbols.read(r.wasm!)!;
    const area = s.functions.find((f) => f.name === 'area')!;
    expect(area.variables.map((v) => `${v.type.name} ${v.name}`)).toEqual([
      'struct point * p',
      'int scale',
      'int w',
      'int h',
    ]);
    expect(area.frameLocal).not.toBeNull();
    // Line 3 is blank, line 4 the signature (before the prologue): both stop at line 5.
    expect(s.breakpoint('main.c', 3)?.line).toBe(5);
    expect(s.breakpoint('main.c', 4)?.line).toBe(5);
    expect(s.breakpoint('main.c', 99)).toBeNull();
    expect(s.breakpoint('other.c', 5)).toBeNull();
    expect([...s.files()]).toEqual(['main.c']);
    // A build without -g has no DWARF.
    const plain = await compile('c', SOURCE, '-O0');
    expect(Symbols.read(plain.wasm!)).toBeNull();
  });

  it('pauses at a breakpoint with the parameters, steps over lines, evaluates watches, steps out onto the call', async () => {
    const r = await compile('c', SOURCE, '-O0', '-g');
    const s = Symbols.read(r.wasm!)!;
    const bp = s.breakpoint('main.c', 5)!.addresses.map((a) => a + s.codeStart);
    const { pauses, result } = await debug(
      r.wasm!,
      bp,
      [{ kind: 'over' }, { kind: 'over' }, { kind: 'out' }, { kind: 'over' }],
      ['w*h+1', 'p->x*scale+1', 'nope+1', 'pt.y', 'nums[2]', '*name'],
    );
    expect(result.exitCode).toBe(0);
    expect(pauses.map((p) => p.line)).toEqual([5, 6, 7, 13, 14]);
    expect(pauses[0].functions).toEqual(['area', 'main', '?']);
    expect(value(pauses[0], 'scale')).toBe('2');
    expect(value(pauses[0], 'p')).toMatch(/^0x[0-9a-f]{8}$/);
    expect(value(pauses[1], 'w')).toBe('6');
    expect(value(pauses[2], 'h')).toBe('8');
    expect(pauses[2].watch.slice(0, 3)).toEqual(['49', '7', 'error: "nope" is not in scope']);
    // Step out: the caller, on the line of the call (its variables intact).
    expect(pauses[3].functions).toEqual(['main', '?']);
    expect(value(pauses[3], 'pt')).toBe('{x: 3, y: 4}');
    expect(value(pauses[3], 'nums')).toBe('[1, 2, 3]');
    expect(pauses[3].variables.find((v) => v.name === 'name')?.text).toMatch(
      /^0x[0-9a-f]{8} "box"$/,
    );
    expect(pauses[3].watch.slice(3)).toEqual(['4', '3', "98 'b'"]);
    // Over the line that assigns the call's result: a is set.
    expect(value(pauses[4], 'a')).toBe('48');
  });
});
