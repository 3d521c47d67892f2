// A Spin HTTP component in C: spin.h's spin_handle() answers each request in a fresh
// instance, as Spin's HTTP trigger runs it (wasi:http/incoming-handler@0.2.0).
#include <spin.h>

void spin_handle(const spin_request *req, spin_response *res) {
  const char *agent = spin_request_header(req, "user-agent");
  spin_response_header(res, "content-type", "text/plain; charset=utf-8");
  spin_response_printf(res, "Hello from a Spin component written in C!\n");
  spin_response_printf(res, "%s %s (path %s, query \"%s\")\n", req->method, req->uri, req->path,
                       req->query);
  spin_response_printf(res, "user-agent: %s\n", agent ? agent : "(none)");
}
