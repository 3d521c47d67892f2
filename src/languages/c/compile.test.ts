import { describe, expect, it } from 'vitest';
import { compile, compileAndRun, compileProject, run, runTyped } from '../../testing';
import { cMeta } from './meta';
import { cppMeta } from '../cpp/meta';

const c = (id: string) => cMeta.examples.find((e) => e.id === id)!.source;
const cpp = (id: string) => cppMeta.examples.find((e) => e.id === id)!.source;

// These load the ≈105 MB toolchain once (module state keeps it warm across tests).
describe('C and C++ (clang/LLD via @yowasp/clang)', { timeout: 180_000 }, () => {
  it('compiles and runs C hello world with argv, reporting front-end and link phases', async () => {
    const r = await compile('c', c('hello'), '-O2');
    expect(r.ok).toBe(true);
    expect(r.phases.map((p) => p.name)).toEqual(['front end + codegen', 'link']);
    const out = await run(r.wasm!, { args: ['one', 'two words'] });
    expect(out.stdout).toBe(
      'Hello from C, compiled in your browser!\nargv[1] = one\nargv[2] = two words\n',
    );
    expect(out.exitCode).toBe(0);
  });

  it('compiles and runs C++ iostream hello world', async () => {
    const out = await compileAndRun('cpp', cpp('hello'));
    expect(out.stdout).toBe('Hello from C++, compiled in your browser!\n');
  });

  it('puts a compile error at the right line and column', async () => {
    const r = await compile('c', 'int main(void) {\n  int x = 1;\n  return y;\n}\n');
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({
      severity: 'error',
      line: 3,
      column: 10,
      endColumn: 11,
    });
    expect(r.diagnostics[0].message).toMatch(/undeclared identifier 'y'/);
    expect(r.log).toMatch(/main\.c:3:10: error/);
  });

  it('reports warnings and link errors as problems', async () => {
    const r = await compile(
      'c',
      'void helper(void);\nint main(void) {\n  int unused;\n  helper();\n  return 0;\n}\n',
      '-O0',
    );
    expect(r.ok).toBe(false);
    expect(r.diagnostics.find((d) => d.severity === 'warning')).toBeUndefined();
    const link = r.diagnostics.find((d) => /undefined symbol: helper/.test(d.message))!;
    // At the call that needs it, not at the prototype that only declares it.
    expect(link).toMatchObject({ severity: 'error', file: 'main.c', line: 4, column: 3 });
    const w = await compile(
      'c',
      'int main(void) {\n  int unused;\n  return 0;\n}\n',
      '-O0',
      '-Wall',
    );
    expect(w.ok).toBe(true);
    expect(w.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 2,
        column: 7,
        endColumn: 13,
        message: expect.stringMatching(/unused variable 'unused'/),
      }),
    ]);
  });

  it('passes flags, stdin, exit codes and aborts through', async () => {
    const src =
      '#include <stdio.h>\nint main(void) { char b[64]; int n = 0; while (fgets(b, sizeof b, stdin)) n++; printf("%d %d\\n", n, N); return 7; }\n';
    expect((await compile('c', src)).ok).toBe(false);
    const withFlag = await compile('c', src, '-O1', '-DN=99 -Wall');
    expect(withFlag.ok).toBe(true);
    const out = await run(withFlag.wasm!, { stdin: 'a\nb\nc\n' });
    expect(out.stdout).toBe('3 99\n');
    expect(out.exitCode).toBe(7);
    const aborted = await compileAndRun('c', c('abort'));
    expect(aborted.stdout).toBe('10 / 2 = 5\n');
    expect(aborted.stderr).toMatch(/Assertion failed.*divisor must not be zero/);
    expect(aborted.trap?.message).toMatch(/unreachable/);
  });

  it('an uncaught C++ exception prints what was thrown and traps', async () => {
    const out = await compileAndRun('cpp', cpp('exception'));
    // C++17 sequencing: the text before v.at(10) is printed before the throw.
    expect(out.stdout).toBe('v.at(1) = 2\nv.at(10) = ');
    expect(out.stderr).toBe(
      "terminate called after throwing an instance of 'std::out_of_range'\n  what():  vector\n",
    );
    expect(out.trap?.message).toMatch(/unreachable/);
  });

  it('runs every C and C++ example', async () => {
    for (const ex of [
      ...cMeta.examples.map((e) => ['c', e] as const),
      ...cppMeta.examples.map((e) => ['cpp', e] as const),
    ]) {
      const [lang, e] = ex;
      const main = lang === 'c' ? 'main.c' : 'main.cpp';
      const r = await compileProject(lang, { [main]: e.source, ...e.files }, main);
      expect(r.ok, `${lang}/${e.id}: ${r.log}`).toBe(true);
    }
    const words = await compileAndRun('cpp', cpp('words'), { stdin: 'b a b\nA c\n' });
    expect(words.stdout).toBe('2 lines, 3 distinct words\n2 a\n2 b\n1 c\n');
  });

  it('interactive examples: the prompt is out before the read waits (stdout flushed)', async () => {
    const guess = await compile('c', c('guess'));
    expect(guess.ok, guess.log).toBe(true);
    const g = runTyped(guess.wasm!, ['abc\n', '0\n', null]);
    expect(g.transcript).toMatch(
      /^I am thinking of a number between 1 and 100\.\nYour guess\? \[wait\]abc\n/,
    );
    expect(g.transcript).toContain('That is not a number.');
    expect(g.transcript).toContain('0\n\x1b[34mHigher!');
    expect(g.transcript).toMatch(/Giving up\? It was \d+\.\n$/);
    expect(g.exitCode).toBe(1);

    const calc = await compile('cpp', cpp('calc'));
    expect(calc.ok, calc.log).toBe(true);
    const r = runTyped(calc.wasm!, ['x = 2 ^ 10\n', '(x + 1) * 2\n', '1 / 0\n', null]);
    expect(r.transcript).toContain(
      'calc> [wait]x = 2 ^ 10\n= 1024\ncalc> [wait](x + 1) * 2\n= 2050\n',
    );
    expect(r.transcript).toContain('\x1b[31merror:\x1b[0m division by zero');
    expect(r.transcript.endsWith('calc> [wait]bye\n')).toBe(true);

    const bar = await compileAndRun('c', c('progress'));
    expect(bar.stdout).toContain('\r\x1b[36mbuilding');
    expect(bar.stdout).toMatch(/100%\n.*done/);
  });

  it('runs the project examples: modules, file I/O and the PPM image', async () => {
    const ex = (id: string) => cMeta.examples.find((e) => e.id === id)!;
    const project = async (id: string) => {
      const e = ex(id);
      const files = { 'main.c': e.source, ...e.files };
      const r = await compileProject('c', files, 'main.c');
      expect(r.ok, r.log).toBe(true);
      const mount = Object.fromEntries(
        Object.entries(files).map(([p, t]) => [p, new TextEncoder().encode(t)]),
      );
      return run(r.wasm!, { files: mount });
    };
    expect((await project('modules')).stdout).toBe(
      'rect 3x4: area 12, perimeter 14\ncircle r=2: area 12.566\n',
    );
    const files = await project('files');
    expect(files.stdout).toBe('read 4 scores, wrote report.txt\n');
    expect(new TextDecoder().decode(files.files!['report.txt'])).toBe(
      'players: 4\naverage: 88.0\nbest: grace (97)\n',
    );
    const ppm = (await project('mandelbrot')).files!['mandelbrot.ppm'];
    expect(new TextDecoder().decode(ppm.subarray(0, 15))).toBe('P6\n480 320\n255\n');
    expect(ppm.length).toBe(15 + 480 * 320 * 3);
  });
});
