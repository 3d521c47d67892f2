#include "common.h"
// Hard links, symlinks (relative, dangling, to folders, loops), readlink, lstat vs stat.
int main(void) {
  char buf[64];
  __wasi_size_t n;
  T(open_("target.txt", __WASI_OFLAGS_CREAT, ALL, 0)); write_(fd_, "target!"); __wasi_fd_close(fd_);
  T(__wasi_path_create_directory(ROOT, "d"));
  T(__wasi_path_link(ROOT, 0, "target.txt", ROOT, "hard.txt"));
  T(__wasi_path_link(ROOT, 0, "target.txt", ROOT, "hard.txt"));
  T(__wasi_path_link(ROOT, 0, "d", ROOT, "hard-dir"));
  T(__wasi_path_link(ROOT, 0, "missing", ROOT, "x"));
  __wasi_filestat_t st;
  T(__wasi_path_filestat_get(ROOT, 0, "hard.txt", &st));
  printf("nlink %llu size %llu type %d\n", (unsigned long long)st.nlink, (unsigned long long)st.size, st.filetype);
  T(__wasi_path_symlink("target.txt", ROOT, "link.txt"));
  T(__wasi_path_symlink("target.txt", ROOT, "link.txt"));
  T(__wasi_path_symlink("../d", ROOT, "d/up"));
  T(__wasi_path_symlink("nowhere", ROOT, "dangling"));
  T(__wasi_path_symlink("loop2", ROOT, "loop1"));
  T(__wasi_path_symlink("loop1", ROOT, "loop2"));
  T(__wasi_path_symlink("d", ROOT, "dirlink"));
  T(__wasi_path_readlink(ROOT, "link.txt", (uint8_t *)buf, sizeof buf, &n));
  printf("readlink '%.*s'\n", (int)n, buf);
  T(__wasi_path_readlink(ROOT, "target.txt", (uint8_t *)buf, sizeof buf, &n));
  T(__wasi_path_readlink(ROOT, "missing", (uint8_t *)buf, sizeof buf, &n));
  printf("types: link follow %d nofollow %d, dangling follow %d nofollow %d, loop %d\n",
         type_of("link.txt", 1), type_of("link.txt", 0), type_of("dangling", 1), type_of("dangling", 0), type_of("loop1", 1));
  printf("through links: %d\n", type_of("dirlink/", 0));
  T(open_("link.txt", 0, RO, 0));
  printf("via link: %ld '%s'\n", read_all(fd_, buf, sizeof buf), buf);
  __wasi_fd_close(fd_);
  T(open_("loop1", 0, RO, 0));
  T(open_("dangling", __WASI_OFLAGS_CREAT, ALL, 0));
  __wasi_fd_close(fd_);
  printf("dangling now names a file: %ld\n", size_of("nowhere"));
  T(__wasi_path_unlink_file(ROOT, "link.txt"));
  printf("target survives: %ld\n", size_of("target.txt"));
  T(__wasi_path_unlink_file(ROOT, "target.txt"));
  T(__wasi_path_filestat_get(ROOT, 0, "hard.txt", &st));
  printf("hard link after unlink: nlink %llu size %llu\n", (unsigned long long)st.nlink, (unsigned long long)st.size);
  T(__wasi_path_unlink_file(ROOT, "dirlink"));
  printf("folder behind the removed link: %d\n", type_of("d", 0));
  return 0;
}
