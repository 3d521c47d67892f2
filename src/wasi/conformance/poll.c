#include "common.h"
// poll_oneoff with clocks: the earlier fires first (relative and absolute clocks).
int main(void) {
  __wasi_event_t ev[4];
  __wasi_size_t n;
  // Two clocks, nothing else: the earlier (20 ms) fires first; the later one does not.
  __wasi_timestamp_t t0, t1;
  __wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t0);
  __wasi_subscription_t c[2] = {0};
  c[0].userdata = 10; c[0].u.tag = __WASI_EVENTTYPE_CLOCK; c[0].u.u.clock.id = __WASI_CLOCKID_MONOTONIC; c[0].u.u.clock.timeout = 20000000ULL;
  c[1].userdata = 11; c[1].u.tag = __WASI_EVENTTYPE_CLOCK; c[1].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
  c[1].u.u.clock.timeout = t0 + 5000000000ULL; c[1].u.u.clock.flags = __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME;
  T(__wasi_poll_oneoff(c, ev, 2, &n));
  __wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t1);
  printf("clock events %u first %llu, slept >= 20 ms: %d, < 2 s: %d\n", (unsigned)n, (unsigned long long)ev[0].userdata,
         t1 - t0 >= 20000000ULL, t1 - t0 < 2000000000ULL);
  T(__wasi_poll_oneoff(c, ev, 0, &n));
  return 0;
}
