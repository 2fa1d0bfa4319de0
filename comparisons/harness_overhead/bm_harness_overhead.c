/* bm_harness_overhead.c: the suite's calibration: what the timing loop itself costs, written
 * natively in C++ against Google Benchmark and through idiombench's variant lifecycle, in one run. */
#include "bench.h"
#include "memcount.h"

/* The body's count of barriers: one, then x more, so that neither compiler can delete the loop. */
typedef struct barrier_state {
    int64_t steps;
    int64_t executed; /* bodies run: checked against the iterations asked for */
} barrier_state;

static void *setup_barriers(bench_case *c) {
    barrier_state *s = memcount_malloc(sizeof *s);
    if (s) *s = (barrier_state){.steps = (int64_t)bench_case_x(c)};
    return s;
}

static int run_barriers(void *state) {
    barrier_state *s = state;
    bench_clobber();
    for (int64_t k = 0; k < s->steps; k++) bench_clobber();
    s->executed++;
    return 0;
}

/* The checked run is one iteration: the body must have run exactly once. */
static int check_barriers(void *state, bench_case *c) {
    barrier_state *s = state;
    if (s->executed == 1) return 0;
    bench_case_fail(c, "the body ran %lld times for one iteration", (long long)s->executed);
    return -1;
}

static void teardown_barriers(void *state) { memcount_free(state); }

static const bench_variant variants[] = {
    {.name = "native_cpp", .run = bench_native_barrier_loop},
    {.name = "c_wrapper", .run = run_barriers},
};

/* x = barrier steps in the body besides the first: 0 is the bare loop, the calibration figure. */
static const double sweep[] = {0, 1, 16};

const bench_comparison bench_this_comparison = {
    .name = "harness_overhead",
    .param = "n",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "iteration",
    .calibration = 1,
    .about = "The cost of one iteration of the timing loop with a body of one compiler barrier "
             "(zero instructions) plus n more, written natively in C++ (`for (auto _ : state)`) and "
             "through idiombench's variant lifecycle (`c_wrapper`: Google Benchmark's iterations "
             "asked for in one batch, then a C loop calling the variant's `run` through a function "
             "pointer per iteration, as every comparison's timed loop does). The checked run counts "
             "the body's runs. n = 0 is the calibration figure: every other comparison's time per "
             "iteration includes the `c_wrapper` figure once.",
    BENCH_SWEEP(variants, sweep, sweep),
    .setup = setup_barriers,
    .check = check_barriers,
    .teardown = teardown_barriers,
};
