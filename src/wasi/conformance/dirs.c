#include "common.h"
#include <stdlib.h>
// mkdir, rmdir, unlink, rename, readdir with cookies and small buffers.
static int cmp(const void *a, const void *b) { return strcmp(*(char **)a, *(char **)b); }
static void list(const char *dir) {
  __wasi_fd_t d;
  if (__wasi_path_open(ROOT, 0, dir, __WASI_OFLAGS_DIRECTORY, RO, ALL, 0, &d)) { printf("list %s: cannot open\n", dir); return; }
  char *names[64]; int n = 0;
  uint8_t buf[4096]; __wasi_size_t used;
  __wasi_dircookie_t cookie = 0;
  for (;;) {
    if (__wasi_fd_readdir(d, buf, sizeof buf, cookie, &used)) break;
    size_t off = 0;
    while (off + sizeof(__wasi_dirent_t) <= used) {
      __wasi_dirent_t *e = (__wasi_dirent_t *)(buf + off);
      if (off + sizeof *e + e->d_namlen > used) break;
      char *s = malloc(e->d_namlen + 8);
      memcpy(s, buf + off + sizeof *e, e->d_namlen);
      sprintf(s + e->d_namlen, ":%d", e->d_type);
      names[n++] = s;
      cookie = e->d_next;
      off += sizeof *e + e->d_namlen;
    }
    if (used < sizeof buf) break;
  }
  qsort(names, n, sizeof *names, cmp);
  printf("list %s:", dir);
  for (int i = 0; i < n; i++) printf(" %s", names[i]);
  printf("\n");
  __wasi_fd_close(d);
}
int main(void) {
  T(__wasi_path_create_directory(ROOT, "a"));
  T(__wasi_path_create_directory(ROOT, "a"));
  T(__wasi_path_create_directory(ROOT, "a/b/c"));
  T(__wasi_path_create_directory(ROOT, "a/b"));
  T(__wasi_path_create_directory(ROOT, "a/b/"));
  T(open_("a/b/f.txt", __WASI_OFLAGS_CREAT, ALL, 0));
  T(write_(fd_, "in b"));
  T(__wasi_fd_close(fd_));
  T(__wasi_path_remove_directory(ROOT, "a"));
  T(__wasi_path_remove_directory(ROOT, "a/b/f.txt"));
  T(__wasi_path_remove_directory(ROOT, "missing"));
  T(__wasi_path_unlink_file(ROOT, "a"));
  T(__wasi_path_unlink_file(ROOT, "a/b/f.txt/"));
  T(__wasi_path_unlink_file(ROOT, "nope"));
  list("a/b");
  // rename: file over file, into a folder, folder over an empty folder, over a non-empty one.
  T(open_("x.txt", __WASI_OFLAGS_CREAT, ALL, 0)); write_(fd_, "x"); __wasi_fd_close(fd_);
  T(open_("y.txt", __WASI_OFLAGS_CREAT, ALL, 0)); write_(fd_, "yy"); __wasi_fd_close(fd_);
  T(__wasi_path_rename(ROOT, "x.txt", ROOT, "y.txt"));
  printf("y.txt size %ld, x.txt %ld\n", size_of("y.txt"), size_of("x.txt"));
  T(__wasi_path_rename(ROOT, "y.txt", ROOT, "a/b/moved.txt"));
  T(__wasi_path_create_directory(ROOT, "empty"));
  T(__wasi_path_create_directory(ROOT, "full"));
  T(open_("full/k", __WASI_OFLAGS_CREAT, ALL, 0)); __wasi_fd_close(fd_);
  T(__wasi_path_rename(ROOT, "a/b", ROOT, "empty"));
  T(__wasi_path_rename(ROOT, "empty", ROOT, "full"));
  T(__wasi_path_rename(ROOT, "full/k", ROOT, "a"));
  T(__wasi_path_rename(ROOT, "a", ROOT, "full/k"));
  T(__wasi_path_rename(ROOT, "a", ROOT, "a/inside"));
  T(__wasi_path_rename(ROOT, "full/k", ROOT, "full/k2/"));
  T(__wasi_path_rename(ROOT, "nothing", ROOT, "x"));
  list(".");
  list("empty");
  list("empty/c");
  // readdir in small buffers: cookies resume where the last full entry ended.
  __wasi_fd_t d;
  T(__wasi_path_open(ROOT, 0, "empty", __WASI_OFLAGS_DIRECTORY, RO, ALL, 0, &d));
  uint8_t small[30];
  __wasi_size_t used;
  __wasi_dircookie_t cookie = 0;
  int entries = 0;
  for (int guard = 0; guard < 50; guard++) {
    T(__wasi_fd_readdir(d, small, sizeof small, cookie, &used));
    if (used < sizeof(__wasi_dirent_t)) break;
    __wasi_dirent_t *e = (__wasi_dirent_t *)small;
    entries++;
    cookie = e->d_next;
    if (used < sizeof small) break;
  }
  printf("entries read one at a time: %d\n", entries);
  T(__wasi_fd_readdir(d, small, sizeof small, 1000, &used));
  printf("used past the end: %u\n", (unsigned)used);
  T(__wasi_fd_close(d));
  T(__wasi_fd_readdir(ROOT + 1, small, sizeof small, 0, &used));
  return 0;
}
