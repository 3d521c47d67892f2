// A read-only tree (a Spin component's mounted files): reads work; every call that would change
// the tree answers EPERM, as wasmtime's read-only preopens do, and the tree is left as it was.
import { describe, expect, it } from 'vitest';
import { compileProject, runOnHost } from '../testing';
import { WasiHost } from './host';
import { Budget, buildTree, readTree } from './memfs';
import { StdinStream } from './stdin';

const PROGRAM = `#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
static void say(const char *what, int ok) { printf("%s: %s\\n", what, ok ? "ok" : strerror(errno)); }
int main(void) {
  char buf[16] = {0};
  FILE *f = fopen("/site/a.txt", "r");
  say("read", f && fread(buf, 1, sizeof buf - 1, f) > 0);
  if (f) fclose(f);
  printf("content: %s\\n", buf);
  say("open for writing", fopen("/site/a.txt", "r+") != NULL);
  say("create", fopen("/site/new.txt", "w") != NULL);
  say("truncate", open("/site/a.txt", O_RDONLY | O_TRUNC) >= 0);
  say("mkdir", mkdir("/site/d", 0755) == 0);
  say("unlink", unlink("/site/a.txt") == 0);
  say("rename", rename("/site/a.txt", "/site/b.txt") == 0);
  say("symlink", symlink("a.txt", "/site/l") == 0);
  return 0;
}
`;

describe('a read-only tree', () => {
  it('reads; creating, writing, truncating, mkdir, unlink, rename and symlink are EPERM', async () => {
    const r = await compileProject('c', { 'main.c': PROGRAM }, 'main.c', '-O1');
    expect(r.ok).toBe(true);
    const budget = new Budget();
    const root = buildTree({ 'site/a.txt': new TextEncoder().encode('hello') }, budget);
    let out = '';
    const host = new WasiHost({
      args: ['main.wasm'],
      env: [],
      stdin: new StdinStream(new Uint8Array(0), false),
      stdout: (b) => (out += new TextDecoder().decode(b)),
      stderr: () => {},
      root,
      budget,
      readOnly: true,
    });
    expect(runOnHost(r.wasm!, host)).toBe(0);
    expect(out).toBe(
      [
        'read: ok',
        'content: hello',
        ...['open for writing', 'create', 'truncate', 'mkdir', 'unlink', 'rename', 'symlink'].map(
          (w) => `${w}: Operation not permitted`,
        ),
        '',
      ].join('\n'),
    );
    expect(Object.keys(readTree(root))).toEqual(['site/a.txt']);
  }, 120_000);
});
