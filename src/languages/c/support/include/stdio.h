/* The playground's <stdio.h>: wasi-libc's own, plus what the playground's support objects define
 * (wasi-libc declares tmpnam and tmpfile as deprecated and defines neither; it has no popen). */
#define tmpnam __wasi_libc_undefined_tmpnam
#define tmpfile __wasi_libc_undefined_tmpfile
#include_next <stdio.h>
#undef tmpnam
#undef tmpfile

#ifndef __WASM_PLAYGROUND_STDIO_H
#define __WASM_PLAYGROUND_STDIO_H
#ifdef __cplusplus
extern "C" {
#endif
/* A name under /tmp in the sandbox that no file has yet. */
char *tmpnam(char *);
/* A real file in the sandbox, already unlinked: it goes away when closed. */
FILE *tmpfile(void);
#if defined(_POSIX_SOURCE) || defined(_POSIX_C_SOURCE) || defined(_XOPEN_SOURCE) || \
    defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
/* There is no shell in WASI: popen fails with ENOSYS, as system() does. */
FILE *popen(const char *, const char *);
int pclose(FILE *);
#endif
#ifdef __cplusplus
}
#endif
#ifndef L_tmpnam
#define L_tmpnam 20
#endif
#ifndef TMP_MAX
#define TMP_MAX 10000
#endif
#if !defined(P_tmpdir) && (defined(_XOPEN_SOURCE) || defined(_GNU_SOURCE) || defined(_BSD_SOURCE))
#define P_tmpdir "/tmp"
#endif
#endif
