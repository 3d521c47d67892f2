import { describe, expect, it } from 'vitest';
import { compile, compileAndRun, compileProject, run } from '../../testing';

const dec = new TextDecoder();

// What ordinary C needs beyond wasi-libc's defaults, on by default (src/languages/c/support.ts).
describe('C defaults: setjmp, signals, clocks and the libc gaps', { timeout: 180_000 }, () => {
  it('setjmp/longjmp across frames, signal/raise, clock, getpid and mmap build as they are', async () => {
    const r = await compileAndRun(
      'c',
      `#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
static jmp_buf on_error;
static volatile sig_atomic_t got;
static void handler(int sig) { got = sig; }
static int depth(int n, int fail_at) {
  if (n == fail_at) longjmp(on_error, n);
  return n > 10 ? n : depth(n + 1, fail_at);
}
int main(void) {
  for (int fail_at = 3; fail_at <= 20; fail_at += 17) {
    int code = setjmp(on_error);
    if (code == 0) printf("ran to %d\\n", depth(0, fail_at));
    else printf("longjmp from depth %d\\n", code);
  }
  signal(SIGUSR1, handler);
  raise(SIGUSR1);
  printf("signal %d handled\\n", (int)got);
  clock_t c = clock();
  printf("clock %s\\n", c >= 0 ? "ok" : "failed");
  printf("pid %s\\n", getpid() > 0 ? "ok" : "failed");
  char *p = mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  p[65535] = 'x';
  printf("mmap %c\\n", p[65535]);
  return munmap(p, 65536);
}
`,
    );
    expect(r.stdout).toBe(
      'longjmp from depth 3\nran to 11\nsignal 10 handled\nclock ok\npid ok\nmmap x\n',
    );
    expect(r.exitCode).toBe(0);
  });

  it('tmpfile is a real file in the sandbox that leaves no trace; tmpnam names one in /tmp', async () => {
    const r = await compileAndRun(
      'c',
      `#include <stdio.h>
#include <string.h>
int main(void) {
  FILE *t = tmpfile();
  if (!t) { perror("tmpfile"); return 1; }
  fputs("scratch data\\n", t);
  rewind(t);
  char line[64];
  fgets(line, sizeof line, t);
  printf("read back: %s", line);
  fclose(t);
  char name[L_tmpnam];
  if (!tmpnam(name)) return 2;
  printf("name under /tmp: %d, L_tmpnam %d, TMP_MAX %d\\n", strncmp(name, "/tmp/", 5) == 0, L_tmpnam, TMP_MAX);
  FILE *f = fopen(name, "w");
  fputs("kept\\n", f);
  fclose(f);
  printf("second name differs: %d\\n", strcmp(tmpnam(NULL), name) != 0);
  return 0;
}
`,
      { files: {} },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'read back: scratch data\nname under /tmp: 1, L_tmpnam 20, TMP_MAX 10000\nsecond name differs: 1\n',
    );
    // The tmpfile was unlinked at once; the file the program made under the tmpnam name stays.
    const written = Object.entries(r.files ?? {}).map(([p, b]) => [p, dec.decode(b)]);
    expect(written).toEqual([[expect.stringMatching(/^tmp\/tmp\d{6}$/), 'kept\n']]);
  });

  it('system and popen fail as on a system without a shell; system(NULL) says so', async () => {
    const r = await compileAndRun(
      'c',
      `#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
  printf("system(NULL) = %d\\n", system(NULL));
  errno = 0;
  int rc = system("ls -l");
  printf("system = %d, %s\\n", rc, strerror(errno));
  errno = 0;
  FILE *p = popen("date", "r");
  printf("popen = %s, %s\\n", p ? "a stream" : "NULL", strerror(errno));
  return 0;
}
`,
    );
    expect(r.stdout).toBe(
      'system(NULL) = 0\nsystem = -1, Function not implemented\npopen = NULL, Function not implemented\n',
    );
  });

  it('costs a program that uses none of it nothing: hello world links no emulation', async () => {
    const hello = await compile(
      'c',
      '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n',
    );
    expect(hello.ok).toBe(true);
    const names = new TextDecoder('latin1').decode(hello.wasm!);
    expect(names).toContain('puts'); // the name section is there to look in
    for (const symbol of ['__wasm_longjmp', 'tmpfile', '__SIG_IGN', 'system'])
      expect(names).not.toContain(symbol);
    expect((await run(hello.wasm!)).stdout).toBe('hi\n');
  });
});

describe('C diagnostics from system headers', { timeout: 180_000 }, () => {
  it("puts a system header's #error on the project line that included it", async () => {
    const files = {
      'main.c': '#include <stdio.h>\n#include "util.h"\nint main(void) { return f(); }\n',
      'util.h': '#include <signal.h>\nint f(void);\n',
      'util.c':
        '#include "util.h"\nstatic volatile sig_atomic_t flag;\nint f(void) { return flag; }\n',
      'other.c': '#include "util.h"\nsig_atomic_t other;\n',
    };
    // Undoing a default brings back wasi-libc's own message, which names the fix.
    const r = await compileProject('c', files, 'main.c', '-O2', '-U_WASI_EMULATED_SIGNAL');
    expect(r.ok).toBe(false);
    const fromHeader = r.diagnostics.filter((d) => d.message.startsWith('in signal.h: '));
    expect(fromHeader.map((d) => [d.file, d.line, d.severity])).toEqual([['util.h', 1, 'error']]);
    expect(fromHeader[0].message).toMatch(/compile with -D_WASI_EMULATED_SIGNAL/);
    // The consequence in every unit is one message, reported per file (Problems groups them).
    const unknown = r.diagnostics.filter((d) => /unknown type name 'sig_atomic_t'/.test(d.message));
    expect(unknown.map((d) => d.file)).toEqual(['other.c', 'util.c']);
  });

  it('shows a deprecation that names a flag where the program uses it', async () => {
    const r = await compile(
      'c',
      '#include <time.h>\nint main(void) {\n  return clock() < 0;\n}\n',
      '-O2',
      '-U_WASI_EMULATED_PROCESS_CLOCKS',
    );
    const w = r.diagnostics.find((d) => d.severity === 'warning')!;
    expect(w).toMatchObject({ file: 'main.c', line: 3 });
    expect(w.message).toMatch(/-D_WASI_EMULATED_PROCESS_CLOCKS/);
  });
});
