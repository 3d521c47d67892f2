// Helpers for the WASI conformance programs: each line printed is compared between our host and
// Node's node:wasi on a real directory. T(call) prints the call and the errno it returned.
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

#define ROOT 3
#define T(call) printf("%-60s -> %d\n", #call, (int)(call))
// As wasi-libc does: ask for what the preopen may hand on (its inheriting rights).
static __wasi_rights_t all_rights(void) {
  __wasi_fdstat_t st;
  __wasi_fd_fdstat_get(ROOT, &st);
  return st.fs_rights_inheriting;
}
#define ALL all_rights()
static const __wasi_rights_t RO = __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_TELL | __WASI_RIGHTS_FD_FILESTAT_GET | __WASI_RIGHTS_FD_READDIR;
static __wasi_fd_t fd_;

static __wasi_errno_t open_(const char *p, __wasi_oflags_t o, __wasi_rights_t r, __wasi_fdflags_t f) {
  fd_ = (__wasi_fd_t)-1;
  return __wasi_path_open(ROOT, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, p, o, r, ALL, f, &fd_);
}
static __wasi_errno_t open_nofollow(const char *p, __wasi_oflags_t o) {
  fd_ = (__wasi_fd_t)-1;
  return __wasi_path_open(ROOT, 0, p, o, ALL, ALL, 0, &fd_);
}
static __wasi_errno_t write_(__wasi_fd_t fd, const char *s) {
  __wasi_ciovec_t iov = {(const uint8_t *)s, strlen(s)};
  __wasi_size_t n;
  return __wasi_fd_write(fd, &iov, 1, &n);
}
static long read_all(__wasi_fd_t fd, char *buf, size_t cap) {
  __wasi_iovec_t iov = {(uint8_t *)buf, cap - 1};
  __wasi_size_t n = 0;
  __wasi_errno_t e = __wasi_fd_read(fd, &iov, 1, &n);
  buf[e ? 0 : n] = 0;
  return e ? -(long)e : (long)n;
}
static long size_of(const char *p) {
  __wasi_filestat_t st;
  __wasi_errno_t e = __wasi_path_filestat_get(ROOT, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, p, &st);
  return e ? -(long)e : (long)st.size;
}
static int type_of(const char *p, int follow) {
  __wasi_filestat_t st;
  __wasi_errno_t e = __wasi_path_filestat_get(ROOT, follow ? __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW : 0, p, &st);
  return e ? -(int)e : st.filetype;
}
