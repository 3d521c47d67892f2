// system and popen for wasi-libc: WASI gives a program no shell and no processes, so they fail
// as POSIX says a system without a command processor does. system(NULL) answers "no shell".
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int system(const char *command) {
  if (!command) return 0;
  errno = ENOSYS;
  return -1;
}

FILE *popen(const char *command, const char *mode) {
  (void)command;
  (void)mode;
  errno = ENOSYS;
  return NULL;
}

int pclose(FILE *stream) {
  (void)stream;
  errno = ECHILD;
  return -1;
}
