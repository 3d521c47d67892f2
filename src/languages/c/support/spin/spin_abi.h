/* Private to the SDK: the canonical ABI's shapes for the imports of spin.h's implementation. */
#ifndef SPIN_ABI_H
#define SPIN_ABI_H
#include <stdlib.h>
#include <string.h>

#include "spin.h"

#define SPIN_IMPORT(module, name) __attribute__((import_module(module), import_name(name)))
#define HTTP_TYPES "wasi:http/types@0.2.0"
#define IO_STREAMS "wasi:io/streams@0.2.0"

/** A return area: canonical ABI results that do not fit one value are written here. */
typedef union {
  uint8_t u8[64];
  int32_t i32[16];
  int64_t i64[8];
} spin_ret;

#define RET_U8(r, off) ((r).u8[off])
#define RET_I32(r, off) ((r).i32[(off) / 4])

/* Imports both the handler and outbound HTTP use (declared once: one import each). */
SPIN_IMPORT(HTTP_TYPES, "[method]incoming-body.stream")
void spin__inbody_stream(int32_t body, spin_ret *ret);
SPIN_IMPORT(HTTP_TYPES, "[resource-drop]incoming-body") void spin__inbody_drop(int32_t);
SPIN_IMPORT(HTTP_TYPES, "[resource-drop]fields") void spin__fields_drop(int32_t);

/** Sets spin_error()'s text: `what`, and `detail` (not NUL-terminated) when there is one. */
void spin__error(const char *what, const char *detail, size_t len);
/** A malloc'd NUL-terminated copy of len bytes. */
char *spin__strndup(const void *p, size_t len);

/* Header fields, as wasi:http's `fields` resource (shared by the response and outbound HTTP). */
int32_t spin__fields(const spin_header *headers, size_t count);
/** A fields resource's entries as malloc'd headers; the fields handle is not dropped. */
spin_header *spin__entries(int32_t fields, size_t *count);
/** Reads an input-stream to its end (drops the stream); malloc'd, NUL-terminated. */
uint8_t *spin__read_all(int32_t stream, size_t *len);
/** Writes and finishes an outgoing-body (drops the body). */
void spin__write_body(int32_t body, const uint8_t *data, size_t len);

#endif
