// A progress bar drawn in place with \r and ANSI colours, paced by usleep (the program sleeps
// without using the CPU). Best in the terminal view; the list view shows the last state.
#include <stdio.h>
#include <unistd.h>

int main(void) {
  const int width = 40;
  for (int i = 0; i <= 100; i += 2) {
    int filled = i * width / 100;
    printf("\r\x1b[36mbuilding\x1b[0m [\x1b[32m");
    for (int j = 0; j < width; j++) putchar(j < filled ? '#' : '.');
    printf("\x1b[0m] %3d%%", i);
    fflush(stdout);
    usleep(30 * 1000);
  }
  printf("\n\x1b[1;32mdone\x1b[0m in about %d ms\n", 51 * 30);
  return 0;
}
