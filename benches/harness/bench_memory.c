/* bench_memory.c: turns the counting allocator's figures for one checked iteration into the
 * peak_bytes and allocs counters. */
#include "bench.h"
#include "memcount.h"

void bench_memory_start(bench_state *st) {
    (void)st;
    memcount_mark();
}

/* The checked run is one iteration, so its peak and allocation count are one iteration's. It must
 * free exactly what it allocated: the timed loop runs with counting off on that promise. */
void bench_memory_stop(bench_state *st) {
    const size_t live = memcount_live_bytes(), at_mark = memcount_live_at_mark();
    if (live != at_mark)
        bench_fail(st, "one iteration %s %zu bytes: iterations must free exactly what they allocate",
                   live > at_mark ? "leaked" : "freed memory it did not allocate,",
                   live > at_mark ? live - at_mark : at_mark - live);
    bench_set_counter(st, "peak_bytes", (double)memcount_peak_since_mark());
    bench_set_counter(st, "allocs", (double)memcount_allocs_since_mark());
}
