/* bench_internal.h: what the parts of the harness say to each other: the C++ wrapper over Google
 * Benchmark, the case lifecycle, the sweep and pair runners and main(). Not for bench files. */
#ifndef IDIOM_BENCH_INTERNAL_H
#define IDIOM_BENCH_INTERNAL_H

#include "bench.h"

#ifdef __cplusplus
extern "C" {
#endif

/* --- the case lifecycle (cases.c) --- */

#define BENCH_MAX_COUNTERS 8 /* named figures one case's checked run may set */

struct bench_case {
    const bench_comparison *cmp;
    const bench_variant *variant;
    double x;
    void *state;                  /* what setup returned */
    bench_run_fn *run;            /* the lifecycle, resolved from variant and comparison */
    bench_check_fn *check;
    bench_release_fn *release;
    bench_teardown_fn *teardown;
    int64_t items;                /* per iteration */
    int failed;
    char message[512];            /* why it failed */
    double peak_bytes;            /* of the checked run */
    double checked_seconds;       /* how long the checked run took: an upper bound on one iteration's time */
    double allocs;
    double working_set_bytes;     /* heap bytes live after setup plus the checked run's peak: what an
                                     iteration can touch (code, stack and static data aside) */
    size_t n_counters;
    const char *counter_names[BENCH_MAX_COUNTERS];
    double counter_values[BENCH_MAX_COUNTERS];
};

/* The case of variant v at x, set up and through its checked run on first use, then kept until
 * bench__cases_free. NULL only if out of memory; a case whose setup or check failed is returned
 * with failed set. */
bench_case *bench__case(const bench_comparison *cmp, size_t v, double x);
/* n timed iterations of c: run, then release, n times; then the allocator's work they deferred. 0,
 * or -1 with c failed. */
int bench__iterate(bench_case *c, int64_t n);
/* The same iterations without the allocator's deferred work after them: what an instruction count
 * counts, since that work's path through glibc's bins varies by some instructions from case to case
 * and a count is exact (two cases of the same code count the same). */
int bench__iterate_unsettled(bench_case *c, int64_t n);
/* The allocator's deferred work (glibc's unmerged small blocks) done now, by one large malloc and
 * free: what bench__iterate and the checked run end with, and what a count does before and after
 * its region, so that no count holds another case's frees. */
void bench__settle_allocator(void);
/* Tear down every case and forget them. */
void bench__cases_free(void);
/* The allocation-failure probe: each variant, in a forked child, set up and through its checked run
 * at the first x of the QUICK sweep it reaches, the k-th allocation request of that case failing,
 * and every one after it (k = 0: none), then torn down. Prints a line per variant: "ok, N
 * allocation requests", "FAILED: why", or "CRASHED" for a child that died or leaked. 0, with the
 * number of variants whose case failed in *failed; -1 at the first that crashed. */
int bench__probe_alloc_failure(const bench_comparison *cmp, uint64_t k, size_t *failed);
/* The variant of cmp called name, or -1. */
long bench__variant_index(const bench_comparison *cmp, const char *name);

/* --- Google Benchmark (bench_wrapper.cc) --- */

/* Opaque handle on one running Google Benchmark measurement (wraps benchmark::State). */
typedef struct bench_state bench_state;

/* One repetition of one benchmark, as Google Benchmark measured it. */
typedef struct bench__sample {
    const char *name;            /* <comparison>/<variant>/<x>, as registered */
    int failed;                  /* the case failed: no time to report */
    const char *message;         /* the failure message, or "" */
    int64_t iterations;          /* iterations timed */
    double real_seconds;         /* wall time over all iterations */
    double cpu_seconds;          /* thread CPU time over all iterations */
    size_t n_counters;
    const char *const *counter_names;  /* counters, with "items" among them */
    const double *counter_values;
} bench__sample;

/* Receives every repetition of one benchmark once all of them have run. */
typedef void bench__sink(const bench__sample *samples, size_t n_samples, void *ctx);
/* Called as each measurement starts; lets the runner show that a long run is alive. */
typedef void bench__heartbeat(const char *name, void *ctx);
/* The body of one registered benchmark. */
typedef void bench__body(bench_state *st, const void *arg);

/* Register <name> to run body(st, arg), in `repetitions` repetitions (0: as --benchmark_repetitions
 * says). Returns 0, or -1 if out of memory. */
int bench__register(const char *name, bench__body *body, const void *arg, int repetitions);
/* Parse Google Benchmark's flags from argv and run what is registered. Returns 2 if a flag is
 * unknown or its value malformed (nothing is run), otherwise 0. */
int bench__run(int argc, char **argv, bench__sink *sink, bench__heartbeat *heartbeat, void *ctx);
/* Iterations to run now, or 0 when the measurement is over. */
int64_t bench__batch(bench_state *st);
/* Report the measurement failed with message; Google Benchmark then reports no time for it. */
void bench__state_fail(bench_state *st, const char *message);
/* A named per-iteration figure reported beside the time. */
void bench__state_counter(bench_state *st, const char *name, double value);
/* Items per iteration, the denominator of ns_per_item. */
void bench__state_items(bench_state *st, int64_t items_per_iteration);
/* Google Benchmark's native loop with a body of 1 + barriers compiler barriers (the calibration). */
void bench__native_barrier_loop(bench_state *st, int64_t barriers);

/* --- monotonic time and the x of a benchmark name (cases.c) --- */
double bench__now(void);
/* Format x as its benchmark name shows it: shortest decimal that reads back the same. */
void bench__format_x(double x, char *buffer, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* IDIOM_BENCH_INTERNAL_H */
