#include "common.h"
// Descriptors: bad fds, renumber, prestat, stat of open files, times, closing the preopen.
int main(void) {
  __wasi_prestat_t ps;
  char name[16];
  T(__wasi_fd_prestat_get(ROOT, &ps));
  printf("prestat tag %d len %u\n", ps.tag, (unsigned)ps.u.dir.pr_name_len);
  T(__wasi_fd_prestat_dir_name(ROOT, (uint8_t *)name, sizeof name));
  printf("preopen '%.*s'\n", (int)ps.u.dir.pr_name_len, name);
  T(__wasi_fd_prestat_get(4, &ps));
  T(__wasi_fd_prestat_get(99, &ps));
  __wasi_fdstat_t st;
  T(__wasi_fd_fdstat_get(99, &st));
  T(__wasi_fd_close(99));
  T(__wasi_fd_close(4));
  T(open_("a.txt", __WASI_OFLAGS_CREAT, ALL, 0));
  __wasi_fd_t a = fd_;
  printf("first free fd: %u\n", (unsigned)a);
  T(open_("b.txt", __WASI_OFLAGS_CREAT, ALL, 0));
  __wasi_fd_t b = fd_;
  T(write_(a, "A"));
  T(__wasi_fd_renumber(a, b));
  T(write_(b, "A2"));
  T(write_(a, "gone"));
  T(__wasi_fd_renumber(a, b));
  T(__wasi_fd_renumber(b, 77));
  printf("a.txt %ld b.txt %ld\n", size_of("a.txt"), size_of("b.txt"));
  T(__wasi_fd_fdstat_get(b, &st));
  printf("file fdstat type %d\n", st.fs_filetype);
  T(__wasi_fd_fdstat_get(ROOT, &st));
  printf("dir fdstat type %d\n", st.fs_filetype);
  __wasi_filestat_t fs;
  T(__wasi_fd_filestat_get(b, &fs));
  printf("filestat type %d size %llu nlink %llu\n", fs.filetype, (unsigned long long)fs.size, (unsigned long long)fs.nlink);
  // Times: set explicitly, read back; *_NOW moves them; both at once is EINVAL.
  T(__wasi_fd_filestat_set_times(b, 1000000000ULL, 2000000000ULL, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM));
  T(__wasi_fd_filestat_get(b, &fs));
  printf("atim %llu mtim %llu\n", (unsigned long long)fs.atim, (unsigned long long)fs.mtim);
  T(__wasi_path_filestat_set_times(ROOT, 0, "a.txt", 5000000000ULL, 0, __WASI_FSTFLAGS_ATIM));
  T(__wasi_path_filestat_get(ROOT, 0, "a.txt", &fs));
  printf("a.txt atim %llu\n", (unsigned long long)fs.atim);
  T(__wasi_fd_filestat_set_times(b, 1, 1, __WASI_FSTFLAGS_MTIM | __WASI_FSTFLAGS_MTIM_NOW));
  T(__wasi_fd_filestat_set_times(b, 0, 0, __WASI_FSTFLAGS_MTIM_NOW));
  T(__wasi_fd_filestat_get(b, &fs));
  printf("mtim moved to now: %d\n", fs.mtim > 1600000000000000000ULL);
  T(__wasi_path_filestat_set_times(ROOT, 0, "missing", 0, 0, __WASI_FSTFLAGS_MTIM_NOW));
  T(__wasi_fd_close(b));
  T(__wasi_fd_close(b));
  T(__wasi_fd_close(ROOT));
  T(open_("a.txt", 0, RO, 0));
  T(__wasi_fd_prestat_get(ROOT, &ps));
  return 0;
}
