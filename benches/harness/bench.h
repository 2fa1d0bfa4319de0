/* bench.h: the C interface over Google Benchmark that every comparison is written against.
 * A comparison is one bench_comparison value named bench_this_comparison in benches/bm_<name>.c;
 * the harness's main() registers <comparison>/<variant>/<x> for each variant and swept value,
 * runs them with repetitions and random interleaving, and writes the CSVs. */
#ifndef IDIOM_BENCH_H
#define IDIOM_BENCH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Opaque handle on one running benchmark (wraps benchmark::State). */
typedef struct bench_state bench_state;

/* The body of one variant: set up, check the result, then time BENCH_LOOP. arg is the variant's arg. */
typedef void bench_fn(bench_state *st, const void *arg);

typedef struct bench_variant {
    const char *name;   /* as in the CSV column `variant` and the chart legend */
    bench_fn *run;      /* the benchmark body */
    const void *arg;    /* passed to run unchanged; lets one body serve several variants */
    double max_x;       /* skip swept values above this (a quadratic variant); 0 means no limit */
} bench_variant;

typedef struct bench_comparison {
    const char *name;                /* results/<name>.csv, plots/<name>.gp */
    const char *param;               /* what x is: "n", "pieces", "hit_ratio" */
    const char *about;               /* Markdown paragraph for the report: what is timed, inputs */
    const bench_variant *variants;
    size_t n_variants;
    const double *xs;                /* the full sweep, including the articles' own point */
    size_t n_xs;
    const double *quick_xs;          /* the reduced sweep of QUICK=1 and of the smoke tests */
    size_t n_quick_xs;
    const char *const *extra_counters; /* counters written as extra CSV columns, after the contract's */
    size_t n_extra_counters;
} bench_comparison;

/* Every bench file defines exactly this one symbol. */
extern const bench_comparison bench_this_comparison;

#define BENCH_COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* A comparison's variants, full sweep and QUICK sweep from three arrays, as designated initialisers:
 * `const bench_comparison bench_this_comparison = {..., BENCH_SWEEP(variants, sweep, quick_sweep)};` */
#define BENCH_SWEEP(variant_array, full_sweep, quick_sweep)                                        \
    .variants = (variant_array), .n_variants = BENCH_COUNT(variant_array), .xs = (full_sweep),      \
    .n_xs = BENCH_COUNT(full_sweep), .quick_xs = (quick_sweep), .n_quick_xs = BENCH_COUNT(quick_sweep)

/* Iterations to run now, or 0 when the measurement is over; see BENCH_LOOP. */
int64_t bench_batch(bench_state *st);

/* The timing loop: `BENCH_LOOP(st) { body }`. The body runs in plain C between crossings into
 * C++, so the loop costs what Google Benchmark's native range-for costs. The counting allocator
 * is off inside it, so each iteration must free what it allocates. Leave it only by bench_fail(),
 * never by `break` alone. */
#define BENCH_LOOP(st)                                                                     \
    for (int64_t bench__batch_ = 0; (bench__batch_ = bench_batch(st)) > 0;)                \
        for (int64_t bench__i_ = 0; bench__i_ < bench__batch_; bench__i_++)

/* The swept value x of this benchmark. */
double bench_x(const bench_state *st);
/* x as a count; x must be a non-negative whole number. */
size_t bench_x_count(const bench_state *st);
/* The seed every input generator of this run derives from (--idiom_seed). */
uint64_t bench_seed(void);
/* Iterations run so far (all of them, once the loop is over). */
int64_t bench_iterations(const bench_state *st);

/* Elements, lookups or pieces one iteration processes: the denominator of ns_per_item. */
void bench_set_items(bench_state *st, int64_t items_per_iteration);
/* A named per-iteration value reported beside the time (and as an extra CSV column if declared). */
void bench_set_counter(bench_state *st, const char *name, double value);
/* Stop the clock for work the article does not time; costly (two clock reads), so not per element. */
void bench_pause(bench_state *st);
void bench_resume(bench_state *st);
/* Mark this benchmark failed with a printf-style message naming what went wrong; no time is
 * reported for it and the run exits non-zero. Call it, then return (or leave BENCH_LOOP). */
void bench_fail(bench_state *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* True once bench_fail was called. */
int bench_failed(const bench_state *st);

/* Start counting heap use for one untimed, checked iteration; call just before it. */
void bench_memory_start(bench_state *st);
/* Report that iteration's peak_bytes and allocs, and fail if it did not free all it allocated. */
void bench_memory_stop(bench_state *st);

/* The compiler must assume the pointed-to memory is read and written here. */
static inline void bench_escape(const void *p) { __asm__ __volatile__("" : : "g"(p) : "memory"); }
/* The compiler must assume all memory is read and written here. */
static inline void bench_clobber(void) { __asm__ __volatile__("" : : : "memory"); }
/* Force a scalar's value to be computed into a register: it is "used" here and may have "changed". */
#define BENCH_KEEP(lvalue) __asm__ __volatile__("" : "+r"(lvalue) : : "memory")

/* Calibration: an empty-body loop written natively in C++ with `for (auto _ : state)`, whose body
 * runs x compiler barriers (as the C loop of bm_harness_overhead.c does). */
void bench_native_barrier_loop(bench_state *st, const void *arg);

#ifdef __cplusplus
}
#endif

#endif /* IDIOM_BENCH_H */
