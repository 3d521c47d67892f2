// A Spin HTTP component in C++: spin.h is a C API, usable as is (extern "C"). Notes kept in
// Spin's key-value store ("default", granted by spin.toml), one key per note; bad input is an
// exception, caught and answered 400.
//   GET /notes          → every note
//   PUT /notes/<name>   → stores the body under <name>
//   DELETE /notes/<name>
#include <cctype>
#include <cstdlib>
#include <map>
#include <spin.h>
#include <stdexcept>
#include <string>

namespace {

struct Store {
  spin_kv_store handle{};
  Store() {
    if (spin_kv_open("default", &handle) != SPIN_OK)
      throw std::runtime_error(std::string("key-value: ") + spin_error());
  }
  ~Store() { spin_kv_close(handle); }

  std::map<std::string, std::string> all() const {
    char **keys = nullptr;
    size_t n = 0;
    if (spin_kv_get_keys(handle, &keys, &n) != SPIN_OK) throw std::runtime_error(spin_error());
    std::map<std::string, std::string> notes;
    for (size_t i = 0; i < n; i++) {
      uint8_t *value = nullptr;
      size_t len = 0;
      spin_kv_get(handle, keys[i], &value, &len);
      notes[keys[i]] = std::string(reinterpret_cast<char *>(value), len);
      free(value);
    }
    spin_strings_free(keys, n);
    return notes;
  }
};

std::string note_name(const std::string &path) {
  const std::string prefix = "/notes/";
  if (path.rfind(prefix, 0) != 0 || path.size() == prefix.size())
    throw std::invalid_argument("use /notes/<name>");
  std::string name = path.substr(prefix.size());
  for (char c : name)
    if (!isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
      throw std::invalid_argument("a note's name is letters, digits, - and _");
  return name;
}

}  // namespace

extern "C" void spin_handle(const spin_request *req, spin_response *res) {
  spin_response_header(res, "content-type", "text/plain; charset=utf-8");
  const std::string method = req->method, path = req->path;
  try {
    Store store;
    if (method == "GET") {
      auto notes = store.all();
      spin_response_printf(res, "%zu note(s)\n", notes.size());
      for (const auto &[name, text] : notes)
        spin_response_printf(res, "- %s: %s\n", name.c_str(), text.c_str());
    } else if (method == "PUT") {
      std::string name = note_name(path);
      if (req->body_len == 0) throw std::invalid_argument("an empty note");
      if (spin_kv_set(store.handle, name.c_str(), req->body, req->body_len) != SPIN_OK)
        throw std::runtime_error(spin_error());
      spin_response_status(res, 201);
      spin_response_printf(res, "stored %s (%zu bytes)\n", name.c_str(), req->body_len);
    } else if (method == "DELETE") {
      spin_kv_delete(store.handle, note_name(path).c_str());
      spin_response_status(res, 204);
    } else {
      spin_response_status(res, 405);
    }
  } catch (const std::invalid_argument &e) {
    spin_response_status(res, 400);
    spin_response_printf(res, "bad request: %s\n", e.what());
  } catch (const std::exception &e) {
    spin_response_status(res, 500);
    spin_response_printf(res, "%s\n", e.what());
  }
}
