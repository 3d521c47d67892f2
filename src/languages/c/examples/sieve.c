// A compute kernel: the sieve of Eratosthenes up to N (try -DN=50000000 in the flags field).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef N
#define N 10000000
#endif

int main(void) {
  unsigned char *composite = calloc(N + 1, 1);
  if (!composite) {
    fprintf(stderr, "out of memory\n");
    return 1;
  }
  long count = 0, last = 0;
  for (long i = 2; i <= N; i++) {
    if (composite[i]) continue;
    count++;
    last = i;
    for (long j = i * i; j <= N; j += i) composite[j] = 1;
  }
  printf("%ld primes up to %d; the largest is %ld\n", count, N, last);
  free(composite);
  return 0;
}
