/*
 * spin.h: the Wasm playground's small C SDK for Spin HTTP components (fermyon:spin/http-trigger
 * @2.0.0). Define spin_handle(); the playground builds the program into a component that exports
 * wasi:http/incoming-handler@0.2.0 and imports only the Spin interfaces it calls. A fresh
 * instance serves each request, as in Spin: globals start over every time.
 *
 *   #include <spin.h>
 *   void spin_handle(const spin_request *req, spin_response *res) {
 *     spin_response_header(res, "content-type", "text/plain");
 *     spin_response_printf(res, "Hello from %s %s\n", req->method, req->uri);
 *   }
 *
 * Functions that can fail return SPIN_OK (0) or an error code; spin_error() then says why in
 * Spin's own words ("access-denied", "no-such-store", an SQLite message…).
 */
#ifndef SPIN_H
#define SPIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  const char *name;
  const char *value;
} spin_header;

typedef struct {
  /** "GET", "POST", … */
  const char *method;
  /** The path with its query: "/items?id=3". */
  const char *uri;
  /** The path alone, and the query without its "?" ("" when there is none). */
  const char *path;
  const char *query;
  const spin_header *headers;
  size_t header_count;
  /** The whole body, NUL-terminated for convenience (body_len excludes the NUL). */
  const uint8_t *body;
  size_t body_len;
} spin_request;

typedef struct spin_response spin_response;

/** The handler each request calls. The response is 200 with no headers until told otherwise. */
void spin_handle(const spin_request *req, spin_response *res);

/** A request header's value (names compare case-insensitively), or NULL. */
const char *spin_request_header(const spin_request *req, const char *name);
void spin_response_status(spin_response *res, int status);
void spin_response_header(spin_response *res, const char *name, const char *value);
void spin_response_write(spin_response *res, const void *data, size_t len);
void spin_response_puts(spin_response *res, const char *text);
void spin_response_printf(spin_response *res, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

enum {
  SPIN_OK = 0,
  /* key-value errors */
  SPIN_KV_STORE_TABLE_FULL = 1,
  SPIN_KV_NO_SUCH_STORE = 2,
  SPIN_KV_ACCESS_DENIED = 3,
  SPIN_KV_OTHER = 4,
  /* sqlite errors */
  SPIN_SQL_NO_SUCH_DATABASE = 11,
  SPIN_SQL_ACCESS_DENIED = 12,
  SPIN_SQL_INVALID_CONNECTION = 13,
  SPIN_SQL_DATABASE_FULL = 14,
  SPIN_SQL_IO = 15,
  /* variables errors */
  SPIN_VAR_INVALID_NAME = 21,
  SPIN_VAR_UNDEFINED = 22,
  SPIN_VAR_PROVIDER = 23,
  SPIN_VAR_OTHER = 24,
  /* outbound HTTP: 100 + the case of wasi:http's error-code (HTTP-request-denied is case 15) */
  SPIN_HTTP_ERROR = 100,
  SPIN_HTTP_REQUEST_DENIED = 115,
  SPIN_HTTP_BAD_URL = 199,
};

/** What the last failing call said (valid until the next call that fails). */
const char *spin_error(void);

/* ---- key-value (fermyon:spin/key-value@2.0.0); grant stores with key_value_stores ---- */
typedef uint32_t spin_kv_store;
int spin_kv_open(const char *label, spin_kv_store *store);
/** *value is malloc'd (NUL-terminated; free it), or NULL when the key is not there. */
int spin_kv_get(spin_kv_store store, const char *key, uint8_t **value, size_t *len);
int spin_kv_set(spin_kv_store store, const char *key, const void *value, size_t len);
int spin_kv_delete(spin_kv_store store, const char *key);
int spin_kv_exists(spin_kv_store store, const char *key, bool *exists);
/** *keys is a malloc'd array of malloc'd strings: free with spin_strings_free. */
int spin_kv_get_keys(spin_kv_store store, char ***keys, size_t *count);
void spin_kv_close(spin_kv_store store);
void spin_strings_free(char **strings, size_t count);

/* ---- SQLite (fermyon:spin/sqlite@2.0.0); grant databases with sqlite_databases ---- */
typedef uint32_t spin_sqlite;
typedef enum {
  SPIN_SQL_INTEGER,
  SPIN_SQL_REAL,
  SPIN_SQL_TEXT,
  SPIN_SQL_BLOB,
  SPIN_SQL_NULL
} spin_sql_kind;
typedef struct {
  spin_sql_kind kind;
  int64_t integer;
  double real;
  /** TEXT (NUL-terminated) or BLOB bytes, and their length. */
  const char *text;
  size_t len;
} spin_sql_value;
typedef struct {
  size_t column_count;
  char **columns;
  size_t row_count;
  /** row_count × column_count values, row by row. */
  spin_sql_value *values;
} spin_sql_result;

spin_sql_value spin_sql_int(int64_t v);
spin_sql_value spin_sql_real(double v);
spin_sql_value spin_sql_text(const char *s);
spin_sql_value spin_sql_null(void);
int spin_sqlite_open(const char *database, spin_sqlite *db);
/** Runs one statement with `?` parameters; *result may be NULL when no rows are wanted. */
int spin_sqlite_execute(spin_sqlite db, const char *sql, const spin_sql_value *params,
                        size_t param_count, spin_sql_result *result);
const spin_sql_value *spin_sql_cell(const spin_sql_result *r, size_t row, size_t column);
void spin_sql_result_free(spin_sql_result *r);
void spin_sqlite_close(spin_sqlite db);

/* ---- variables (fermyon:spin/variables@2.0.0); declare them under [variables] ---- */
/** *value is malloc'd; free it. */
int spin_variable_get(const char *name, char **value);

/* ---- outbound HTTP (wasi:http/outgoing-handler@0.2.0); allowed_outbound_hosts ---- */
typedef struct {
  int status;
  spin_header *headers;
  size_t header_count;
  /** NUL-terminated for convenience (body_len excludes the NUL). */
  uint8_t *body;
  size_t body_len;
} spin_http_response;
int spin_http_send(const char *method, const char *url, const spin_header *headers,
                   size_t header_count, const void *body, size_t body_len,
                   spin_http_response *response);
void spin_http_response_free(spin_http_response *response);

#ifdef __cplusplus
}
#endif
#endif
