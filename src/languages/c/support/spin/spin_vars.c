/* spin.h's variables: fermyon:spin/variables@2.0.0, canonical ABI by hand. */
#include "spin_abi.h"

SPIN_IMPORT("fermyon:spin/variables@2.0.0", "get")
void spin__var_get(const char *name, size_t len, spin_ret *r);

int spin_variable_get(const char *name, char **value) {
  spin_ret r;
  spin__var_get(name, strlen(name), &r);
  *value = NULL;
  if (RET_U8(r, 0) == 0) {
    char *p = (char *)(uintptr_t)RET_I32(r, 4);
    *value = spin__strndup(p, (size_t)RET_I32(r, 8));
    free(p);
    return SPIN_OK;
  }
  static const char *const names[] = {"invalid-name", "undefined", "provider", "other"};
  uint8_t e = RET_U8(r, 4);
  char *msg = (char *)(uintptr_t)RET_I32(r, 8);
  spin__error(names[e & 3], msg, (size_t)RET_I32(r, 12));
  free(msg);
  return SPIN_VAR_INVALID_NAME + (e & 3);
}
