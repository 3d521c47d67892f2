// A JSON echo: answers with what it was sent (method, path, query, a header, the body) as
// JSON. Send a POST with a body, e.g. {"hello": "wasm"}.
#include <stdio.h>
#include <stdlib.h>

// Writes s as a JSON string.
static void json_string(const char *s, size_t n) {
  putchar('"');
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') printf("\\%c", c);
    else if (c == '\n') printf("\\n");
    else if (c < 0x20) printf("\\u%04x", c);
    else putchar(c);
  }
  putchar('"');
}

static void field(const char *key, const char *value, int last) {
  printf("  \"%s\": ", key);
  if (value) {
    size_t n = 0;
    while (value[n]) n++;
    json_string(value, n);
  } else {
    printf("null");
  }
  printf(last ? "\n" : ",\n");
}

int main(void) {
  // The body is on stdin; CONTENT_LENGTH says how long it is.
  const char *len = getenv("CONTENT_LENGTH");
  size_t want = len ? strtoul(len, NULL, 10) : 0;
  char *body = malloc(want + 1);
  size_t got = body ? fread(body, 1, want, stdin) : 0;

  printf("Content-Type: application/json\n\n");
  printf("{\n");
  field("method", getenv("REQUEST_METHOD"), 0);
  field("path", getenv("PATH_INFO"), 0);
  field("query", getenv("QUERY_STRING"), 0);
  field("content_type", getenv("HTTP_CONTENT_TYPE"), 0);
  field("user_agent", getenv("HTTP_USER_AGENT"), 0);
  printf("  \"length\": %zu,\n", got);
  printf("  \"body\": ");
  json_string(body ? body : "", got);
  printf("\n}\n");
  free(body);
  return 0;
}
