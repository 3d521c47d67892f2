/* spin.h's key-value: fermyon:spin/key-value@2.0.0, canonical ABI by hand. */
#include "spin_abi.h"

#define KV "fermyon:spin/key-value@2.0.0"
SPIN_IMPORT(KV, "[static]store.open") void spin__kv_open(const char *l, size_t n, spin_ret *r);
SPIN_IMPORT(KV, "[method]store.get")
void spin__kv_get(int32_t s, const char *k, size_t kn, spin_ret *r);
SPIN_IMPORT(KV, "[method]store.set")
void spin__kv_set(int32_t s, const char *k, size_t kn, const void *v, size_t vn, spin_ret *r);
SPIN_IMPORT(KV, "[method]store.delete")
void spin__kv_delete(int32_t s, const char *k, size_t kn, spin_ret *r);
SPIN_IMPORT(KV, "[method]store.exists")
void spin__kv_exists(int32_t s, const char *k, size_t kn, spin_ret *r);
SPIN_IMPORT(KV, "[method]store.get-keys") void spin__kv_keys(int32_t s, spin_ret *r);
SPIN_IMPORT(KV, "[resource-drop]store") void spin__kv_drop(int32_t s);

/* result<T, error>: error is the variant at offset 4, other(string) at 8. */
static int kv_status(spin_ret *r) {
  if (RET_U8(*r, 0) == 0) return SPIN_OK;
  static const char *const names[] = {"store-table-full", "no-such-store", "access-denied"};
  uint8_t e = RET_U8(*r, 4);
  if (e < 3) {
    spin__error(names[e], NULL, 0);
    return SPIN_KV_STORE_TABLE_FULL + e;
  }
  char *msg = (char *)(uintptr_t)RET_I32(*r, 8);
  spin__error("other", msg, (size_t)RET_I32(*r, 12));
  free(msg);
  return SPIN_KV_OTHER;
}

int spin_kv_open(const char *label, spin_kv_store *store) {
  spin_ret r;
  spin__kv_open(label, strlen(label), &r);
  int s = kv_status(&r);
  if (s == SPIN_OK) *store = (spin_kv_store)RET_I32(r, 4);
  return s;
}

int spin_kv_get(spin_kv_store store, const char *key, uint8_t **value, size_t *len) {
  spin_ret r;
  spin__kv_get((int32_t)store, key, strlen(key), &r);
  int s = kv_status(&r);
  *value = NULL;
  if (len) *len = 0;
  if (s == SPIN_OK && RET_U8(r, 4)) {
    uint8_t *p = (uint8_t *)(uintptr_t)RET_I32(r, 8);
    size_t n = (size_t)RET_I32(r, 12);
    *value = (uint8_t *)spin__strndup(p, n);
    free(p);
    if (len) *len = n;
  }
  return s;
}

int spin_kv_set(spin_kv_store store, const char *key, const void *value, size_t len) {
  spin_ret r;
  spin__kv_set((int32_t)store, key, strlen(key), value, len, &r);
  return kv_status(&r);
}

int spin_kv_delete(spin_kv_store store, const char *key) {
  spin_ret r;
  spin__kv_delete((int32_t)store, key, strlen(key), &r);
  return kv_status(&r);
}

int spin_kv_exists(spin_kv_store store, const char *key, bool *exists) {
  spin_ret r;
  spin__kv_exists((int32_t)store, key, strlen(key), &r);
  int s = kv_status(&r);
  *exists = s == SPIN_OK && RET_U8(r, 4);
  return s;
}

int spin_kv_get_keys(spin_kv_store store, char ***keys, size_t *count) {
  spin_ret r;
  spin__kv_keys((int32_t)store, &r);
  int s = kv_status(&r);
  *keys = NULL;
  *count = 0;
  if (s != SPIN_OK) return s;
  uint32_t *list = (uint32_t *)(uintptr_t)RET_I32(r, 4);
  size_t n = (size_t)RET_I32(r, 8);
  char **out = calloc(n + 1, sizeof *out);
  for (size_t i = 0; i < n; i++) {
    out[i] = spin__strndup((void *)(uintptr_t)list[2 * i], list[2 * i + 1]);
    free((void *)(uintptr_t)list[2 * i]);
  }
  free(list);
  *keys = out;
  *count = n;
  return s;
}

void spin_kv_close(spin_kv_store store) { spin__kv_drop((int32_t)store); }

void spin_strings_free(char **strings, size_t count) {
  for (size_t i = 0; i < count; i++) free(strings[i]);
  free(strings);
}
