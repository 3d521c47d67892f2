// Benchmark rows of the sandbox filesystem and of multi-file C builds (issue #8): each program's
// own clock measures the work inside the run; the incremental build is Run → output in the UI.
import { deflateRawSync } from 'node:zlib';
import { openApp, runOnce, sel, setSource } from './browser.mjs';
import { sideBySide, sample, summarize } from './stats.mjs';

const FS_THROUGHPUT_C = `#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
static char block[65536];
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
int main(void) {
  const int n = 1024; /* 64 MiB */
  for (int i = 0; i < (int)sizeof block; i++) block[i] = (char)i;
  int fd = open("big.bin", O_CREAT | O_WRONLY | O_TRUNC, 0644);
  double t0 = now();
  for (int i = 0; i < n; i++) if (write(fd, block, sizeof block) != sizeof block) return 1;
  double t1 = now();
  close(fd);
  fd = open("big.bin", O_RDONLY);
  double t2 = now();
  long total = 0;
  for (;;) { ssize_t r = read(fd, block, sizeof block); if (r <= 0) break; total += r; }
  double t3 = now();
  close(fd);
  unlink("big.bin");
  printf("write %.1f MB/s\\nread %.1f MB/s\\nbytes %ld\\n", n * 65536 / 1e6 / (t1 - t0), total / 1e6 / (t3 - t2), total);
  return 0;
}
`;

const FS_MANY_C = `#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
int main(void) {
  char name[32];
  struct stat st;
  mkdir("many", 0755);
  double t0 = now();
  for (int i = 0; i < 10000; i++) { snprintf(name, sizeof name, "many/f%05d", i); int fd = open(name, O_CREAT | O_WRONLY, 0644); write(fd, "x", 1); close(fd); }
  for (int i = 0; i < 10000; i++) { snprintf(name, sizeof name, "many/f%05d", i); if (stat(name, &st) || st.st_size != 1) return 1; }
  for (int i = 0; i < 10000; i++) { snprintf(name, sizeof name, "many/f%05d", i); if (unlink(name)) return 2; }
  double t1 = now();
  rmdir("many");
  printf("10000 files: %.1f ms\\n", (t1 - t0) * 1e3);
  return 0;
}
`;

/** A ten-file C project: main.c calls f0…f9, each in lib/fN.c, declared in lib/lib.h. */
function tenFiles() {
  const files = { 'lib/lib.h': '' };
  for (let i = 0; i < 10; i++) {
    files['lib/lib.h'] += `long f${i}(long x);\n`;
    files[`lib/f${i}.c`] =
      `#include "lib.h"\n#include <string.h>\n#include <stdio.h>\nlong f${i}(long x) {\n  char buf[64];\n  snprintf(buf, sizeof buf, "%ld", x * ${i + 1});\n  return (long)strlen(buf) + x;\n}\n`;
  }
  files['main.c'] =
    '#include <stdio.h>\n#include "lib/lib.h"\nint main(void) {\n  long s = 0;\n' +
    Array.from({ length: 10 }, (_, i) => `  s += f${i}(${i});\n`).join('') +
    '  printf("sum %ld\\n", s);\n  return 0;\n}\n';
  return files;
}

/** A v2 share fragment (the app's format: base64url of raw-deflated JSON). */
function v2Link(files, entry) {
  const json = JSON.stringify({
    language: 'c',
    files,
    entry,
    stdin: '',
    args: '',
    env: '',
    timeLimit: 30,
    compileOptions: { optLevel: '-O2', flags: '' },
  });
  return 'v2.' + deflateRawSync(Buffer.from(json), { level: 9 }).toString('base64url');
}

const outputLines = (page) =>
  page.$$eval(sel('output-line'), (ls) => ls.map((l) => l.textContent ?? ''));

/** Runs `source` as a C project `n` times (after a warm-up) and parses numbers from its output. */
async function runProgram(browser, base, source, parse, n) {
  const page = await browser.newPage();
  await openApp(page, base);
  await page.selectOption(sel('language-select'), 'c');
  await setSource(page, source);
  const xs = await sample(
    async () => {
      const t = await runOnce(page);
      if (!/exit code 0/.test(t.exit)) throw new Error(`run failed: ${t.exit}`);
      return parse((await outputLines(page)).join('\n'));
    },
    { warmup: 1, n },
  );
  await page.close();
  return xs;
}

/** Adds the fs-throughput, fs-many and c-incremental rows. */
export async function fsRows({ browser, base, n, row, want }) {
  if (want('fs-throughput')) {
    console.log('fs-throughput…');
    const xs = await runProgram(
      browser,
      base,
      FS_THROUGHPUT_C,
      (out) => ({
        write: Number(/write ([\d.]+)/.exec(out)[1]),
        read: Number(/read ([\d.]+)/.exec(out)[1]),
      }),
      n,
    );
    for (const dir of ['write', 'read'])
      row(
        `fs-throughput-${dir}`,
        `a C program ${dir === 'write' ? 'writes' : 'reads back'} 64 MiB in 64 KiB blocks (its own clock)`,
        xs.map((x) => x[dir]),
        'MB/s',
        '≥ 300 MB/s',
        (m) => m >= 300,
      );
  }
  if (want('fs-many')) {
    console.log('fs-many…');
    const xs = await runProgram(
      browser,
      base,
      FS_MANY_C,
      (out) => Number(/: ([\d.]+) ms/.exec(out)[1]),
      n,
    );
    row(
      'fs-many',
      'create, stat and unlink 10,000 files (the program’s own clock)',
      xs,
      'ms',
      '≤ 1000 ms',
      (m) => m <= 1000,
    );
  }
  if (want('c-incremental')) {
    console.log('c-incremental…');
    const ten = await browser.newPage();
    await openApp(ten, base, `/#${v2Link(tenFiles(), 'main.c')}`);
    await runOnce(ten); // builds all ten files once
    const one = await browser.newPage();
    // The same unit as a whole program of its own: one file, compiled and linked.
    const alone =
      tenFiles()['lib/f3.c'].replace('#include "lib.h"\n', '') +
      'int main(void) { return f3(1) > 0 ? 0 : 1; }\n';
    await openApp(one, base, `/#${v2Link({ 'main.c': alone }, 'main.c')}`);
    await runOnce(one);
    // Edit one file, then Run: in the ten-file project only that file is recompiled, then linked.
    const edit = async (page, path) => {
      await page.click(`${sel('file-entry')}[data-path="${path}"]`);
      await page.click(sel('editor'));
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type('// edit\n');
      const t = await runOnce(page);
      if (!/exit code 0/.test(t.exit) || !t.total) throw new Error(`${path}: ${t.exit}`);
      return t.total;
    };
    const [tens, ones] = await sideBySide(
      () => edit(ten, 'lib/f3.c'),
      () => edit(one, 'main.c'),
      { warmup: 1, n },
    );
    const a = summarize(tens).median;
    const b = summarize(ones).median;
    row(
      'c-incremental',
      'edit one of ten .c files: Run → output ÷ the same for a one-file project',
      tens,
      'ms',
      '≤ 1.3',
      () => a / b <= 1.3,
      { reference: b, ratio: a / b },
    );
    await ten.close();
    await one.close();
  }
}
