// Outbound HTTP: fetches a URL and answers with what came back. spin.toml's
// allowed_outbound_hosts lists the hosts it may call; any other is refused by the host
// (HttpRequestDenied) before a byte leaves. Try /?url=http://denied.example/ too.
// (In the browser the other server must also allow this page's origin: CORS.)
#include <spin.h>
#include <stdlib.h>
#include <string.h>

void spin_handle(const spin_request *req, spin_response *res) {
  const char *url = strncmp(req->query, "url=", 4) == 0 ? req->query + 4 : NULL;
  char self[256];
  if (!url) {
    // By default: this playground's own page (the page's origin is in the Host header).
    const char *host = spin_request_header(req, "host");
    strcpy(self, "http://");
    strncat(self, host ? host : "localhost", 200);
    strcat(self, "/manifest.webmanifest");
    url = self;
  }
  spin_http_response out;
  int s = spin_http_send("GET", url, NULL, 0, NULL, 0, &out);
  spin_response_header(res, "content-type", "text/plain; charset=utf-8");
  if (s != SPIN_OK) {
    spin_response_status(res, s == SPIN_HTTP_REQUEST_DENIED ? 403 : 502);
    spin_response_printf(res, "GET %s failed: %s\n", url, spin_error());
    return;
  }
  spin_response_printf(res, "GET %s → %d, %zu bytes\n\n", url, out.status, out.body_len);
  spin_response_write(res, out.body, out.body_len > 2000 ? 2000 : out.body_len);
  spin_http_response_free(&out);
}
