import { describe, expect, it } from 'vitest';
import { compileProject, run } from '../../testing';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);

const TEN: Record<string, string> = { 'main.c': '' };
for (let i = 0; i < 10; i++) {
  TEN[`lib/f${i}.c`] = `#include "lib.h"\nint f${i}(int x) { return x + ${i}; }\n`;
}
TEN['lib/lib.h'] = Array.from({ length: 10 }, (_, i) => `int f${i}(int x);`).join('\n') + '\n';
TEN['main.c'] =
  '#include <stdio.h>\n#include "lib/lib.h"\nint main(void) {\n  int s = 0;\n' +
  Array.from({ length: 10 }, (_, i) => `  s += f${i}(1);\n`).join('') +
  '  printf("sum %d\\n", s);\n  return 0;\n}\n';

describe('C projects: many files, incremental builds, the sandbox', { timeout: 240_000 }, () => {
  it('compiles every .c file, finds headers in folders, and links them', async () => {
    const r = await compileProject('c', TEN, 'main.c');
    expect(r.log).toBe('');
    expect(r.ok).toBe(true);
    expect(r.units).toMatchObject({ compiled: 11, total: 11 });
    expect((await run(r.wasm!)).stdout).toBe('sum 55\n');
  });

  it('an error in a header two files include is one problem, not one per file', async () => {
    const r = await compileProject(
      'c',
      {
        'main.c': '#include "bad.h"\nint main(void) { return f(); }\n',
        'other.c': '#include "bad.h"\nint g(void) { return f(); }\n',
        'bad.h': 'static int f(void) { return undefined_name; }\n',
      },
      'main.c',
    );
    expect(r.ok).toBe(false);
    const inHeader = r.diagnostics.filter((d) => d.file === 'bad.h' && d.severity === 'error');
    expect(inHeader).toHaveLength(1);
    expect(inHeader[0]).toMatchObject({
      line: 1,
      message: expect.stringContaining('undefined_name'),
    });
    // Both units did report it: the log has it twice.
    expect(r.log.match(/undefined_name/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('recompiles only the file that changed, and the files including a changed header', async () => {
    await compileProject('c', TEN, 'main.c');
    const one: Record<string, string> = {
      ...TEN,
      'lib/f3.c': TEN['lib/f3.c'].replace('+ 3', '+ 103'),
    };
    const r = await compileProject('c', one, 'main.c');
    expect(r.units).toMatchObject({ compiled: 1, total: 11 });
    expect((await run(r.wasm!)).stdout).toBe('sum 155\n');
    const header = { ...one, 'lib/lib.h': one['lib/lib.h'] + '/* touched */\n' };
    const h = await compileProject('c', header, 'main.c');
    expect(h.units).toMatchObject({ compiled: 11, total: 11 });
    // Options are part of what an object was built from.
    const o3 = await compileProject('c', header, 'main.c', '-O3');
    expect(o3.units).toMatchObject({ compiled: 11 });
  });

  it('names the file of an error in a header, and the user of an undefined symbol', async () => {
    const bad = await compileProject(
      'c',
      {
        'main.c': '#include "util.h"\nint main(void) { return twice(2); }\n',
        'util.h': 'int twice(int x) { return x * 2 }\n',
      },
      'main.c',
    );
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics.find((d) => d.severity === 'error')).toMatchObject({
      file: 'util.h',
      line: 1,
    });

    const link = await compileProject(
      'c',
      {
        'main.c': 'void g(void);\nint main(void) {\n  g();\n  return 0;\n}\n',
        'src/use.c': 'void missing(void);\nvoid g(void) {\n  missing();\n}\n',
      },
      'main.c',
    );
    expect(link.ok).toBe(false);
    expect(link.diagnostics[0]).toMatchObject({
      file: 'src/use.c',
      line: 3,
      message: expect.stringMatching(/undefined symbol: missing/),
    });
  });

  it('runs in its project folder: reads files by relative and absolute path, writes results back', async () => {
    const src = `#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
int main(void) {
  char a[64] = {0}, b[64] = {0};
  FILE *f = fopen("data.txt", "r"); fgets(a, sizeof a, f); fclose(f);
  f = fopen("/data/in.csv", "r"); fgets(b, sizeof b, f); fclose(f);
  printf("%s|%s", a, b);
  mkdir("out", 0755);
  f = fopen("out/result.txt", "w"); fprintf(f, "%zu\\n", strlen(a) + strlen(b)); fclose(f);
  f = fopen("data.txt", "a"); fputs("more\\n", f); fclose(f);
  remove("gone.txt");
  return 0;
}
`;
    const r = await compileProject('c', { 'main.c': src }, 'main.c');
    expect(r.ok).toBe(true);
    const out = await run(r.wasm!, {
      files: {
        'main.c': enc(src),
        'data.txt': enc('hello\n'),
        'data/in.csv': enc('a,b\n'),
        'gone.txt': enc('x'),
        'empty/': new Uint8Array(0),
      },
    });
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toBe('hello\n|a,b\n');
    expect(dec(out.files!['out/result.txt'])).toBe('10\n');
    expect(dec(out.files!['data.txt'])).toBe('hello\nmore\n');
    expect(out.files!['gone.txt']).toBeUndefined();
    expect(out.files!['empty/']).toEqual(new Uint8Array(0));
  });

  it('appends in amortised time and stops at the sandbox limit with ENOSPC', async () => {
    const src = `#include <stdio.h>
#include <errno.h>
#include <string.h>
static char block[65536];
int main(void) {
  FILE *f = fopen("big.bin", "wb");
  long n = 0;
  for (int i = 0; i < 5000; i++) {
    if (fwrite(block, 1, sizeof block, f) != sizeof block) { printf("failed after %ld MiB: %s\\n", n >> 20, strerror(errno)); break; }
    n += sizeof block;
  }
  fclose(f);
  return 0;
}
`;
    const r = await compileProject('c', { 'main.c': src }, 'main.c');
    const t0 = performance.now();
    const out = await run(r.wasm!, { files: {} });
    const ms = performance.now() - t0;
    expect(out.stdout).toMatch(/^failed after 25[56] MiB: No space left on device/);
    expect(out.sandboxFull).toBe(true);
    // 256 MiB by 64 KiB appends: a copy per write would take minutes.
    expect(ms).toBeLessThan(20_000);
  });

  it('socket calls return an errno instead of throwing', async () => {
    const src = `#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
int main(void) {
  char buf[4];
  ssize_t r = recv(1, buf, 4, 0);
  printf("recv on stdout: %zd %s\\n", r, strerror(errno));
  r = send(42, buf, 4, 0);
  printf("send on a closed fd: %zd %s\\n", r, strerror(errno));
  return 0;
}
`;
    const r = await compileProject('c', { 'main.c': src }, 'main.c');
    expect(r.log).toBe('');
    const out = await run(r.wasm!);
    expect(out.trap).toBeUndefined();
    expect(out.stdout).toBe(
      'recv on stdout: -1 Not a socket\nsend on a closed fd: -1 Bad file descriptor\n',
    );
  });
});
