import { beforeAll, describe, expect, it } from 'vitest';
import { runProgram, stubAssetFetch } from '../../interpret/testing';

const run = (
  src: string,
  opts: { stdin?: string; args?: string[]; env?: string[]; files?: Record<string, string> } = {},
) => runProgram('python', { 'main.py': src, ...opts.files }, { entry: 'main.py', ...opts });

describe('Python on MicroPython 1.27', () => {
  beforeAll(stubAssetFetch);

  it('runs a program: output, argv, environment, input(), exit status', async () => {
    const r = await run(
      'import sys, os\nprint("hi", sys.argv, os.getenv("WHO"))\nname = input("name? ")\nprint("hello", name)\nsys.exit(3)',
      { stdin: 'Ann\n', args: ['a'], env: ['WHO=me'] },
    );
    expect(r.stdout).toBe("hi ['main.py', 'a'] me\nname? hello Ann\n");
    expect(r.result.exitCode).toBe(3);
    expect(r.result.interpreter?.name).toBe('MicroPython 1.27');
  });

  it('reads and writes the project’s files: the changes come back', async () => {
    const r = await run(
      'import os\nopen("out.txt", "w").write(open("data/in.txt").read().upper())\nprint(os.listdir("data"))',
      { files: { 'data/in.txt': 'abc' } },
    );
    expect(r.stdout).toBe("['in.txt']\n");
    expect(r.result.changes?.changes).toEqual({ 'out.txt': 'created' });
    expect(new TextDecoder().decode(r.result.changes?.after['out.txt'])).toBe('ABC');
  });

  it('an uncaught exception: the traceback on stderr, status 1, a problem at its line', async () => {
    const r = await run('def f(x):\n    return 1 / x\nprint("before")\nf(0)\n');
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toBe(
      'Traceback (most recent call last):\n  File "main.py", line 4, in <module>\n  File "main.py", line 2, in f\nZeroDivisionError: divide by zero\n',
    );
    expect(r.result.exitCode).toBe(1);
    expect(r.result.diagnostics).toEqual([
      expect.objectContaining({
        file: 'main.py',
        line: 2,
        message: 'ZeroDivisionError: divide by zero',
      }),
    ]);
  });

  it('a syntax error and a missing module are clear problems', async () => {
    const syntax = await run('print("a"\nx = 1\n');
    expect(syntax.result.diagnostics?.[0]).toMatchObject({
      file: 'main.py',
      line: 2,
      message: 'SyntaxError: invalid syntax',
    });
    const numpy = await run('import numpy\n');
    expect(numpy.stderr).toContain("ImportError: no module named 'numpy'");
    expect(numpy.stderr).toContain("'numpy' is not in MicroPython 1.27 here");
  });

  it('bad input: recursion and memory bombs are Python errors; a million lines arrive', async () => {
    const deep = await run('def f(): f()\nf()\n');
    expect(deep.stderr).toContain('RuntimeError: maximum recursion depth exceeded');
    const big = await run('x = "a" * 10**9\n');
    expect(big.stderr).toContain('MemoryError');
    const many = await run('for i in range(1000000):\n    print(i)\n');
    expect(many.stdout.length).toBe(6888890);
    const bin = await runProgram(
      'python',
      { 'main.py': '\u0000\u00ff garbage' },
      { entry: 'main.py' },
    );
    expect(bin.result.exitCode).toBe(1);
  }, 30_000);
});
