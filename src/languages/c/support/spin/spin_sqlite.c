/* spin.h's SQLite: fermyon:spin/sqlite@2.0.0, canonical ABI by hand. */
#include "spin_abi.h"

#define SQL "fermyon:spin/sqlite@2.0.0"
SPIN_IMPORT(SQL, "[static]connection.open")
void spin__sql_open(const char *name, size_t len, spin_ret *r);
SPIN_IMPORT(SQL, "[method]connection.execute")
void spin__sql_execute(int32_t c, const char *s, size_t sn, const void *p, size_t pn, spin_ret *r);
SPIN_IMPORT(SQL, "[resource-drop]connection") void spin__sql_drop(int32_t c);

/** The canonical ABI's `value` variant: a tag, then its payload at offset 8. */
typedef struct {
  uint8_t tag;
  uint8_t pad[7];
  union {
    int64_t integer;
    double real;
    struct {
      uint32_t ptr, len;
    } bytes;
  } u;
} abi_value;

static int sql_status(spin_ret *r) {
  if (RET_U8(*r, 0) == 0) return SPIN_OK;
  static const char *const names[] = {"no-such-database", "access-denied", "invalid-connection",
                                      "database-full"};
  uint8_t e = RET_U8(*r, 4);
  if (e < 4) {
    spin__error(names[e], NULL, 0);
    return SPIN_SQL_NO_SUCH_DATABASE + e;
  }
  char *msg = (char *)(uintptr_t)RET_I32(*r, 8);
  spin__error("io", msg, (size_t)RET_I32(*r, 12));
  free(msg);
  return SPIN_SQL_IO;
}

spin_sql_value spin_sql_int(int64_t v) { return (spin_sql_value){.kind = SPIN_SQL_INTEGER, .integer = v}; }
spin_sql_value spin_sql_real(double v) { return (spin_sql_value){.kind = SPIN_SQL_REAL, .real = v}; }
spin_sql_value spin_sql_text(const char *s) {
  return (spin_sql_value){.kind = SPIN_SQL_TEXT, .text = s, .len = strlen(s)};
}
spin_sql_value spin_sql_null(void) { return (spin_sql_value){.kind = SPIN_SQL_NULL}; }

int spin_sqlite_open(const char *database, spin_sqlite *db) {
  spin_ret r;
  spin__sql_open(database, strlen(database), &r);
  int s = sql_status(&r);
  if (s == SPIN_OK) *db = (spin_sqlite)RET_I32(r, 4);
  return s;
}

int spin_sqlite_execute(spin_sqlite db, const char *sql, const spin_sql_value *params,
                        size_t param_count, spin_sql_result *result) {
  abi_value *args = calloc(param_count + 1, sizeof *args);
  for (size_t i = 0; i < param_count; i++) {
    args[i].tag = (uint8_t)params[i].kind;
    if (params[i].kind == SPIN_SQL_INTEGER) args[i].u.integer = params[i].integer;
    else if (params[i].kind == SPIN_SQL_REAL) args[i].u.real = params[i].real;
    else if (params[i].kind != SPIN_SQL_NULL) {
      args[i].u.bytes.ptr = (uint32_t)(uintptr_t)params[i].text;
      args[i].u.bytes.len = (uint32_t)params[i].len;
    }
  }
  spin_ret r;
  spin__sql_execute((int32_t)db, sql, strlen(sql), args, param_count, &r);
  free(args);
  int s = sql_status(&r);
  if (result) memset(result, 0, sizeof *result);
  if (s != SPIN_OK) return s;
  uint32_t *cols = (uint32_t *)(uintptr_t)RET_I32(r, 4);
  size_t ncols = (size_t)RET_I32(r, 8);
  uint32_t *rows = (uint32_t *)(uintptr_t)RET_I32(r, 12);
  size_t nrows = (size_t)RET_I32(r, 16);
  spin_sql_result out = {ncols, calloc(ncols + 1, sizeof(char *)), nrows,
                         calloc(nrows * ncols + 1, sizeof(spin_sql_value))};
  for (size_t c = 0; c < ncols; c++) {
    out.columns[c] = spin__strndup((void *)(uintptr_t)cols[2 * c], cols[2 * c + 1]);
    free((void *)(uintptr_t)cols[2 * c]);
  }
  for (size_t i = 0; i < nrows; i++) {
    abi_value *vals = (abi_value *)(uintptr_t)rows[2 * i];
    size_t n = rows[2 * i + 1];
    for (size_t c = 0; c < n && c < ncols; c++) {
      spin_sql_value *v = &out.values[i * ncols + c];
      v->kind = (spin_sql_kind)vals[c].tag;
      if (v->kind == SPIN_SQL_INTEGER) v->integer = vals[c].u.integer;
      else if (v->kind == SPIN_SQL_REAL) v->real = vals[c].u.real;
      else if (v->kind != SPIN_SQL_NULL) {
        v->len = vals[c].u.bytes.len;
        v->text = spin__strndup((void *)(uintptr_t)vals[c].u.bytes.ptr, v->len);
      }
    }
    for (size_t c = 0; c < n; c++)
      if (vals[c].tag == SPIN_SQL_TEXT || vals[c].tag == SPIN_SQL_BLOB)
        free((void *)(uintptr_t)vals[c].u.bytes.ptr);
    free(vals);
  }
  free(cols);
  free(rows);
  if (result) *result = out;
  else spin_sql_result_free(&out);
  return SPIN_OK;
}

const spin_sql_value *spin_sql_cell(const spin_sql_result *r, size_t row, size_t column) {
  if (row >= r->row_count || column >= r->column_count) return NULL;
  return &r->values[row * r->column_count + column];
}

void spin_sql_result_free(spin_sql_result *r) {
  for (size_t c = 0; c < r->column_count; c++) free(r->columns[c]);
  for (size_t i = 0; i < r->row_count * r->column_count; i++)
    if (r->values[i].kind == SPIN_SQL_TEXT || r->values[i].kind == SPIN_SQL_BLOB)
      free((void *)r->values[i].text);
  free(r->columns);
  free(r->values);
  memset(r, 0, sizeof *r);
}

void spin_sqlite_close(spin_sqlite db) { spin__sql_drop((int32_t)db); }
