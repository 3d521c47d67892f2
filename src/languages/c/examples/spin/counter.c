// A visit counter in Spin's key-value store. spin.toml grants the "default" store
// (key_value_stores); every request is a fresh instance, so the count lives in the store.
// The Data panel shows the entry; it survives a reload.
#include <spin.h>
#include <stdio.h>
#include <stdlib.h>

void spin_handle(const spin_request *req, spin_response *res) {
  spin_kv_store store;
  if (spin_kv_open("default", &store) != SPIN_OK) {
    spin_response_status(res, 500);
    spin_response_printf(res, "key-value: %s\n", spin_error());
    return;
  }
  uint8_t *value;
  spin_kv_get(store, "visits", &value, NULL);
  long visits = value ? atol((const char *)value) + 1 : 1;
  free(value);
  char text[24];
  int n = snprintf(text, sizeof text, "%ld", visits);
  if (spin_kv_set(store, "visits", text, (size_t)n) != SPIN_OK) {
    spin_response_status(res, 500);
    spin_response_printf(res, "key-value: %s\n", spin_error());
    return;
  }
  spin_kv_close(store);
  spin_response_header(res, "content-type", "text/plain");
  spin_response_printf(res, "visit %ld (%s %s)\n", visits, req->method, req->uri);
}
