// A static site from the component's files: spin.toml's `files = ["static/**/*"]` mounts the
// project's static/ folder read-only at /static in the guest (exclude_files keeps drafts out).
//   GET /            → /static/index.html
//   GET /style.css   → /static/style.css
//   GET /drafts/...  → 404: excluded from the mount
//   POST /           → tries to write a file: the mount is read-only
#include <errno.h>
#include <spin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *content_type(const char *path) {
  const char *dot = strrchr(path, '.');
  if (!dot) return "application/octet-stream";
  if (!strcmp(dot, ".html")) return "text/html; charset=utf-8";
  if (!strcmp(dot, ".css")) return "text/css";
  if (!strcmp(dot, ".js")) return "text/javascript";
  if (!strcmp(dot, ".svg")) return "image/svg+xml";
  if (!strcmp(dot, ".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

void spin_handle(const spin_request *req, spin_response *res) {
  if (strcmp(req->method, "POST") == 0) {
    FILE *f = fopen("/static/visitors.txt", "a");
    spin_response_status(res, f ? 200 : 403);
    spin_response_header(res, "content-type", "text/plain; charset=utf-8");
    spin_response_printf(res, "writing /static/visitors.txt: %s\n", f ? "ok" : strerror(errno));
    if (f) fclose(f);
    return;
  }
  if (strstr(req->path, "..")) {
    spin_response_status(res, 400);
    return;
  }
  char path[512];
  snprintf(path, sizeof path, "/static%s%s", req->path,
           req->path[strlen(req->path) - 1] == '/' ? "index.html" : "");
  FILE *f = fopen(path, "rb");
  if (!f) {
    spin_response_status(res, 404);
    spin_response_header(res, "content-type", "text/plain; charset=utf-8");
    spin_response_printf(res, "%s: %s\n", path, strerror(errno));
    return;
  }
  spin_response_header(res, "content-type", content_type(path));
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) spin_response_write(res, buf, n);
  fclose(f);
}
