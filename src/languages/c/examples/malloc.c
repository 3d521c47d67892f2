// The heap: a growable array with malloc/realloc, sorted with qsort, and a getenv lookup.
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  int *items;
  size_t len, cap;
} Vec;

static void push(Vec *v, int x) {
  if (v->len == v->cap) {
    v->cap = v->cap ? v->cap * 2 : 4;
    v->items = realloc(v->items, v->cap * sizeof *v->items);
  }
  v->items[v->len++] = x;
}

static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

int main(void) {
  Vec v = {0};
  unsigned seed = 12345;
  for (int i = 0; i < 20; i++) {
    seed = seed * 1103515245u + 12345u;
    push(&v, (seed >> 16) % 1000);
  }
  qsort(v.items, v.len, sizeof *v.items, cmp);
  printf("%zu numbers (capacity %zu), sorted:", v.len, v.cap);
  for (size_t i = 0; i < v.len; i++) printf(" %d", v.items[i]);
  printf("\n");
  free(v.items);
  const char *user = getenv("USER");
  printf("USER=%s\n", user ? user : "(not set: add USER=you in Run settings)");
  return 0;
}
