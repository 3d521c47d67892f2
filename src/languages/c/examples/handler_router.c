// A small website in one handler: a router on PATH_INFO. Open it in the live preview:
//   /            an HTML page with a form and an image
//   /greet       the form's POST target (reads the urlencoded body from stdin)
//   /image.bmp   a picture drawn for each request (a new one on every reload)
//   /api/time    JSON
//   /old         a redirect (Location without Status → 302)
//   anything else: 404
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void page_start(const char *title) {
  printf("Content-Type: text/html; charset=utf-8\n\n");
  printf("<!doctype html><html><head><meta charset=\"utf-8\"><title>%s</title>"
         "<style>body{font:16px system-ui;max-width:36em;margin:2em auto;padding:0 1em}"
         "img{image-rendering:pixelated;width:128px;border:1px solid #ccc}</style>"
         "</head><body>",
         title);
}

// Writes text with <, >, & and " escaped.
static void html(const char *s) {
  for (; *s; s++) {
    if (*s == '<') fputs("&lt;", stdout);
    else if (*s == '>') fputs("&gt;", stdout);
    else if (*s == '&') fputs("&amp;", stdout);
    else if (*s == '"') fputs("&quot;", stdout);
    else putchar(*s);
  }
}

// Decodes application/x-www-form-urlencoded in place (+ → space, %XX → byte).
static void url_decode(char *s) {
  char *out = s;
  for (; *s; s++) {
    if (*s == '+') *out++ = ' ';
    else if (*s == '%' && s[1] && s[2]) {
      char hex[3] = {s[1], s[2], 0};
      *out++ = (char)strtol(hex, NULL, 16);
      s += 2;
    } else *out++ = *s;
  }
  *out = 0;
}

static void home(void) {
  page_start("Hello from Wasm");
  printf("<h1>A website served by WebAssembly</h1>"
         "<p>Every request to this site starts a fresh instance of the handler.</p>"
         "<form method=\"post\" action=\"/greet\">"
         "<label>Your name <input name=\"name\" value=\"Ada\"></label> "
         "<button>Greet me</button></form>"
         "<p><img src=\"/image.bmp\" alt=\"a pattern drawn for this request\"></p>"
         "<p><a href=\"/api/time\">/api/time</a> · <a href=\"/old\">/old</a> · "
         "<a href=\"/nope\">/nope</a></p></body></html>\n");
}

static void greet(void) {
  const char *len = getenv("CONTENT_LENGTH");
  size_t n = len ? strtoul(len, NULL, 10) : 0;
  char *body = calloc(n + 1, 1);
  fread(body, 1, n, stdin);
  char none[] = "";
  char *name = strstr(body, "name=");
  name = name ? name + 5 : none;
  name[strcspn(name, "&")] = 0;
  url_decode(name);
  page_start("Greetings");
  printf("<h1>Hello, ");
  html(*name ? name : "stranger");
  printf("!</h1><p>Read from a %zu-byte POST body on stdin.</p><p><a href=\"/\">Back</a></p>"
         "</body></html>\n",
         n);
  free(body);
}

// A 64×64 24-bit BMP: rings around a centre that moves with the clock.
static void image(void) {
  enum { W = 64, H = 64 };
  unsigned char header[54] = {'B', 'M'};
  unsigned size = 54 + W * H * 3;
  for (int i = 0; i < 4; i++) header[2 + i] = (unsigned char)(size >> (8 * i));
  header[10] = 54, header[14] = 40, header[18] = W, header[22] = H, header[26] = 1,
  header[28] = 24;
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  int cx = (int)(ts.tv_nsec / 1000 % W), cy = (int)(ts.tv_sec * 7 % H);
  printf("Content-Type: image/bmp\nCache-Control: no-store\n\n");
  fwrite(header, 1, sizeof header, stdout);
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++) {
      int d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
      unsigned char px[3] = {(unsigned char)(d * 3), (unsigned char)(255 - d), (unsigned char)(x * 4)};
      fwrite(px, 1, 3, stdout);
    }
}

int main(void) {
  const char *path = getenv("PATH_INFO");
  const char *method = getenv("REQUEST_METHOD");
  if (!path || !*path || strcmp(path, "/") == 0) home();
  else if (strcmp(path, "/greet") == 0 && strcmp(method, "POST") == 0) greet();
  else if (strcmp(path, "/image.bmp") == 0) image();
  else if (strcmp(path, "/api/time") == 0)
    printf("Content-Type: application/json\n\n{\"unix\": %lld}\n", (long long)time(NULL));
  else if (strcmp(path, "/old") == 0) printf("Location: /\n\n");
  else {
    printf("Status: 404 Not Found\nContent-Type: text/plain\n\nNo page at ");
    fputs(path, stdout);
    putchar('\n');
  }
  return 0;
}
