import { beforeAll, describe, expect, it } from 'vitest';
import { runProgram, stubAssetFetch } from '../../interpret/testing';

const run = (
  src: string,
  opts: { stdin?: string; args?: string[]; files?: Record<string, string> } = {},
) => runProgram('ruby', { 'main.rb': src, ...opts.files }, { entry: 'main.rb', ...opts });

describe('Ruby on our WASI host (ruby.wasm 3.4)', () => {
  beforeAll(stubAssetFetch);

  it('runs a program: output, ARGV, $0, stdin, exit status', async () => {
    const r = await run(
      'puts "hi #{ARGV.inspect} #{$0}"\nname = $stdin.gets\nputs "hello #{name}"\nexit 3',
      {
        stdin: 'Ann\n',
        args: ['a', 'b'],
      },
    );
    expect(r.stdout).toBe('hi ["a", "b"] main.rb\nhello Ann\n');
    expect(r.result.exitCode).toBe(3);
    expect(r.result.interpreter?.name).toMatch(/^Ruby 3\.4/);
    expect(r.result.interpreter?.wasmBytes).toBeGreaterThan(10_000_000);
  }, 30_000);

  it('reads and writes the project’s files: the changes come back', async () => {
    const r = await run(
      'File.write("out.txt", File.read("data/in.txt").upcase)\nputs Dir.children("data")',
      {
        files: { 'data/in.txt': 'abc' },
      },
    );
    expect(r.stdout).toBe('in.txt\n');
    expect(r.result.changes?.changes).toEqual({ 'out.txt': 'created' });
    expect(new TextDecoder().decode(r.result.changes?.after['out.txt'])).toBe('ABC');
  }, 30_000);

  it('an uncaught exception: Ruby’s report on stderr, status 1, a problem at its line', async () => {
    const r = await run('def f(x)\n  1 / x\nend\nputs "before"\nf(0)\n');
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toContain("/main.rb:2:in 'Integer#/': divided by 0 (ZeroDivisionError)");
    expect(r.stderr).not.toContain('eval:');
    expect(r.result.exitCode).toBe(1);
    expect(r.result.diagnostics).toEqual([
      expect.objectContaining({
        file: 'main.rb',
        line: 2,
        message: expect.stringContaining('divided by 0'),
      }),
    ]);
  }, 30_000);

  it('a syntax error is a problem at its line', async () => {
    const r = await run('puts "a"\nputs(1, \n');
    expect(r.result.exitCode).toBe(1);
    expect(r.stderr).toContain('SyntaxError');
    expect(r.stderr).toMatch(/^\/main\.rb:2: syntax errors? found \(SyntaxError\)\n/);
    expect(r.result.diagnostics?.[0]).toMatchObject({
      file: 'main.rb',
      line: 2,
      message: expect.stringContaining('unexpected end-of-input'),
    });
  }, 30_000);

  it('a recursion bomb and a memory bomb end with Ruby’s errors', async () => {
    const deep = await run('def f = f\nf');
    expect(deep.stderr).toContain('stack level too deep (SystemStackError)');
    const big = await run('x = "a" * 10**10');
    expect(big.result.exitCode).toBe(1);
    expect(big.stderr).toMatch(/RangeError|ArgumentError|NoMemoryError/);
  }, 60_000);
});
