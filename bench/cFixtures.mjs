// Programs for the C/C++ rows of issue #28: SQLite (unmodified, from better-sqlite3's deps/),
// a many-unit project, and the throw/catch loop.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fixture } from './fixtures.mjs';

const require = createRequire(import.meta.url);
const sqliteDir = join(dirname(require.resolve('better-sqlite3/package.json')), 'deps', 'sqlite3');

export const SQLITE_FLAGS = '-DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION';
export const sqliteProject = () => ({
  'main.c': fixture('../src/languages/c/fixtures/sqlite_main.c'),
  'sqlite3.c': fixture(join(sqliteDir, 'sqlite3.c')),
  'sqlite3.h': fixture(join(sqliteDir, 'sqlite3.h')),
});

/**
 * Eight units of the same weight (≈ 1 s of clang each at -O2 here: 120 small numeric and string
 * functions), and a main that calls one function of each: a project whose build can spread.
 */
export function manyUnitProject(units = 8, fns = 120) {
  const files = { 'main.c': '#include <stdio.h>\n' };
  let main = 'int main(void) {\n  long total = 0;\n';
  for (let u = 0; u < units; u++) {
    let c = '#include <math.h>\n#include <stdlib.h>\n#include <string.h>\n';
    for (let f = 0; f < fns; f++) {
      c += `long u${u}_f${f}(const char *s, int n) {
  long acc = ${f};
  double x = ${u + 1}.5;
  for (int i = 0; i < n; i++) {
    acc = acc * 31 + (s[i % (int)strlen(s)] ^ ${f % 7});
    x = sqrt(x * x + i) / (1.0 + (acc & 7));
    if ((acc & ${(f % 5) + 1}) == 0) acc += (long)(x * ${f + 3});
  }
  return acc ^ (long)x;
}
`;
    }
    files[`unit${u}.c`] = c;
    files['main.c'] += `long u${u}_f0(const char *s, int n);\n`;
    main += `  total += u${u}_f0("playground", 100);\n`;
  }
  files['main.c'] += `${main}  printf("%ld\\n", total);\n  return 0;\n}\n`;
  return files;
}

/** A throw caught 100,000 times three frames up, and the same loop returning an error code. */
export const THROW_CATCH = `#include <cstdio>
#include <ctime>
#include <stdexcept>

static double now() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}
[[gnu::noinline]] static int level3(int i) {
  if (i >= 0) throw std::runtime_error("failed");
  return i;
}
[[gnu::noinline]] static int level2(int i) { return level3(i) + 1; }
[[gnu::noinline]] static int level1(int i) { return level2(i) + 1; }
[[gnu::noinline]] static int code3(int i, int *err) {
  if (i >= 0) { *err = 1; return 0; }
  return i;
}
[[gnu::noinline]] static int code2(int i, int *err) { int r = code3(i, err); return *err ? 0 : r + 1; }
[[gnu::noinline]] static int code1(int i, int *err) { int r = code2(i, err); return *err ? 0 : r + 1; }

int main() {
  const int N = 100000;
  int caught = 0, failed = 0;
  double t0 = now();
  for (int i = 0; i < N; i++) {
    try { level1(i); } catch (const std::runtime_error &) { caught++; }
  }
  double t1 = now();
  for (int i = 0; i < N; i++) {
    int err = 0;
    code1(i, &err);
    if (err) failed++;
  }
  double t2 = now();
  std::printf("throw-catch %.1f ns, error-code %.1f ns, %d %d\\n", (t1 - t0) / N, (t2 - t1) / N, caught, failed);
}
`;
