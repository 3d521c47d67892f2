#include "common.h"
// Where Node's node:wasi (uvwasi) and wasmtime differ, we follow wasmtime. These results are
// checked against fixed expectations (conformance.test.ts), not against Node.
int main(void) {
  char buf[64];
  __wasi_size_t n;
  // Leaving the preopen: wasmtime (cap-std) refuses with EPERM; uvwasi clamps `..` at the root
  // like a chroot (so "../x" is "x") and answers ENOTCAPABLE elsewhere.
  T(open_("../outside", 0, RO, 0));
  T(open_("d/../../outside", 0, RO, 0));
  T(__wasi_path_create_directory(ROOT, "../x"));
  T(__wasi_path_symlink("/etc/passwd", ROOT, "abs"));
  T(__wasi_path_symlink("../..", ROOT, "d/esc"));
  T(open_("d/esc/x", 0, RO, 0));
  // `..` after a symlink is the link target's parent (resolved physically, as cap-std does);
  // uvwasi normalises the path as text first.
  T(__wasi_path_symlink("../d", ROOT, "d/up"));
  printf("physical ..: %d %d\n", type_of("d/up/up", 1), type_of("d/up/../seed.txt", 1));
  // O_NOFOLLOW on a symlink: ELOOP (Linux, wasmtime); uvwasi opens the target.
  T(__wasi_path_symlink("seed.txt", ROOT, "link"));
  T(open_nofollow("link", 0));
  // readlink into a short buffer is silently cut (wasmtime's preview1_readlink test); uvwasi
  // answers ENOBUFS.
  T(__wasi_path_readlink(ROOT, "link", (uint8_t *)buf, 4, &n));
  printf("cut to %u: '%.*s'\n", (unsigned)n, (int)n, buf);
  // fd_prestat_get of stdio: EBADF in wasmtime, EINVAL in uvwasi.
  T(__wasi_fd_prestat_get(0, (__wasi_prestat_t *)buf));
  // Writing to a read-only descriptor: EBADF (wasmtime); uvwasi checks rights (ENOTCAPABLE).
  T(open_("seed.txt", 0, RO, 0));
  T(write_(fd_, "no"));
  // O_TRUNC without write access: EINVAL (wasmtime, like Rust's OpenOptions); uvwasi truncates.
  T(open_("seed.txt", __WASI_OFLAGS_TRUNC, RO, 0));
  // fdstat flags are WASI's (APPEND = 1); uvwasi reports the host's O_* bits.
  T(open_("seed.txt", 0, ALL, __WASI_FDFLAGS_APPEND));
  __wasi_fdstat_t st;
  T(__wasi_fd_fdstat_get(fd_, &st));
  printf("fdstat type %d flags %d\n", st.fs_filetype, st.fs_flags);
  // poll_oneoff on a regular file and on stdio: ready at once, with the bytes left to read
  // (wasmtime); uvwasi cannot poll regular files (EPERM).
  T(open_("five.txt", __WASI_OFLAGS_CREAT, ALL, 0));
  write_(fd_, "12345");
  __wasi_filesize_t pos;
  __wasi_fd_seek(fd_, 0, __WASI_WHENCE_SET, &pos);
  __wasi_subscription_t s[4] = {0};
  s[0].userdata = 1; s[0].u.tag = __WASI_EVENTTYPE_CLOCK;
  s[0].u.u.clock.id = __WASI_CLOCKID_MONOTONIC; s[0].u.u.clock.timeout = 1000000000ULL;
  s[1].userdata = 2; s[1].u.tag = __WASI_EVENTTYPE_FD_READ; s[1].u.u.fd_read.file_descriptor = fd_;
  s[2].userdata = 3; s[2].u.tag = __WASI_EVENTTYPE_FD_WRITE; s[2].u.u.fd_write.file_descriptor = 1;
  __wasi_event_t evs[4];
  T(__wasi_poll_oneoff(s, evs, 3, &n));
  printf("events %u:", (unsigned)n);
  for (unsigned i = 0; i < n; i++) printf(" [%llu type %d error %d]", (unsigned long long)evs[i].userdata, evs[i].type, evs[i].error);
  printf("\n");
  // poll_oneoff with a closed fd among the subscriptions: that subscription's event carries
  // EBADF (wasmtime); uvwasi fails the whole call.
  __wasi_subscription_t sub[2] = {0};
  sub[0].userdata = 1; sub[0].u.tag = __WASI_EVENTTYPE_FD_WRITE; sub[0].u.u.fd_write.file_descriptor = 1;
  sub[1].userdata = 2; sub[1].u.tag = __WASI_EVENTTYPE_FD_READ; sub[1].u.u.fd_read.file_descriptor = 99;
  __wasi_event_t ev[2];
  T(__wasi_poll_oneoff(sub, ev, 2, &n));
  printf("events %u: [%llu error %d] [%llu error %d]\n", (unsigned)n, (unsigned long long)ev[0].userdata, ev[0].error,
         (unsigned long long)ev[1].userdata, ev[1].error);
  // stdio of a non-interactive run: filetype unknown (0).
  T(__wasi_fd_fdstat_get(1, &st));
  printf("stdout type %d\n", st.fs_filetype);
  return 0;
}
