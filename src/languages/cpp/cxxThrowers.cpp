// Linked into every C++ program beside cxaSupport.cpp (built with -fwasm-exceptions): the parts
// of libc++abi and libc++ that this toolchain built to abort, made to throw as the standard says.
#include <cstddef>
#include <cstdlib>
#include <new>
#include <stdexcept>
#include <typeinfo>

extern "C" {
// libc++abi's runtime helpers: thrown, as the ABI says, instead of aborting.
[[noreturn]] void __cxa_bad_cast() { throw std::bad_cast(); }
[[noreturn]] void __cxa_bad_typeid() { throw std::bad_typeid(); }
[[noreturn]] void __cxa_throw_bad_array_new_length() { throw std::bad_array_new_length(); }
}

// The parts of libc++ that were compiled into the library (not the headers) throw through these
// weak functions; these strong ones replace the library's aborting copies, so std::stoi("x") and
// std::string::at() throw as the standard says. The names carry libc++'s ABI tag for a library
// built without exceptions: hardening mode, assertion semantic, "n" (no exceptions), version.
#define PG_STR2(x) #x
#define PG_STR(x) PG_STR2(x)
#define PG_TAG \
  "B9" PG_STR(_LIBCPP_HARDENING_SIG) PG_STR(_LIBCPP_ASSERTION_SEMANTIC_SIG) "n" PG_STR(_LIBCPP_VERSION)
#define PG_THROWER(name, mangled, type)                                         \
  [[noreturn]] void name(const char *) __asm__("_ZNSt3__2" mangled PG_TAG "EPKc"); \
  void name(const char *what) { throw type(what); }
PG_THROWER(pgThrowLengthError, "20__throw_length_error", std::length_error)
PG_THROWER(pgThrowOutOfRange, "20__throw_out_of_range", std::out_of_range)
PG_THROWER(pgThrowInvalidArgument, "24__throw_invalid_argument", std::invalid_argument)
PG_THROWER(pgThrowOverflowError, "22__throw_overflow_error", std::overflow_error)

[[noreturn]] void pgThrowBadArrayNewLength() __asm__("_ZSt28__throw_bad_array_new_length" PG_TAG "v");
void pgThrowBadArrayNewLength() { throw std::bad_array_new_length(); }

// operator new throws std::bad_alloc (libc++'s replaceable one was built to abort).
void *operator new(size_t size) {
  if (size == 0) size = 1;
  for (;;) {
    if (void *p = std::malloc(size)) return p;
    std::new_handler handler = std::get_new_handler();
    if (!handler) throw std::bad_alloc();
    handler();
  }
}
void *operator new[](size_t size) { return ::operator new(size); }
