import { describe, expect, it } from 'vitest';
import { compile, compileAndRun, runTyped } from '../../testing';
import { assemblyscriptMeta } from './meta';

const example = (id: string) => assemblyscriptMeta.examples.find((e) => e.id === id)!.source;

describe('AssemblyScript compile (asc + wasi-shim)', () => {
  it('compiles hello world to a WASI command whose console.log reaches stdout', async () => {
    const c = await compile('assemblyscript', example('hello'));
    expect(c.ok).toBe(true);
    expect(c.phases.map((p) => p.name)).toEqual(['parse', 'compile', 'optimize', 'emit']);
    const r = await compileAndRun('assemblyscript', example('hello'), { args: ['a', 'b c'] });
    expect(r.stdout).toBe('Hello from AssemblyScript!\narguments: a b c\n');
    expect(r.exitCode).toBe(0);
    expect(r.imports.every((i) => i.module === 'wasi_snapshot_preview1')).toBe(true);
  });

  it('reports a type error at its line and column', async () => {
    const r = await compile('assemblyscript', 'const a: i32 = 1;\nlet x: i32 = "text";\n');
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.severity === 'error')!;
    expect(d).toMatchObject({ line: 2, column: 14, endLine: 2, endColumn: 20 });
    expect(d.message).toMatch(/not assignable/);
    expect(r.log).toMatch(/ERROR/);
  });

  it('reads stdin, env and traps on integer division by zero', async () => {
    const lines = await compileAndRun('assemblyscript', example('stdin'), {
      stdin: 'one\ntwo three\n',
    });
    expect(lines.stdout).toBe('1: one (3 chars)\n2: two three (9 chars)\n2 line(s) read\n');
    const env = await compileAndRun('assemblyscript', 'console.log(process.env.get("GREETING"));', {
      env: ['GREETING=hi there'],
    });
    expect(env.stdout).toBe('hi there\n');
    const trap = await compileAndRun('assemblyscript', example('trap'));
    expect(trap.stdout).toBe('dividing 100 by 0...\n');
    expect(trap.trap?.message).toMatch(/divi.*by zero/);
  });

  it('an abort prints its message on stderr and exits 255', async () => {
    const r = await compileAndRun(
      'assemblyscript',
      'const a = [1, 2, 3];\nconsole.log(a[5].toString());',
    );
    expect(r.stderr).toMatch(/abort: .*array/i);
    expect(r.exitCode).toBe(255);
  });
});

describe('AssemblyScript console', () => {
  it('console.error and console.warn go to stderr, console.log to stdout', async () => {
    const r = await compileAndRun(
      'assemblyscript',
      'console.log("out");\nconsole.error("bad");\nconsole.warn("careful");',
    );
    expect(r.stdout).toBe('out\n');
    expect(r.stderr).toBe('bad\ncareful\n');
  });
});

describe('AssemblyScript projects', () => {
  it('compiles the entry with the project modules it imports, and names the file of an error', async () => {
    const { compileProject, run } = await import('../../testing');
    const files = {
      'main.ts': 'import { twice } from "./lib/math";\nconsole.log(`twice: ${twice(21)}`);\n',
      'lib/math.ts': 'export function twice(x: i32): i32 { return x * 2; }\n',
    };
    const r = await compileProject('assemblyscript', files, 'main.ts');
    expect(r.ok).toBe(true);
    expect((await run(r.wasm!)).stdout).toBe('twice: 42\n');
    const bad = await compileProject(
      'assemblyscript',
      { ...files, 'lib/math.ts': 'export function twice(x: i32): i32 { return y; }\n' },
      'main.ts',
    );
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics[0]).toMatchObject({ file: 'lib/math.ts', line: 1 });
  });

  it('the interactive example asks, waits for each answer, and stops at end of input', async () => {
    const ask = assemblyscriptMeta.examples.find((e) => e.id === 'ask')!;
    const c = await compile('assemblyscript', ask.source);
    expect(c.ok, c.log).toBe(true);
    expect(runTyped(c.wasm!, ['Grace\n', '1906\n']).transcript).toBe(
      "What's your name? [wait]Grace\nHello, Grace! Your name has 5 characters.\n" +
        'What year were you born? [wait]1906\nIn 2030 you will be 124.\nBye!\n',
    );
    expect(runTyped(c.wasm!, [null]).transcript).toBe(
      "What's your name? [wait]\nNo name? Goodbye.\n",
    );
  });
});
