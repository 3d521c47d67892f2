/*
 * spin.h's HTTP side: the wasi:http/incoming-handler@0.2.0 export that turns a request into
 * spin_handle()'s arguments and its response back into wasi:http resources; cabi_realloc (the
 * host's allocations in this module's memory); errors. Canonical ABI by hand for this one world.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <strings.h>

#include "spin_abi.h"

SPIN_IMPORT(HTTP_TYPES, "[method]incoming-request.method")
void spin__req_method(int32_t req, spin_ret *ret);
SPIN_IMPORT(HTTP_TYPES, "[method]incoming-request.path-with-query")
void spin__req_path(int32_t req, spin_ret *ret);
SPIN_IMPORT(HTTP_TYPES, "[method]incoming-request.headers")
int32_t spin__req_headers(int32_t req);
SPIN_IMPORT(HTTP_TYPES, "[method]incoming-request.consume")
void spin__req_consume(int32_t req, spin_ret *ret);
SPIN_IMPORT(HTTP_TYPES, "[resource-drop]incoming-request") void spin__req_drop(int32_t);
SPIN_IMPORT(HTTP_TYPES, "[constructor]fields") int32_t spin__fields_new(void);
SPIN_IMPORT(HTTP_TYPES, "[method]fields.append")
void spin__fields_append(int32_t f, const char *n, size_t nl, const char *v, size_t vl,
                         spin_ret *ret);
SPIN_IMPORT(HTTP_TYPES, "[method]fields.entries") void spin__fields_entries(int32_t f, spin_ret *r);
SPIN_IMPORT(HTTP_TYPES, "[constructor]outgoing-response") int32_t spin__resp_new(int32_t headers);
SPIN_IMPORT(HTTP_TYPES, "[method]outgoing-response.set-status-code")
int32_t spin__resp_status(int32_t resp, int32_t status);
SPIN_IMPORT(HTTP_TYPES, "[method]outgoing-response.body")
void spin__resp_body(int32_t resp, spin_ret *ret);
SPIN_IMPORT(HTTP_TYPES, "[method]outgoing-body.write")
void spin__outbody_write(int32_t body, spin_ret *ret);
SPIN_IMPORT(HTTP_TYPES, "[static]outgoing-body.finish")
void spin__outbody_finish(int32_t body, int32_t has_trailers, int32_t trailers, spin_ret *ret);
SPIN_IMPORT(HTTP_TYPES, "[static]response-outparam.set")
void spin__outparam_set(int32_t param, int32_t is_err, int32_t a, int32_t b, int64_t c, int32_t d,
                        int32_t e, int32_t f, int32_t g);
SPIN_IMPORT(IO_STREAMS, "[method]input-stream.blocking-read")
void spin__stream_read(int32_t stream, int64_t len, spin_ret *ret);
SPIN_IMPORT(IO_STREAMS, "[resource-drop]input-stream") void spin__instream_drop(int32_t);
SPIN_IMPORT(IO_STREAMS, "[method]output-stream.blocking-write-and-flush")
void spin__stream_write(int32_t stream, const uint8_t *p, size_t len, spin_ret *ret);
SPIN_IMPORT(IO_STREAMS, "[resource-drop]output-stream") void spin__outstream_drop(int32_t);
SPIN_IMPORT("wasi:io/error@0.2.0", "[resource-drop]error") void spin__ioerror_drop(int32_t);

__attribute__((export_name("cabi_realloc"))) void *cabi_realloc(void *ptr, size_t old,
                                                                size_t align, size_t size) {
  (void)old;
  if (size == 0) return (void *)align;
  void *p = realloc(ptr, size);
  if (!p) abort();
  return p;
}

static char error_text[512];

void spin__error(const char *what, const char *detail, size_t len) {
  if (detail)
    snprintf(error_text, sizeof error_text, "%s: %.*s", what, (int)len, detail);
  else
    snprintf(error_text, sizeof error_text, "%s", what);
}

const char *spin_error(void) { return error_text; }

char *spin__strndup(const void *p, size_t len) {
  char *s = malloc(len + 1);
  if (!s) abort();
  if (len) memcpy(s, p, len);
  s[len] = 0;
  return s;
}

int32_t spin__fields(const spin_header *headers, size_t count) {
  int32_t f = spin__fields_new();
  for (size_t i = 0; i < count; i++) {
    spin_ret r;
    const char *n = headers[i].name, *v = headers[i].value;
    spin__fields_append(f, n, strlen(n), v, strlen(v), &r);
    if (RET_U8(r, 0)) fprintf(stderr, "spin.h: header \"%s\" refused by the host\n", n);
  }
  return f;
}

spin_header *spin__entries(int32_t fields, size_t *count) {
  spin_ret r;
  spin__fields_entries(fields, &r);
  uint32_t *list = (uint32_t *)(uintptr_t)RET_I32(r, 0);
  size_t n = (size_t)RET_I32(r, 4);
  spin_header *out = calloc(n + 1, sizeof *out);
  for (size_t i = 0; i < n; i++) {
    uint32_t *e = list + i * 4;
    out[i].name = spin__strndup((void *)(uintptr_t)e[0], e[1]);
    out[i].value = spin__strndup((void *)(uintptr_t)e[2], e[3]);
    free((void *)(uintptr_t)e[0]);
    free((void *)(uintptr_t)e[2]);
  }
  free(list);
  *count = n;
  return out;
}

uint8_t *spin__read_all(int32_t stream, size_t *len) {
  size_t n = 0, cap = 256;
  uint8_t *buf = malloc(cap);
  for (;;) {
    spin_ret r;
    spin__stream_read(stream, 65536, &r);
    if (RET_U8(r, 0)) {
      /* closed, or failed: last-operation-failed carries an error resource */
      if (RET_U8(r, 4) == 0) spin__ioerror_drop(RET_I32(r, 8));
      break;
    }
    uint8_t *p = (uint8_t *)(uintptr_t)RET_I32(r, 4);
    size_t got = (size_t)RET_I32(r, 8);
    if (n + got + 1 > cap) {
      while (n + got + 1 > cap) cap *= 2;
      buf = realloc(buf, cap);
    }
    if (got) memcpy(buf + n, p, got);
    free(p);
    n += got;
  }
  spin__instream_drop(stream);
  buf[n] = 0;
  *len = n;
  return buf;
}

