import { describe, expect, it } from 'vitest';
import { compileAndRun } from '../../testing';
import { cppMeta } from './meta';

const cpp = (id: string) => cppMeta.examples.find((e) => e.id === id)!.source;

/** main() around `body`, with the headers and helper types the cases share. */
const program = (body: string, before = '') => `#include <cstdio>
#include <exception>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <vector>
struct Noisy {
  const char *name;
  explicit Noisy(const char *n) : name(n) {}
  ~Noisy() { std::printf("~%s\\n", name); }
};
struct Base { virtual ~Base() {} virtual const char *who() const { return "Base"; } };
struct Derived : Base { int v = 7; const char *who() const override { return "Derived"; } };
${before}
int main(int argc, char **argv) {
${body}
  return 0;
}
`;

async function out(body: string, before?: string) {
  const r = await compileAndRun('cpp', program(body, before));
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

// C++ exceptions on WebAssembly exception handling, with our runtime (src/languages/cpp/cxaSupport.cpp).
describe('C++ exceptions (-fwasm-exceptions, our runtime)', { timeout: 180_000 }, () => {
  it('catches a user type, by value and by reference, and destroys it once', async () => {
    expect(
      await out(`
  try { throw Noisy("thrown"); } catch (const Noisy &n) { std::printf("caught %s\\n", n.name); }
  try { throw 3.5; } catch (double d) { std::printf("double %.1f\\n", d); }
  try { throw std::string("text"); } catch (std::string s) { std::printf("string %s\\n", s.c_str()); }`),
    ).toBe('caught thrown\n~thrown\ndouble 3.5\nstring text\n');
  });

  it('catches the standard exceptions, by base class, and those thrown inside libc++', async () => {
    expect(
      await out(`
  try { throw std::runtime_error("boom"); } catch (const std::exception &e) { std::printf("1 %s\\n", e.what()); }
  try { std::vector<int> v(2); (void)v.at(5); } catch (const std::out_of_range &e) { std::printf("2 %s\\n", e.what()); }
  try { (void)std::stoi("abc"); } catch (const std::invalid_argument &e) { std::printf("3 %s\\n", e.what()); }
  try { std::string s("ab"); (void)s.at(9); } catch (const std::logic_error &e) { std::printf("4 %s\\n", e.what()); }
  try { Base *b = new Base(); (void)dynamic_cast<Derived &>(*b); } catch (const std::bad_cast &) { std::printf("5 bad_cast\\n"); }
  try { char *volatile p = new char[0xfffffff0u / argc]; (void)p; } catch (const std::bad_alloc &e) { std::printf("6 %s\\n", e.what()); }
  try { throw Derived(); } catch (const Base &b) { std::printf("7 %s\\n", b.who()); }
  try { throw new Derived(); } catch (Base *b) { std::printf("8 %s\\n", b->who()); delete b; }`),
    ).toBe(
      '1 boom\n2 vector\n3 stoi: no conversion\n4 basic_string\n5 bad_cast\n6 std::bad_alloc\n' +
        '7 Derived\n8 Derived\n',
    );
  });

  it('unwinds several frames, running destructors, into nested handlers and catch (...)', async () => {
    expect(
      await out(
        `
  for (int i = 0; i < 3; i++) {
    try {
      try { level1(i); } catch (const std::logic_error &e) { std::printf("inner %s\\n", e.what()); }
    } catch (int n) { std::printf("outer int %d\\n", n); }
    catch (...) { std::printf("outer ...\\n"); }
  }`,
        `static void level3(int i) {
  Noisy n("level3");
  if (i == 0) throw std::logic_error("logic");
  if (i == 1) throw 42;
  throw Derived();
}
static void level2(int i) { Noisy n("level2"); level3(i); }
static void level1(int i) { auto p = std::make_unique<Noisy>("heap"); level2(i); }`,
      ),
    ).toBe(
      '~level3\n~level2\n~heap\ninner logic\n' +
        '~level3\n~level2\n~heap\nouter int 42\n' +
        '~level3\n~level2\n~heap\nouter ...\n',
    );
  });

  it('rethrows, rethrows an exception_ptr, and nests exceptions', async () => {
    expect(
      await out(`
  try {
    try { throw std::runtime_error("first"); }
    catch (std::exception &e) { std::printf("handling %s\\n", e.what()); throw; }
  } catch (const std::runtime_error &e) { std::printf("rethrown %s\\n", e.what()); }
  std::exception_ptr saved;
  try { throw Noisy("kept"); } catch (...) { saved = std::current_exception(); }
  std::printf("after the handler\\n");
  try { std::rethrow_exception(saved); } catch (const Noisy &n) { std::printf("again %s\\n", n.name); }
  saved = nullptr;
  try { std::rethrow_exception(std::make_exception_ptr(std::length_error("made"))); }
  catch (const std::length_error &e) { std::printf("%s\\n", e.what()); }
  try {
    try { throw std::runtime_error("cause"); }
    catch (...) { std::throw_with_nested(std::logic_error("effect")); }
  } catch (const std::logic_error &e) {
    std::printf("%s", e.what());
    try { std::rethrow_if_nested(e); } catch (const std::runtime_error &c) { std::printf(" <- %s\\n", c.what()); }
  }
  std::printf("uncaught: %d\\n", std::uncaught_exceptions());`),
    ).toBe(
      // The exception_ptr keeps "kept" alive until it is reset.
      'handling first\nrethrown first\nafter the handler\nagain kept\n~kept\n' +
        'made\neffect <- cause\nuncaught: 0\n',
    );
  });

  it('an uncaught exception prints its type and what(), as natively, then traps', async () => {
    const r = await compileAndRun(
      'cpp',
      program(`  Noisy n("main");\n  if (argc > 0) throw std::invalid_argument("bad input");`),
    );
    // Whether the stack unwinds before std::terminate is implementation-defined: WebAssembly
    // has no search phase, so main's destructors have run when the runtime learns no one caught it.
    expect(r.stdout).toBe('~main\n');
    expect(r.stderr).toBe(
      "terminate called after throwing an instance of 'std::invalid_argument'\n  what():  bad input\n",
    );
    expect(r.trap?.message).toMatch(/unreachable/);
    const custom = await compileAndRun('cpp', program('  throw Derived();'));
    expect(custom.stderr).toBe("terminate called after throwing an instance of 'Derived'\n");
    const noexceptThrow = await compileAndRun(
      'cpp',
      program('  f();', 'static void f() noexcept { throw std::runtime_error("in noexcept"); }'),
    );
    expect(noexceptThrow.stderr).toBe(
      "terminate called after throwing an instance of 'std::runtime_error'\n  what():  in noexcept\n",
    );
  });

  it('runs the exceptions example', async () => {
    const r = await compileAndRun('cpp', cpp('exceptions'));
    expect(r.stdout).toContain('sum = 42\n');
    expect(r.stdout).toContain("line 2: not a number: 'five'\n");
    expect(r.stdout).toContain('  leave parseNumber\n  leave sumLines\nline 2');
    expect(r.stdout).toContain('std::exception: vector\n');
    expect(r.stdout).toMatch(/caught 42, rethrowing\ncaught again by catch \(\.\.\.\)\n$/);
    expect(r.exitCode).toBe(0);
  });
});
