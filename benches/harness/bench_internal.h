/* bench_internal.h: what the C++ wrapper and the C runner of the harness say to each other.
 * Not for bench files: they use bench.h only. */
#ifndef IDIOM_BENCH_INTERNAL_H
#define IDIOM_BENCH_INTERNAL_H

#include "bench.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One repetition of one benchmark, as Google Benchmark measured it. */
typedef struct bench__sample {
    const char *name;            /* <comparison>/<variant>/<x>, as registered */
    int failed;                  /* bench_fail was called: no time to report */
    const char *message;         /* the failure message, or "" */
    int64_t iterations;          /* iterations timed */
    double real_seconds;         /* wall time over all iterations */
    double cpu_seconds;          /* thread CPU time over all iterations */
    size_t n_counters;
    const char *const *counter_names;  /* bench_set_counter names, with "items" among them */
    const double *counter_values;
} bench__sample;

/* Receives every repetition of one benchmark once all of them have run. */
typedef void bench__sink(const bench__sample *samples, size_t n_samples, void *ctx);
/* Called as each measurement starts; lets the runner show that a long run is alive. */
typedef void bench__heartbeat(const char *name, void *ctx);

/* Register <name> to run fn(st, arg) with bench_x() == x. Returns 0, or -1 if out of memory. */
int bench__register(const char *name, bench_fn *fn, const void *arg, double x);

/* Parse Google Benchmark's flags from argv and run what is registered. Returns 2 if a flag is
 * unknown or its value malformed (nothing is run), otherwise 0. */
int bench__run(int argc, char **argv, bench__sink *sink, bench__heartbeat *heartbeat, void *ctx);

#ifdef __cplusplus
}
#endif

#endif /* IDIOM_BENCH_INTERNAL_H */
