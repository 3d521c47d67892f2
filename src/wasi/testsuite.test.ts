// The three cases of the public WASI test suite (wasi-testsuite, prod/testsuite-base) that
// failed in the browser, as programs of our own doing what those tests check, built by our
// real compilers and run on our host with the suite's settings for each.
import { describe, expect, it } from 'vitest';
import { compile, compileProject, run } from '../testing';
import { parseEnv } from '../wasm/args';

// sock_shutdown-invalid_fd: the suite runs it with no directory, so fd 3 does not exist.
const SHUTDOWN = `#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <sys/socket.h>
int main(void) {
  int r = shutdown(3, SHUT_RD);
  int e = errno;
  printf("%d %d\\n", r, e);
  assert(r != 0 && e == EBADF);
  return 0;
}
`;

// truncation_rights: O_TRUNC through a path is the directory's right, whatever the new fd's.
const TRUNCATION = `#include <assert.h>
#include <stdio.h>
#include <wasi/api.h>
#define DIR 3
static __wasi_fd_t open_(const char *p, __wasi_oflags_t o, __wasi_rights_t base) {
  __wasi_fd_t fd;
  __wasi_errno_t e = __wasi_path_open(DIR, 0, p, o, base, 0, 0, &fd);
  if (e) { printf("open %s: errno %d\\n", p, e); return (__wasi_fd_t)-e; }
  __wasi_fd_close(fd);
  return fd;
}
int main(void) {
  __wasi_fdstat_t st;
  assert(__wasi_fd_fdstat_get(DIR, &st) == 0);
  assert(st.fs_filetype == __WASI_FILETYPE_DIRECTORY);
  assert((st.fs_rights_base & __WASI_RIGHTS_FD_FILESTAT_SET_SIZE) == 0);
  assert(st.fs_rights_base & __WASI_RIGHTS_PATH_FILESTAT_SET_SIZE);
  assert((int)open_("file", __WASI_OFLAGS_CREAT, 0) >= 0);
  /* No rights asked for: an open made to truncate. */
  assert((int)open_("file", __WASI_OFLAGS_TRUNC, 0) >= 0);
  /* Read-only and truncate: EINVAL, as wasmtime answers. */
  assert(open_("file", __WASI_OFLAGS_TRUNC, __WASI_RIGHTS_FD_READ) == (__wasi_fd_t)-__WASI_ERRNO_INVAL);
  assert(__wasi_fd_fdstat_set_rights(DIR, st.fs_rights_base & ~__WASI_RIGHTS_PATH_FILESTAT_SET_SIZE,
                                     st.fs_rights_inheriting) == 0);
  assert(__wasi_fd_fdstat_get(DIR, &st) == 0);
  assert((st.fs_rights_base & __WASI_RIGHTS_PATH_FILESTAT_SET_SIZE) == 0);
  __wasi_fd_t r = open_("file", __WASI_OFLAGS_TRUNC, 0);
  assert(r == (__wasi_fd_t)-__WASI_ERRNO_NOTCAPABLE || r == (__wasi_fd_t)-__WASI_ERRNO_PERM);
  puts("ok");
  return 0;
}
`;

// environ_get-multiple-variables: values with a quote and a line break, read with the raw calls.
const ENVIRON = `import { environ_get, environ_sizes_get } from "bindings/wasi_snapshot_preview1";
const sizes = memory.data(16);
assert(environ_sizes_get(sizes, sizes + 4) == 0);
const count = load<u32>(sizes);
const bytes = load<u32>(sizes, 4);
const ptrs = heap.alloc(count * 4);
const buf = heap.alloc(bytes);
assert(environ_get(ptrs, buf) == 0);
const seen = new Array<string>();
for (let i: u32 = 0; i < count; i++) {
  const p = load<u32>(ptrs + i * 4);
  seen.push(String.UTF8.decodeUnsafe(p, buf + bytes - p, true));
}
console.log(seen.length.toString() + " " + seen.join("|"));
assert(count == 3);
assert(seen.includes("a=text"));
assert(seen.includes('b=escap " ing'));
assert(seen.includes("c=new\\nline"));
`;

describe('wasi-testsuite cases that failed in the browser', { timeout: 180_000 }, () => {
  it('c/sock_shutdown-invalid_fd: EBADF with no directory preopened (ENOTSOCK on one)', async () => {
    const c = await compile('c', SHUTDOWN);
    expect(c.ok, c.log).toBe(true);
    const none = await run(c.wasm!, { preopen: false });
    expect(none.exitCode, none.stdout + none.stderr).toBe(0);
    expect(none.stdout).toBe('-1 8\n');
    // With the project at fd 3, fd 3 is a directory: not a socket.
    const dir = await run(c.wasm!);
    expect(dir.stdout).toBe(`-1 ${57 /* ENOTSOCK */}\n`);
  });

  it('rust/truncation_rights: truncating needs the directory’s right, not the fd’s', async () => {
    const c = await compile('c', TRUNCATION);
    expect(c.ok, c.log).toBe(true);
    const r = await run(c.wasm!, { files: { 'scratch/': new Uint8Array(0) } });
    // The two refusals the program expects, then its end.
    expect(r.stdout + r.stderr).toBe('open file: errno 28\nopen file: errno 76\nok\n');
    expect(r.exitCode).toBe(0);
  });

  it('assemblyscript/environ_get-multiple-variables: env values with quotes and line breaks', async () => {
    const c = await compileProject('assemblyscript', { 'main.ts': ENVIRON }, 'main.ts');
    expect(c.ok, c.log).toBe(true);
    // As a person types them in Run settings (parseEnv), with the line break escaped.
    const env = parseEnv('a=text\nb=escap " ing\nc="new\\nline"');
    const r = await run(c.wasm!, { env });
    expect(r.stdout).toBe('3 a=text|b=escap " ing|c=new\nline\n');
    expect(r.exitCode).toBe(0);
  });
});
