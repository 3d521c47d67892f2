// tmpnam and tmpfile for wasi-libc, which declares them and defines neither: names under /tmp
// in the sandbox (the project's tree), and a real file there, unlinked as soon as it is open.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static unsigned counter;

/* 1 when this call made /tmp (so that tmpfile can leave the tree as it found it). */
static int make_tmp_dir(void) { return mkdir("/tmp", 0700) == 0; }

static void next_name(char *buf) { snprintf(buf, L_tmpnam, "/tmp/tmp%06u", ++counter % 1000000u); }

char *tmpnam(char *s) {
  static char internal[L_tmpnam];
  char name[L_tmpnam];
  make_tmp_dir();
  for (int i = 0; i < TMP_MAX; i++) {
    next_name(name);
    if (access(name, F_OK) != 0 && errno == ENOENT) return strcpy(s ? s : internal, name);
  }
  return NULL;
}

FILE *tmpfile(void) {
  char name[L_tmpnam];
  int made = make_tmp_dir();
  for (int i = 0; i < TMP_MAX; i++) {
    next_name(name);
    int fd = open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
    if (fd < 0) {
      if (errno == EEXIST) continue;
      return NULL;
    }
    unlink(name);
    if (made) rmdir("/tmp");
    FILE *f = fdopen(fd, "w+");
    if (!f) close(fd);
    return f;
  }
  return NULL;
}
