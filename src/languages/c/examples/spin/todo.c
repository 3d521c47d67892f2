// A small to-do JSON API on Spin's SQLite (sqlite_databases = ["default"]):
//   GET /todos            → the list
//   POST /todos  {title}  → creates one (the body is the title, or JSON {"title": "…"})
//   DELETE /todos/<id>    → deletes one
#include <spin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(spin_response *res, int status, const char *what) {
  spin_response_status(res, status);
  spin_response_header(res, "content-type", "application/json");
  spin_response_printf(res, "{\"error\": \"%s: %s\"}\n", what, spin_error());
}

/** The title from {"title": "…"} or the raw body. */
static char *title_of(const spin_request *req) {
  const char *body = (const char *)req->body;
  const char *t = strstr(body, "\"title\"");
  if (!t) return strdup(body);
  t = strchr(t + 7, '"');
  if (!t) return strdup("");
  const char *end = strchr(t + 1, '"');
  return strndup(t + 1, end ? (size_t)(end - t - 1) : strlen(t + 1));
}

static void json_string(spin_response *res, const char *s) {
  spin_response_puts(res, "\"");
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') spin_response_printf(res, "\\%c", *s);
    else if ((unsigned char)*s < 0x20) spin_response_printf(res, "\\u%04x", *s);
    else spin_response_write(res, s, 1);
  }
  spin_response_puts(res, "\"");
}

void spin_handle(const spin_request *req, spin_response *res) {
  spin_sqlite db;
  if (spin_sqlite_open("default", &db) != SPIN_OK) return fail(res, 500, "sqlite");
  if (spin_sqlite_execute(db, "CREATE TABLE IF NOT EXISTS todos (id INTEGER PRIMARY KEY, title TEXT NOT NULL, done INTEGER DEFAULT 0)", NULL, 0, NULL) != SPIN_OK)
    return fail(res, 500, "create");
  spin_response_header(res, "content-type", "application/json");
  if (strcmp(req->method, "POST") == 0) {
    char *title = title_of(req);
    spin_sql_value p[] = {spin_sql_text(title)};
    spin_sql_result r;
    int s = spin_sqlite_execute(db, "INSERT INTO todos (title) VALUES (?) RETURNING id", p, 1, &r);
    free(title);
    if (s != SPIN_OK) return fail(res, 400, "insert");
    spin_response_status(res, 201);
    spin_response_printf(res, "{\"id\": %lld}\n", (long long)spin_sql_cell(&r, 0, 0)->integer);
    spin_sql_result_free(&r);
  } else if (strcmp(req->method, "DELETE") == 0 && strncmp(req->path, "/todos/", 7) == 0) {
    spin_sql_value p[] = {spin_sql_int(atoll(req->path + 7))};
    if (spin_sqlite_execute(db, "DELETE FROM todos WHERE id = ?", p, 1, NULL) != SPIN_OK)
      return fail(res, 500, "delete");
    spin_response_status(res, 204);
  } else {
    spin_sql_result r;
    if (spin_sqlite_execute(db, "SELECT id, title, done FROM todos ORDER BY id", NULL, 0, &r) != SPIN_OK)
      return fail(res, 500, "select");
    spin_response_puts(res, "[");
    for (size_t i = 0; i < r.row_count; i++) {
      spin_response_printf(res, "%s{\"id\": %lld, \"title\": ", i ? ", " : "",
                           (long long)spin_sql_cell(&r, i, 0)->integer);
      json_string(res, spin_sql_cell(&r, i, 1)->text);
      spin_response_printf(res, ", \"done\": %s}", spin_sql_cell(&r, i, 2)->integer ? "true" : "false");
    }
    spin_response_puts(res, "]\n");
    spin_sql_result_free(&r);
  }
  spin_sqlite_close(db);
}
