/* bm_throwaway.c: a comparison that lives wholly in tests/throwaway/, to prove that adding one
 * takes only its own files: summing n ints through an opaque call per element, or in a plain loop.
 * test_throwaway.sh runs the whole pipeline on it: sweep, pairs, summary, default chart, report. */
#include "bench.h"
#include "memcount.h"

typedef struct sums {
    size_t n;
    int64_t *values; /* 1..n */
    int64_t sum;     /* the last run's */
} sums;

static void *setup_sums(bench_case *c) {
    sums *s = memcount_calloc(1, sizeof *s);
    if (s == NULL) return NULL;
    s->n = bench_case_count(c);
    if ((s->values = memcount_malloc((s->n ? s->n : 1) * sizeof *s->values)) == NULL) {
        memcount_free(s);
        return NULL;
    }
    for (size_t i = 0; i < s->n; i++) s->values[i] = (int64_t)i + 1;
    bench_case_set_items(c, (int64_t)s->n);
    return s;
}

/* The call the compiler may not see through. */
__attribute__((noipa)) static int64_t add(int64_t total, int64_t v) { return total + v; }

static int run_opaque_calls(void *state) {
    sums *s = state;
    int64_t total = 0;
    for (size_t i = 0; i < s->n; i++) total = add(total, s->values[i]);
    s->sum = total;
    return 0;
}

static int run_plain_loop(void *state) {
    sums *s = state;
    int64_t total = 0;
    for (size_t i = 0; i < s->n; i++) total += s->values[i];
    s->sum = total;
    return 0;
}

/* The reference is n(n+1)/2. */
static int check_sum(void *state, bench_case *c) {
    const sums *s = state;
    const int64_t n = (int64_t)s->n;
    if (s->sum == n * (n + 1) / 2) return 0;
    bench_case_fail(c, "sum is %lld, expected %lld", (long long)s->sum, (long long)(n * (n + 1) / 2));
    return -1;
}

static void teardown_sums(void *state) {
    sums *s = state;
    memcount_free(s->values);
    memcount_free(s);
}

static const bench_variant variants[] = {
    {.name = "opaque_calls", .run = run_opaque_calls},
    {.name = "plain_loop", .run = run_plain_loop},
};
static const double sweep[] = {100, 1000, 10000};
static const double quick_sweep[] = {100, 1000};

const bench_comparison bench_this_comparison = {
    .name = "throwaway",
    .param = "n",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "int",
    .about = "Sum the ints 1..n through an opaque call per element (`opaque_calls`) or in a plain loop "
             "(`plain_loop`); every sum is checked against n(n+1)/2.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    .key_numbers = BENCH_KEY_GROWTH_ORDER,
    .setup = setup_sums,
    .check = check_sum,
    .teardown = teardown_sums,
};
