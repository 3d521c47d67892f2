// A greeting whose text is a Spin variable: [variables] in spin.toml declares it with a default,
// and [component.<id>.variables] hands it to this component. Set SPIN_VARIABLE_GREETING=… in Run
// settings' environment to override it, as `SPIN_VARIABLE_GREETING=… spin up` does.
#include <spin.h>
#include <stdlib.h>

void spin_handle(const spin_request *req, spin_response *res) {
  char *greeting, *key;
  if (spin_variable_get("greeting", &greeting) != SPIN_OK) {
    spin_response_status(res, 500);
    spin_response_printf(res, "variables: %s\n", spin_error());
    return;
  }
  // A secret: used, never shown.
  int has_key = spin_variable_get("api_key", &key) == SPIN_OK;
  spin_response_header(res, "content-type", "text/plain; charset=utf-8");
  spin_response_printf(res, "%s, %s! (api key: %s)\n", greeting,
                       req->query[0] ? req->query : "world", has_key ? "set" : "not set");
  free(greeting);
  if (has_key) free(key);
}
