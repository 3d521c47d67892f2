import { describe, expect, it } from 'vitest';
import { compile, compileAndRun } from '../../testing';
import { watMeta } from './meta';

const example = (id: string) => watMeta.examples.find((e) => e.id === id)!.source;

describe('WAT compile (wabt)', () => {
  it('compiles every example to a valid module', async () => {
    for (const ex of watMeta.examples) {
      const r = await compile('wat', ex.source);
      expect(r.ok, ex.id).toBe(true);
      expect(WebAssembly.validate(r.wasm! as BufferSource), ex.id).toBe(true);
      expect(r.phases.map((p) => p.name)).toEqual(['parse', 'validate', 'emit']);
    }
  });

  it('reports a syntax error at its line and column', async () => {
    const r = await compile(
      'wat',
      '(module\n  (func (export "_start")\n    i32.const\n  )\n  (oops)\n)',
    );
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', line: 4, column: 3 });
    expect(r.diagnostics[0].message).toMatch(/expected a numeric literal/);
    expect(r.diagnostics[1]).toMatchObject({ line: 5, column: 4, endColumn: 8 });
  });

  it('reports a type error from validation with its position and span', async () => {
    const src = '(module\n  (func (result i32)\n    (i32.add (i32.const 1))))';
    const r = await compile('wat', src);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ line: 3, column: 6, endColumn: 13 });
    expect(r.diagnostics[0].endColumn).toBeGreaterThan(r.diagnostics[0].column);
    expect(r.diagnostics[0].message).toMatch(/type mismatch/);
  });

  it('runs hello, primes, stdin, trap and exit examples with the expected behaviour', async () => {
    expect((await compileAndRun('wat', example('hello'))).stdout).toBe('Hello, WebAssembly!\n');
    const primes = await compileAndRun('wat', example('primes'));
    expect(primes.stdout.split('\n').slice(0, 5)).toEqual(['2', '3', '5', '7', '11']);
    expect(primes.stdout).toContain('total: 25\n');
    const up = await compileAndRun('wat', example('stdin'), { stdin: 'abc xyz\nline 2\n' });
    expect(up.stdout).toBe('ABC XYZ\nLINE 2\n');
    expect(up.exitCode).toBe(0);
    const trap = await compileAndRun('wat', example('trap'));
    expect(trap.stdout).toBe('about to divide 1 by 0...\n');
    expect(trap.exitCode).toBeNull();
    expect(trap.trap?.message).toMatch(/divi.*by zero/);
    expect(trap.trap?.func).toBe('divide');
    const exit = await compileAndRun('wat', example('exit'));
    expect(exit.exitCode).toBe(42);
    expect(exit.trap).toBeUndefined();
  });
});