void spin__write_body(int32_t body, const uint8_t *data, size_t len) {
  spin_ret r;
  spin__outbody_write(body, &r);
  if (RET_U8(r, 0) == 0) {
    int32_t stream = RET_I32(r, 4);
    /* blocking-write-and-flush takes at most 4096 bytes a call */
    for (size_t off = 0; off < len;) {
      size_t chunk = len - off > 4096 ? 4096 : len - off;
      spin__stream_write(stream, data + off, chunk, &r);
      if (RET_U8(r, 0)) {
        if (RET_U8(r, 4) == 0) spin__ioerror_drop(RET_I32(r, 8));
        break;
      }
      off += chunk;
    }
    spin__outstream_drop(stream);
  }
  spin__outbody_finish(body, 0, 0, &r);
}

struct spin_response {
  int status;
  spin_header *headers;
  size_t header_count, header_cap;
  uint8_t *body;
  size_t body_len, body_cap;
};

static const char *const METHODS[] = {"GET",     "HEAD",    "POST",  "PUT",  "DELETE",
                                      "CONNECT", "OPTIONS", "TRACE", "PATCH"};

__attribute__((export_name("wasi:http/incoming-handler@0.2.0#handle"))) void
spin__export_handle(int32_t request, int32_t outparam) {
  spin_request req = {0};
  spin_ret r;
  spin__req_method(request, &r);
  uint8_t tag = RET_U8(r, 0);
  req.method = tag < 9 ? METHODS[tag]
                       : spin__strndup((void *)(uintptr_t)RET_I32(r, 4), (size_t)RET_I32(r, 8));
  spin__req_path(request, &r);
  char *uri = RET_U8(r, 0) ? spin__strndup((void *)(uintptr_t)RET_I32(r, 4), RET_I32(r, 8))
                           : spin__strndup("/", 1);
  req.uri = uri;
  char *q = strchr(uri, '?');
  req.path = q ? spin__strndup(uri, (size_t)(q - uri)) : uri;
  req.query = q ? q + 1 : "";
  int32_t hf = spin__req_headers(request);
  req.headers = spin__entries(hf, &req.header_count);
  spin__fields_drop(hf);
  spin__req_consume(request, &r);
  if (RET_U8(r, 0) == 0) {
    int32_t body = RET_I32(r, 4);
    spin__inbody_stream(body, &r);
    if (RET_U8(r, 0) == 0) req.body = spin__read_all(RET_I32(r, 4), &req.body_len);
    spin__inbody_drop(body);
  }
  if (!req.body) req.body = (const uint8_t *)"";
  spin__req_drop(request);

  struct spin_response res = {.status = 200};
  spin_handle(&req, &res);

  int32_t headers = spin__fields(res.headers, res.header_count);
  int32_t resp = spin__resp_new(headers);
  if (spin__resp_status(resp, res.status))
    fprintf(stderr, "spin.h: %d is not an HTTP status; sent 500\n", res.status),
        spin__resp_status(resp, 500);
  spin__resp_body(resp, &r);
  int32_t body = RET_I32(r, 4);
  spin__outparam_set(outparam, 0, resp, 0, 0, 0, 0, 0, 0);
  spin__write_body(body, res.body, res.body_len);
}

const char *spin_request_header(const spin_request *req, const char *name) {
  for (size_t i = 0; i < req->header_count; i++)
    if (strcasecmp(req->headers[i].name, name) == 0) return req->headers[i].value;
  return NULL;
}

void spin_response_status(spin_response *res, int status) { res->status = status; }

void spin_response_header(spin_response *res, const char *name, const char *value) {
  if (res->header_count == res->header_cap) {
    res->header_cap = res->header_cap ? res->header_cap * 2 : 8;
    res->headers = realloc(res->headers, res->header_cap * sizeof *res->headers);
  }
  res->headers[res->header_count].name = spin__strndup(name, strlen(name));
  res->headers[res->header_count++].value = spin__strndup(value, strlen(value));
}

void spin_response_write(spin_response *res, const void *data, size_t len) {
  if (res->body_len + len > res->body_cap) {
    size_t cap = res->body_cap ? res->body_cap : 1024;
    while (cap < res->body_len + len) cap *= 2;
    res->body = realloc(res->body, cap);
    res->body_cap = cap;
  }
  memcpy(res->body + res->body_len, data, len);
  res->body_len += len;
}

void spin_response_puts(spin_response *res, const char *text) {
  spin_response_write(res, text, strlen(text));
}

void spin_response_printf(spin_response *res, const char *fmt, ...) {
  char small[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof small) {
    spin_response_write(res, small, (size_t)n);
    return;
  }
  char *big = malloc((size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(big, (size_t)n + 1, fmt, ap);
  va_end(ap);
  spin_response_write(res, big, (size_t)n);
  free(big);
}
