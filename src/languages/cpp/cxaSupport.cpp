// The C++ exception runtime, linked into every C++ program (built with -fwasm-exceptions).
//
// This toolchain's libc++abi was built without exceptions and it ships no libunwind, so the
// entry points that compiled `throw`/`catch` code calls are ours: allocation, throw, the
// catch bookkeeping, rethrow, exception_ptr's primitives, and the personality routine that reads
// a function's call-site table (LSDA) in the landing pad. WebAssembly unwinds the stack itself
// (the `throw` instruction with the `__cpp_exception` tag): there is no search phase, so a landing
// pad asks `_Unwind_CallPersonality` whether one of its catch clauses takes the exception, and
// rethrows when none does. Type matching uses libc++abi's own type_info objects (can_catch), so
// catch by base class, by pointer and `catch (...)` follow the ABI exactly.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <stdexcept>
#include <typeinfo>

// The tag that `throw` and `catch` name (emscripten defines it the same way, in assembly).
__asm__(".globl __cpp_exception\n.tagtype __cpp_exception i32\n__cpp_exception:\n");

namespace __cxxabiv1 {
// libc++abi's base of every type_info object: its vtable after std::type_info's destructor.
class __shim_type_info : public std::type_info {
 public:
  ~__shim_type_info() override;
  virtual void noop1() const;
  virtual void noop2() const;
  virtual bool can_catch(const __shim_type_info *thrown, void *&adjusted) const = 0;
};
}  // namespace __cxxabiv1

namespace {
using Shim = __cxxabiv1::__shim_type_info;

struct UnwindException {  // the ABI's _Unwind_Exception: what the `throw` instruction carries
  uint64_t exception_class;
  void (*cleanup)(int, UnwindException *);
  uintptr_t private1, private2;
};

constexpr uint64_t kPrimary = 0x434C4E47432B2B00ull;    // "CLNGC++\0", libc++abi's class
constexpr uint64_t kDependent = 0x434C4E47432B2B01ull;  // a rethrow of an exception_ptr

// Our header, immediately before the thrown object (which is 16-byte aligned).
struct alignas(16) Header {
  std::type_info *type;
  void *(*destructor)(void *);  // a destructor returns `this` on wasm
  Header *nextCaught;
  int handlerCount;  // < 0 while rethrown
  int refCount;      // exception_ptr copies + the throw itself
  void *adjusted;    // what the matching catch clause receives
  void *primary;     // the thrown object (for a dependent header: the primary's object)
  UnwindException unwind;
};

Header *caughtStack = nullptr;
unsigned uncaughtCount = 0;
Header *lastThrown = nullptr;  // the newest exception in flight, while one is

Header *headerOfObject(void *obj) { return static_cast<Header *>(obj) - 1; }
Header *headerOfUnwind(void *u) {
  return reinterpret_cast<Header *>(static_cast<char *>(u) - offsetof(Header, unwind));
}
Header *primaryOf(Header *h) { return headerOfObject(h->primary); }

void destroyPrimary(Header *h) {
  if (h->destructor) h->destructor(h->primary);
  std::free(h);
}

char *demangle(const char *name);

// What a terminating program prints, as libstdc++'s verbose terminate handler does.
[[noreturn]] void terminateWith(Header *h) {
  std::fflush(stdout);
  if (!h) {
    std::fputs("terminate called without an active exception\n", stderr);
  } else {
    Header *p = primaryOf(h);
    char *name = demangle(p->type->name());
    std::fprintf(stderr, "terminate called after throwing an instance of '%s'\n",
                 name ? name : p->type->name());
    std::free(name);
    void *obj = p->primary;
    const Shim *base = static_cast<const Shim *>(&typeid(std::exception));
    if (base->can_catch(static_cast<const Shim *>(p->type), obj))
      std::fprintf(stderr, "  what():  %s\n", static_cast<std::exception *>(obj)->what());
  }
  std::fflush(stderr);
  std::abort();
}

// A terminate pad (a `noexcept` function that throws) may call std::terminate without catching.
void terminateHandler() {
  terminateWith(caughtStack ? caughtStack : uncaughtCount ? lastThrown : nullptr);
}

[[noreturn]] void raise(Header *h) {
  ++uncaughtCount;
  lastThrown = h;
  __builtin_wasm_throw(0, &h->unwind);
}

// ---- The LSDA (the call-site table clang emits for WebAssembly, as for SjLj) ----
/** A LEB128 number; a signed one is sign-extended from its last byte. */
uintptr_t readLEB(const uint8_t *&p, bool isSigned) {
  uintptr_t v = 0;
  unsigned shift = 0;
  uint8_t b;
  do {
    b = *p++;
    v |= uintptr_t(b & 0x7f) << shift;
    shift += 7;
  } while (b & 0x80);
  if (isSigned && shift < sizeof(v) * 8 && (b & 0x40)) v |= ~uintptr_t(0) << shift;
  return v;
}
uintptr_t readULEB(const uint8_t *&p) { return readLEB(p, false); }
intptr_t readSLEB(const uint8_t *&p) { return intptr_t(readLEB(p, true)); }

constexpr uint8_t DW_EH_PE_omit = 0xff;

uintptr_t readEncoded(const uint8_t *&p, uint8_t encoding) {
  uintptr_t v;
  switch (encoding & 0x0f) {
    case 0x01:  // uleb128
      return readULEB(p);
    case 0x09:  // sleb128
      return uintptr_t(readSLEB(p));
    case 0x02:  // udata2
    case 0x0a: {
      uint16_t x;
      std::memcpy(&x, p, 2);
      p += 2;
      return x;
    }
    default:  // absptr, udata4, sdata4: 32-bit on wasm32
      std::memcpy(&v, p, sizeof(v));
      p += sizeof(v);
      return v;
  }
}

size_t encodedSize(uint8_t encoding) {
  switch (encoding & 0x0f) {
    case 0x02:
    case 0x0a:
      return 2;
    case 0x04:
    case 0x0c:
      return 8;
    default:
      return sizeof(uintptr_t);
  }
}

const std::type_info *catchTypeAt(intptr_t index, const uint8_t *classInfo, uint8_t encoding) {
  const uint8_t *p = classInfo - index * encodedSize(encoding);
  return reinterpret_cast<const std::type_info *>(readEncoded(p, encoding));
}

bool canCatch(const std::type_info *catchType, Header *h, void *&adjusted) {
  Header *p = primaryOf(h);
  adjusted = p->primary;
  if (!catchType) return true;  // catch (...)
  return static_cast<const Shim *>(catchType)->can_catch(static_cast<const Shim *>(p->type),
                                                        adjusted);
}

/** A dynamic exception specification lets the exception through unless one of its types takes it. */
bool violatesSpec(intptr_t filter, const uint8_t *classInfo, uint8_t encoding, Header *h) {
  const uint8_t *p = classInfo + (-filter - 1);
  for (uintptr_t index; (index = readULEB(p)) != 0;) {
    void *ignored;
    if (canCatch(catchTypeAt(intptr_t(index), classInfo, encoding), h, ignored)) return false;
  }
  return true;
}
}  // namespace

