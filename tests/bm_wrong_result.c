/* bm_wrong_result.c: a comparison whose variants are wrong on purpose, to show that the harness
 * fails the run and names the variant rather than reporting a time. Built only for the tests. */
#include "bench.h"
#include "memcount.h"

typedef struct summing {
    int64_t n;
    int64_t off_by;  /* what the variant adds to the right sum */
    int64_t sum;     /* the last run's */
    void *lost;      /* leaky: what its run never frees */
} summing;

static void *setup_summing(bench_case *c) {
    summing *s = memcount_calloc(1, sizeof *s);
    if (s == NULL) return NULL;
    s->n = (int64_t)bench_case_count(c);
    s->off_by = bench_case_arg(c) ? *(const int64_t *)bench_case_arg(c) : 0;
    bench_case_set_items(c, s->n);
    return s;
}

/* Sums 1..n, plus off_by. */
static int run_sum(void *state) {
    summing *s = state;
    int64_t sum = s->off_by;
    for (int64_t i = 1; i <= s->n; i++) sum += i;
    s->sum = sum;
    return 0;
}

/* Allocates every iteration and never frees. */
static int run_leaky(void *state) {
    summing *s = state;
    s->lost = memcount_malloc(64);
    return run_sum(state);
}

/* A setup that forgets its first block when its second allocation fails: the leak the
 * allocation-failure probe must catch (tests/CMakeLists.txt: probe_catches_a_leak). */
static void *setup_forgetful(bench_case *c) {
    void *first = memcount_malloc(32);
    summing *s = first ? setup_summing(c) : NULL;
    if (s == NULL) return NULL; /* the bug: first is lost */
    s->lost = first;
    return s;
}

/* The reference is n(n+1)/2. */
static int check_sum(void *state, bench_case *c) {
    const summing *s = state;
    const int64_t reference = s->n * (s->n + 1) / 2;
    if (s->sum == reference) return 0;
    bench_case_fail(c, "sum is %lld, expected %lld", (long long)s->sum, (long long)reference);
    return -1;
}

static void teardown_summing(void *state) {
    summing *s = state;
    memcount_free(s->lost);
    memcount_free(s);
}

static const int64_t one = 1;
static const bench_variant variants[] = {
    {.name = "correct", .run = run_sum},
    {.name = "off_by_one", .run = run_sum, .arg = &one},
    {.name = "leaky", .run = run_leaky},
    {.name = "forgetful", .run = run_sum, .setup = setup_forgetful},
};
static const double sweep[] = {100};

const bench_comparison bench_this_comparison = {
    .name = "wrong_result",
    .param = "n",
    .about = "A test comparison with deliberately wrong variants.",
    BENCH_SWEEP(variants, sweep, sweep),
    .setup = setup_summing,
    .check = check_sum,
    .teardown = teardown_summing,
};
