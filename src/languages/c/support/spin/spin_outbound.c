/* spin.h's outbound HTTP: wasi:http/outgoing-handler@0.2.0, canonical ABI by hand. */
#include <stdio.h>
#include <strings.h>

#include "spin_abi.h"

SPIN_IMPORT(HTTP_TYPES, "[constructor]outgoing-request") int32_t spin__oreq_new(int32_t headers);
SPIN_IMPORT(HTTP_TYPES, "[method]outgoing-request.set-method")
int32_t spin__oreq_method(int32_t r, int32_t tag, const char *p, size_t n);
SPIN_IMPORT(HTTP_TYPES, "[method]outgoing-request.set-scheme")
int32_t spin__oreq_scheme(int32_t r, int32_t some, int32_t tag, const char *p, size_t n);
SPIN_IMPORT(HTTP_TYPES, "[method]outgoing-request.set-authority")
int32_t spin__oreq_authority(int32_t r, int32_t some, const char *p, size_t n);
SPIN_IMPORT(HTTP_TYPES, "[method]outgoing-request.set-path-with-query")
int32_t spin__oreq_path(int32_t r, int32_t some, const char *p, size_t n);
SPIN_IMPORT(HTTP_TYPES, "[method]outgoing-request.body")
void spin__oreq_body(int32_t r, spin_ret *ret);
SPIN_IMPORT("wasi:http/outgoing-handler@0.2.0", "handle")
void spin__send(int32_t req, int32_t has_options, int32_t options, spin_ret *ret);
SPIN_IMPORT(HTTP_TYPES, "[method]future-incoming-response.subscribe")
int32_t spin__future_subscribe(int32_t f);
SPIN_IMPORT(HTTP_TYPES, "[method]future-incoming-response.get")
void spin__future_get(int32_t f, spin_ret *ret);
SPIN_IMPORT(HTTP_TYPES, "[resource-drop]future-incoming-response") void spin__future_drop(int32_t);
SPIN_IMPORT("wasi:io/poll@0.2.0", "[method]pollable.block") void spin__poll_block(int32_t p);
SPIN_IMPORT("wasi:io/poll@0.2.0", "[resource-drop]pollable") void spin__poll_drop(int32_t p);
SPIN_IMPORT(HTTP_TYPES, "[method]incoming-response.status") int32_t spin__iresp_status(int32_t r);
SPIN_IMPORT(HTTP_TYPES, "[method]incoming-response.headers") int32_t spin__iresp_headers(int32_t);
SPIN_IMPORT(HTTP_TYPES, "[method]incoming-response.consume")
void spin__iresp_consume(int32_t r, spin_ret *ret);
SPIN_IMPORT(HTTP_TYPES, "[resource-drop]incoming-response") void spin__iresp_drop(int32_t r);

static const char *const METHODS[] = {"GET",     "HEAD",    "POST",  "PUT",  "DELETE",
                                      "CONNECT", "OPTIONS", "TRACE", "PATCH"};

/** wasi:http's error-code case names, for spin_error(). */
static const char *const CODES[] = {
    "DNS-timeout", "DNS-error", "destination-not-found", "destination-unavailable",
    "destination-IP-prohibited", "destination-IP-unroutable", "connection-refused",
    "connection-terminated", "connection-timeout", "connection-read-timeout",
    "connection-write-timeout", "connection-limit-reached", "TLS-protocol-error",
    "TLS-certificate-error", "TLS-alert-received", "HttpRequestDenied"};

/** An error-code at `off` in the return area: its number, spin_error() set. */
static int http_error(spin_ret *r, int off) {
  uint8_t code = RET_U8(*r, off);
  if (code == 38 && RET_U8(*r, off + 8)) { /* internal-error(some(message)) */
    spin__error("internal-error", (char *)(uintptr_t)RET_I32(*r, off + 12),
                (size_t)RET_I32(*r, off + 16));
  } else if (code < sizeof CODES / sizeof *CODES) {
    spin__error(CODES[code], NULL, 0);
  } else {
    char what[48];
    snprintf(what, sizeof what, "wasi:http error-code %d", code);
    spin__error(what, NULL, 0);
  }
  return SPIN_HTTP_ERROR + code;
}

int spin_http_send(const char *method, const char *url, const spin_header *headers,
                   size_t header_count, const void *body, size_t body_len,
                   spin_http_response *response) {
  memset(response, 0, sizeof *response);
  const char *sep = strstr(url, "://");
  if (!sep) {
    spin__error("not an absolute URL", url, strlen(url));
    return SPIN_HTTP_BAD_URL;
  }
  const char *host = sep + 3;
  const char *path = host + strcspn(host, "/?");
  int32_t req = spin__oreq_new(spin__fields(headers, header_count));
  int tag = 9;
  for (int i = 0; i < 9; i++)
    if (strcasecmp(method, METHODS[i]) == 0) tag = i;
  spin__oreq_method(req, tag, method, strlen(method));
  size_t sl = (size_t)(sep - url);
  int scheme = sl == 4 && !strncasecmp(url, "http", 4) ? 0 : sl == 5 && !strncasecmp(url, "https", 5) ? 1 : 2;
  spin__oreq_scheme(req, 1, scheme, url, sl);
  spin__oreq_authority(req, 1, host, (size_t)(path - host));
  spin__oreq_path(req, 1, *path ? path : "/", *path ? strlen(path) : 1);
  spin_ret r;
  spin__oreq_body(req, &r);
  int32_t out_body = RET_I32(r, 4);
  spin__write_body(out_body, body, body_len);
  spin__send(req, 0, 0, &r);
  if (RET_U8(r, 0)) return http_error(&r, 8);
  int32_t future = RET_I32(r, 8);
  int32_t pollable = spin__future_subscribe(future);
  spin__poll_block(pollable);
  spin__poll_drop(pollable);
  spin__future_get(future, &r);
  spin__future_drop(future);
  /* option<result<result<own<incoming-response>, error-code>>> at 0, 8, 16; payload at 24 */
  if (!RET_U8(r, 0) || RET_U8(r, 8)) {
    spin__error("internal-error", "the response was not ready", 26);
    return SPIN_HTTP_ERROR + 38;
  }
  if (RET_U8(r, 16)) return http_error(&r, 24);
  int32_t resp = RET_I32(r, 24);
  response->status = spin__iresp_status(resp);
  int32_t hf = spin__iresp_headers(resp);
  response->headers = spin__entries(hf, &response->header_count);
  spin__fields_drop(hf);
  spin__iresp_consume(resp, &r);
  if (RET_U8(r, 0) == 0) {
    int32_t in_body = RET_I32(r, 4);
    spin__inbody_stream(in_body, &r);
    if (RET_U8(r, 0) == 0) response->body = spin__read_all(RET_I32(r, 4), &response->body_len);
    spin__inbody_drop(in_body);
  }
  if (!response->body) response->body = (uint8_t *)spin__strndup("", 0);
  spin__iresp_drop(resp);
  return SPIN_OK;
}

void spin_http_response_free(spin_http_response *response) {
  for (size_t i = 0; i < response->header_count; i++) {
    free((void *)response->headers[i].name);
    free((void *)response->headers[i].value);
  }
  free(response->headers);
  free(response->body);
  memset(response, 0, sizeof *response);
}