extern "C" {
// The compiler's channel to the personality: the landing pad writes the first two fields.
struct LandingPadContext {
  uintptr_t lpadIndex;
  uintptr_t lsda;
  uintptr_t selector;
} __wasm_lpad_context;

enum { URC_HANDLER_FOUND = 6, URC_CONTINUE_UNWIND = 8 };

/** Called in a landing pad: which of its clauses (selector > 0) takes the exception, if any. */
int _Unwind_CallPersonality(void *exception) {
  __wasm_lpad_context.selector = 0;
  auto *u = static_cast<UnwindException *>(exception);
  if (!u || (u->exception_class != kPrimary && u->exception_class != kDependent))
    return URC_CONTINUE_UNWIND;
  Header *h = headerOfUnwind(u);
  const uint8_t *lsda = reinterpret_cast<const uint8_t *>(__wasm_lpad_context.lsda);
  if (!lsda) return URC_CONTINUE_UNWIND;
  uint8_t lpStartEncoding = *lsda++;
  if (lpStartEncoding != DW_EH_PE_omit) readEncoded(lsda, lpStartEncoding);
  uint8_t ttypeEncoding = *lsda++;
  const uint8_t *classInfo = nullptr;
  if (ttypeEncoding != DW_EH_PE_omit) {
    uintptr_t offset = readULEB(lsda);
    classInfo = lsda + offset;
  }
  ++lsda;  // the call-site encoding: always uleb128 here
  uintptr_t tableLength = readULEB(lsda);
  const uint8_t *site = lsda;
  const uint8_t *actions = lsda + tableLength;
  // The landing pad index is the 0-based index of its entry in the call-site table.
  uintptr_t actionEntry = 0;
  for (uintptr_t i = 0; site < actions; ++i) {
    readULEB(site);  // the landing pad (unused: the pad asking is the one running)
    uintptr_t entry = readULEB(site);
    if (i == __wasm_lpad_context.lpadIndex) {
      actionEntry = entry;
      break;
    }
  }
  if (actionEntry == 0) return URC_CONTINUE_UNWIND;  // cleanups only
  const uint8_t *action = actions + actionEntry - 1;
  for (;;) {
    intptr_t filter = readSLEB(action);
    const uint8_t *next = action;
    intptr_t offset = readSLEB(next);
    void *adjusted = nullptr;
    if (filter > 0 && canCatch(catchTypeAt(filter, classInfo, ttypeEncoding), h, adjusted)) {
      h->adjusted = adjusted;
      __wasm_lpad_context.selector = uintptr_t(filter);
      return URC_HANDLER_FOUND;
    }
    if (filter < 0 && violatesSpec(filter, classInfo, ttypeEncoding, h)) {
      h->adjusted = primaryOf(h)->primary;
      __wasm_lpad_context.selector = uintptr_t(filter);
      return URC_HANDLER_FOUND;
    }
    if (offset == 0) return URC_CONTINUE_UNWIND;
    action += offset;
  }
}

void *__cxa_allocate_exception(size_t size) noexcept {
  auto *h = static_cast<Header *>(std::aligned_alloc(alignof(Header), sizeof(Header) + size));
  if (!h) terminateWith(nullptr);
  std::memset(h, 0, sizeof(Header) + size);
  return h + 1;
}

void __cxa_free_exception(void *obj) noexcept { std::free(headerOfObject(obj)); }

__cxxabiv1::__cxa_exception *__cxa_init_primary_exception(void *obj, std::type_info *type,
                                                          void *(*destructor)(void *)) noexcept {
  Header *h = headerOfObject(obj);
  h->type = type;
  h->destructor = destructor;
  h->primary = obj;
  h->refCount = 0;
  h->unwind.exception_class = kPrimary;
  return reinterpret_cast<__cxxabiv1::__cxa_exception *>(h);
}

[[noreturn]] void __cxa_throw(void *obj, std::type_info *type, void *(*destructor)(void *)) {
  Header *h = reinterpret_cast<Header *>(__cxa_init_primary_exception(obj, type, destructor));
  h->refCount = 1;
  raise(h);
}

void *__cxa_get_exception_ptr(void *unwind) noexcept { return headerOfUnwind(unwind)->adjusted; }

void *__cxa_begin_catch(void *unwind) noexcept {
  if (!unwind) return nullptr;
  Header *h = headerOfUnwind(unwind);
  h->handlerCount = (h->handlerCount < 0 ? -h->handlerCount : h->handlerCount) + 1;
  if (h != caughtStack) {
    h->nextCaught = caughtStack;
    caughtStack = h;
  }
  if (uncaughtCount) --uncaughtCount;
  return h->adjusted;
}

void __cxa_decrement_exception_refcount(void *obj) noexcept;

void __cxa_end_catch() {
  Header *h = caughtStack;
  if (!h) return;
  if (h->handlerCount < 0) {  // rethrown: it lives on, in flight
    if (++h->handlerCount == 0) caughtStack = h->nextCaught;
    return;
  }
  if (--h->handlerCount == 0) {
    caughtStack = h->nextCaught;
    if (h->unwind.exception_class == kDependent) {
      void *primary = h->primary;
      std::free(h);
      __cxa_decrement_exception_refcount(primary);
    } else {
      __cxa_decrement_exception_refcount(h->primary);
    }
  }
}

[[noreturn]] void __cxa_rethrow() {
  Header *h = caughtStack;
  if (!h) terminateWith(nullptr);
  h->handlerCount = -h->handlerCount;
  raise(h);
}

std::type_info *__cxa_current_exception_type() noexcept {
  return caughtStack ? primaryOf(caughtStack)->type : nullptr;
}

unsigned __cxa_uncaught_exceptions() noexcept { return uncaughtCount; }
bool __cxa_uncaught_exception() noexcept { return uncaughtCount != 0; }

// exception_ptr (libc++'s exception.cpp calls these) and std::make_exception_ptr.
void __cxa_increment_exception_refcount(void *obj) noexcept {
  if (obj) ++headerOfObject(obj)->refCount;
}

void __cxa_decrement_exception_refcount(void *obj) noexcept {
  if (obj && --headerOfObject(obj)->refCount == 0) destroyPrimary(headerOfObject(obj));
}

void *__cxa_current_primary_exception() noexcept {
  if (!caughtStack) return nullptr;
  void *obj = caughtStack->primary;
  __cxa_increment_exception_refcount(obj);
  return obj;
}

void __cxa_rethrow_primary_exception(void *obj) {
  if (!obj) return;
  Header *primary = headerOfObject(obj);
  auto *d = static_cast<Header *>(std::aligned_alloc(alignof(Header), sizeof(Header)));
  if (!d) terminateWith(nullptr);
  std::memset(d, 0, sizeof(Header));
  d->type = primary->type;
  d->primary = obj;
  d->unwind.exception_class = kDependent;
  __cxa_increment_exception_refcount(obj);
  raise(d);
}

[[noreturn]] void __cxa_call_unexpected(void *unwind) {
  __cxa_begin_catch(unwind);
  terminateWith(caughtStack);
}

// A program whose exception no handler takes ends as a native one does: the message, then abort.
int __real___main_void(void);
int __wrap___main_void(void) {
  try {
    return __real___main_void();
  } catch (...) {
    terminateWith(caughtStack);
  }
}

char *__cxa_demangle(const char *mangled, char *buf, size_t *len, int *status);
}

namespace {
char *demangle(const char *name) {
  int status = 0;
  char *out = __cxa_demangle(name, nullptr, nullptr, &status);
  return status == 0 ? out : nullptr;
}

// Without this, std::terminate (a `noexcept` function that throws, a throw in a destructor during
// unwinding) would abort in silence: libc++abi's handler was built for a library without exceptions.
[[gnu::constructor]] void installTerminateHandler() { std::set_terminate(terminateHandler); }
}  // namespace
