// Linked into every C++ program: this toolchain's libc++abi has no exception runtime, so a
// `throw` would not link. Here a throw reports what was thrown, like std::terminate does, and aborts.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>
#include <stdexcept>
#include <typeinfo>

namespace {
template <class T> bool print_what(void *obj, const std::type_info *t) {
  if (*t != typeid(T)) return false;
  std::fprintf(stderr, ": %s", static_cast<T *>(obj)->what());
  return true;
}
}  // namespace

extern "C" {
// Declared here rather than through <cxxabi.h>, whose __cxa_throw would clash with ours.
char *__cxa_demangle(const char *mangled, char *buf, size_t *len, int *status);

void *__cxa_allocate_exception(size_t size) noexcept {
  void *p = std::calloc(1, size);
  if (!p) std::abort();
  return p;
}

void __cxa_free_exception(void *p) noexcept { std::free(p); }

[[noreturn]] void __cxa_throw(void *obj, std::type_info *tinfo, void *(*)(void *)) {
  int status = 0;
  char *name = __cxa_demangle(tinfo->name(), nullptr, nullptr, &status);
  std::fflush(stdout);
  std::fprintf(stderr, "terminate called after throwing an instance of '%s'", status == 0 && name ? name : tinfo->name());
  print_what<std::out_of_range>(obj, tinfo) || print_what<std::invalid_argument>(obj, tinfo) ||
      print_what<std::length_error>(obj, tinfo) || print_what<std::domain_error>(obj, tinfo) ||
      print_what<std::logic_error>(obj, tinfo) || print_what<std::range_error>(obj, tinfo) ||
      print_what<std::overflow_error>(obj, tinfo) || print_what<std::underflow_error>(obj, tinfo) ||
      print_what<std::runtime_error>(obj, tinfo) || print_what<std::bad_alloc>(obj, tinfo) ||
      print_what<std::exception>(obj, tinfo);
  std::fprintf(stderr, "\n");
  std::abort();
}
}
