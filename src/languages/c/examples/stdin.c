// Reads stdin line by line (set it in Run settings) and numbers the lines.
#include <stdio.h>
#include <string.h>

int main(void) {
  char line[1024];
  int n = 0;
  size_t total = 0;
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\n")] = '\0';
    n++;
    total += strlen(line);
    printf("%3d | %s\n", n, line);
  }
  printf("%d lines, %zu characters\n", n, total);
  return n == 0 ? 1 : 0;
}
