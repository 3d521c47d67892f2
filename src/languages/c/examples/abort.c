// A failed assertion calls abort(): the program traps and Output says where.
#include <assert.h>
#include <stdio.h>

static int checked_divide(int a, int b) {
  assert(b != 0 && "divisor must not be zero");
  return a / b;
}

int main(void) {
  printf("10 / 2 = %d\n", checked_divide(10, 2));
  fflush(stdout);
  printf("10 / 0 = %d\n", checked_divide(10, 0));
  return 0;
}
