// Default-deny: this component asks for a key-value store and a database that spin.toml does
// not grant. Spin's host answers with its own errors ("access-denied"), not a trap: the
// component decides what to do. Grant them in spin.toml (key_value_stores = ["default"],
// sqlite_databases = ["default"]) and Run again to see them open.
#include <spin.h>

void spin_handle(const spin_request *req, spin_response *res) {
  (void)req;
  spin_kv_store store;
  spin_sqlite db;
  spin_response_header(res, "content-type", "text/plain");
  if (spin_kv_open("default", &store) == SPIN_OK) spin_response_puts(res, "key-value: opened\n");
  else spin_response_printf(res, "key-value \"default\": %s\n", spin_error());
  if (spin_sqlite_open("default", &db) == SPIN_OK) spin_response_puts(res, "sqlite: opened\n");
  else spin_response_printf(res, "sqlite \"default\": %s\n", spin_error());
}
