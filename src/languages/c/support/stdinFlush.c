// Linked into every C and C++ program that reads stdin through stdio. wasi-libc (musl) never
// flushes stdout when a program reads stdin, so `printf("name? "); scanf(...)` would wait for the
// answer with its prompt still in the buffer. glibc flushes line-buffered output before such a
// read; so does this wrapper of musl's stdin read (the link passes --wrap=__stdio_read).
#include <stddef.h>
#include <stdio.h>

size_t __real___stdio_read(FILE *f, unsigned char *buf, size_t len);

size_t __wrap___stdio_read(FILE *f, unsigned char *buf, size_t len) {
  if (f == stdin) fflush(stdout);
  return __real___stdio_read(f, buf, len);
}
