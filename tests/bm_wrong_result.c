/* bm_wrong_result.c: a comparison whose variants are wrong on purpose, to show that the harness
 * fails the run and names the variant rather than reporting a time. Built only for the tests. */
#include "harness/bench.h"
#include "harness/memcount.h"

/* Sums 1..n, off by one when arg says so; the reference is n(n+1)/2. */
static void sum_to_n(bench_state *st, const void *arg) {
    const int off_by_one = arg != NULL;
    const int64_t n = (int64_t)bench_x_count(st), reference = n * (n + 1) / 2;
    int64_t sum = off_by_one;
    for (int64_t i = 1; i <= n; i++) sum += i;
    if (sum != reference) {
        bench_fail(st, "sum is %lld, expected %lld", (long long)sum, (long long)reference);
        return;
    }
    BENCH_LOOP(st) {
        int64_t s = 0;
        for (int64_t i = 1; i <= n; i++) s += i;
        BENCH_KEEP(s);
    }
    bench_set_items(st, n);
}

/* Allocates in its checked iteration and never frees. */
static void leaks(bench_state *st, const void *arg) {
    (void)arg;
    bench_memory_start(st);
    void *lost = memcount_malloc(64);
    bench_memory_stop(st);
    BENCH_LOOP(st) bench_clobber();
    bench_set_items(st, 1);
    memcount_free(lost);
}

static const int wrong = 1;
static const bench_variant variants[] = {
    {"correct", sum_to_n, NULL, 0},
    {"off_by_one", sum_to_n, &wrong, 0},
    {"leaky", leaks, NULL, 0},
};
static const double sweep[] = {100};

const bench_comparison bench_this_comparison = {
    .name = "wrong_result",
    .param = "n",
    .about = "A test comparison with deliberately wrong variants.",
    BENCH_SWEEP(variants, sweep, sweep),
};
