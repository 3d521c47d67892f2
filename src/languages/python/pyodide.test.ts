import { beforeAll, describe, expect, it } from 'vitest';
import { runProgram, stubAssetFetch } from '../../interpret/testing';

const run = (
  src: string,
  opts: { stdin?: string; args?: string[]; env?: string[]; files?: Record<string, string> } = {},
) =>
  runProgram(
    'python',
    { 'main.py': src, ...opts.files },
    { entry: 'main.py', variant: 'pyodide', ...opts },
  );

describe('Python on CPython 3.14 (Pyodide)', () => {
  beforeAll(stubAssetFetch);

  it('runs a program: version, argv, environment, input(), files, exit status', async () => {
    const r = await run(
      'import sys, os\nprint(sys.version_info[:2], sys.argv, os.environ["WHO"])\nname = input("name? ")\nopen("out.txt", "w").write(name.upper())\nsys.exit(4)',
      { stdin: 'ann\n', args: ['a'], env: ['WHO=me'] },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe("(3, 14) ['main.py', 'a'] me\nname? ");
    expect(r.result.exitCode).toBe(4);
    expect(r.result.changes?.changes).toEqual({ 'out.txt': 'created' });
    expect(r.result.interpreter?.name).toMatch(/^CPython 3\.14/);
  }, 60_000);

  it('a second run in the worker reuses the interpreter with a fresh __main__ and modules', async () => {
    const first = await run('import helper\nx = 1\nprint(helper.V)', {
      files: { 'helper.py': 'V = 1' },
    });
    expect(first.stdout).toBe('1\n');
    const again = await run('import helper\nprint("x" in globals(), helper.V)', {
      files: { 'helper.py': 'V = 2' },
    });
    expect(again.stdout).toBe('False 2\n');
    expect(again.result.interpreter?.cached).toBe(true);
    expect(again.result.changes?.changes).toEqual({});
  }, 60_000);

  it('an exception: the traceback without our frames, a problem at its line', async () => {
    const r = await run('def f(x):\n    return 1 / x\nf(0)\n');
    expect(r.stderr).toMatch(/^Traceback \(most recent call last\):\n {2}File "main.py", line 3/);
    expect(r.stderr).toContain('ZeroDivisionError: division by zero');
    expect(r.result.diagnostics?.[0]).toMatchObject({ file: 'main.py', line: 2 });
    const syntax = await run('print("a"\n');
    expect(syntax.result.diagnostics?.[0]).toMatchObject({ file: 'main.py', line: 1 });
    const numpy = await run('import numpy\n');
    expect(numpy.stderr).toContain("'numpy' is not in this playground's Python");
  }, 60_000);

  it('bad input: recursion and memory bombs are Python errors, and the interpreter lives on', async () => {
    const deep = await run('def f():\n    f()\nf()\n');
    expect(deep.stderr).toContain('RecursionError');
    const big = await run('x = "a" * 10**10\n');
    expect(big.stderr).toMatch(/MemoryError|OverflowError/);
    const many = await run('for i in range(1000000):\n    print(i)\n');
    expect(many.stdout.length).toBe(6888890);
    const after = await run('print("still here")');
    expect(after.stdout).toBe('still here\n');
    expect(after.result.interpreter?.cached).toBe(true);
  }, 120_000);
});
