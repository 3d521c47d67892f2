// Hello world in C: printf goes to WASI stdout, the return value is the exit code.
#include <stdio.h>

int main(int argc, char **argv) {
  printf("Hello from C, compiled in your browser!\n");
  for (int i = 1; i < argc; i++) printf("argv[%d] = %s\n", i, argv[i]);
  return 0;
}
