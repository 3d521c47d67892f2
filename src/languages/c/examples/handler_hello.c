// An HTTP handler, as Spin's WAGI executor runs one: every request starts a fresh instance;
// the request is in the environment (and the body on stdin); print CGI headers, an empty line,
// then the body. Try /?name=you in the request path.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  const char *query = getenv("QUERY_STRING");
  const char *name = "world";
  char buf[128];
  if (query && strncmp(query, "name=", 5) == 0 && query[5]) {
    snprintf(buf, sizeof buf, "%.*s", (int)strcspn(query + 5, "&"), query + 5);
    name = buf;
  }
  printf("Content-Type: text/plain; charset=utf-8\n\n");
  printf("Hello, %s! From a fresh WebAssembly instance.\n", name);
  printf("%s %s\n", getenv("REQUEST_METHOD"), getenv("X_FULL_URL"));
  return 0;
}
