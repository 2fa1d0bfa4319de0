/* bm_harness_overhead.c: the suite's calibration: what the timing loop itself costs, written
 * natively in C++ against Google Benchmark and through idiombench's C wrapper, in one run. */
#include "harness/bench.h"

/* The same body as bench_native_barrier_loop: one compiler barrier, then x more, so neither
 * compiler can delete the loop; the count of bodies run is checked against the iterations. */
static void c_wrapper_barrier_loop(bench_state *st, const void *arg) {
    (void)arg;
    const int64_t steps = (int64_t)bench_x(st);
    int64_t executed = 0;
    BENCH_LOOP(st) {
        bench_clobber();
        for (int64_t k = 0; k < steps; k++) bench_clobber();
        executed++;
    }
    if (executed != bench_iterations(st))
        bench_fail(st, "c_wrapper: body ran %lld times for %lld iterations", (long long)executed,
                   (long long)bench_iterations(st));
    bench_set_items(st, 1);
}

static const bench_variant variants[] = {
    {"native_cpp", bench_native_barrier_loop, NULL, 0},
    {"c_wrapper", c_wrapper_barrier_loop, NULL, 0},
};

/* x = barrier steps in the body besides the first: 0 is the bare loop, the calibration figure. */
static const double sweep[] = {0, 1, 16};

const bench_comparison bench_this_comparison = {
    .name = "harness_overhead",
    .param = "n",
    .about = "The cost of one iteration of the timing loop with a body of one compiler barrier "
             "(zero instructions) plus n more, written natively in C++ (`for (auto _ : state)`) and "
             "through the C wrapper (`BENCH_LOOP`, which asks Google Benchmark for all iterations in "
             "one `KeepRunningBatch` and loops in C). Each body counts its runs, and the count must "
             "equal the iterations Google Benchmark timed. n = 0 is the calibration figure: every "
             "other comparison's time per iteration includes it once.",
    BENCH_SWEEP(variants, sweep, sweep),
};
