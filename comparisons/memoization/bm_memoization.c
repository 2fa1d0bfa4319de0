/* bm_memoization.c: article 002's "Caching and Memoization": fibonacci(35) by plain recursion
 * against the same recursion behind @lru_cache(maxsize=None), and the C idioms around it: a memo
 * table indexed by n, and the loop that needs no memo at all. */
#include "bench.h"
#include "fibonacci.h"
#include "memcount.h"

/* One call's state: the argument, the reference, and what the last run computed. */
typedef struct fib_case {
    unsigned n;
    uint64_t expected; /* F(n) by fast doubling, an algorithm none of the variants uses */
    uint64_t result;
} fib_case;

static int run_naive_recursion(void *state) {
    fib_case *c = state;
    c->result = fibonacci_naive(c->n);
    return 0;
}

static int run_memo_hash(void *state) {
    fib_case *c = state;
    return fibonacci_memo_hash(c->n, &c->result);
}

static int run_memo_array(void *state) {
    fib_case *c = state;
    return fibonacci_memo_array(c->n, &c->result);
}

static int run_iterative(void *state) {
    fib_case *c = state;
    c->result = fibonacci_iterative(c->n);
    return 0;
}

static void *setup_fib(bench_case *bc) {
    fib_case *c = memcount_calloc(1, sizeof *c);
    if (c == NULL) return NULL;
    c->n = (unsigned)bench_case_count(bc);
    c->expected = fibonacci_reference(c->n);
    bench_case_set_items(bc, 1); /* one fib(n) per iteration */
    return c;
}

static int check_fib(void *state, bench_case *bc) {
    const fib_case *c = state;
    if (c->result == c->expected) return 0;
    bench_case_fail(bc, "fib(%u) = %llu, expected %llu", c->n, (unsigned long long)c->result,
                    (unsigned long long)c->expected);
    return -1;
}

/* The naive recursion's check also counts its calls, by running the same compiled recursion once more
 * with a counter (untimed): the count the why-text quotes is this `calls` column. */
static int check_naive(void *state, bench_case *bc) {
    const fib_case *c = state;
    uint64_t calls;
    if (check_fib(state, bc) != 0) return -1;
    if (fibonacci_naive_counted(c->n, &calls) != c->expected) {
        bench_case_fail(bc, "the counted recursion computed another fib(%u)", c->n);
        return -1;
    }
    bench_case_set_counter(bc, "calls", (double)calls);
    return 0;
}

static void teardown_fib(void *state) { memcount_free(state); }

/* naive_recursion stops at 40: fib(40) takes about half a second here, and each step up multiplies
 * that by 1.618, so fib(43) would pass 2 s per iteration. */
#define NAIVE_LIMIT 40
static const bench_variant variants[] = {
    {.name = "naive_recursion", .run = run_naive_recursion, .check = check_naive, .max_x = NAIVE_LIMIT},
    {.name = "memo_hash", .run = run_memo_hash},
    {.name = "memo_array", .run = run_memo_array},
    {.name = "iterative", .run = run_iterative},
};

static const char *const counters[] = {"calls"};

/* Every fifth n from 10 to 40 (35 is the article's), then 60 and 90 for the memoised and iterative
 * ones; F(90) is the largest that fits well within 64 bits. */
static const double sweep[] = {10, 15, 20, 25, 30, 35, 40, 60, 90};
static const double quick_sweep[] = {10, 20, 25};

const bench_comparison bench_this_comparison = {
    .name = "memoization",
    .param = "n",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "call",
    .about = "Compute the n-th Fibonacci number, as article 002 does with `fibonacci(35)`. "
             "`naive_recursion` is `fib(n - 1) + fib(n - 2)` with no cache, every call made as CPython "
             "makes it (GCC may neither specialise the recursion nor turn its second call into a loop): "
             "2 F(n + 1) - 1 calls, counted in the checked run (`calls`), up to n = 40, beyond which one "
             "call would take seconds. `memo_hash` is the same recursion behind "
             "`@lru_cache(maxsize=None)`: a uthash map from n to F(n), empty at the start of each call, "
             "one node allocated per n and all freed at the end, so a call pays its cache's whole life. "
             "`memo_array` memoises in a table indexed by n, allocated per call. `iterative` keeps two "
             "running values and allocates nothing. Timed: one top-level call (`items` = 1, so ns per "
             "call). Every result is compared with F(n) computed by fast doubling, an algorithm none of "
             "the variants uses, in the checked run. The report gives each variant's growth per step of n: "
             "near 1.618 for the naive recursion, near 1 for the rest.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    BENCH_EXTRA_COUNTERS(counters),
    .key_numbers = BENCH_KEY_GROWTH_PER_STEP | BENCH_KEY_BYTES_PER_ITEM,
    .setup = setup_fib,
    .check = check_fib,
    .teardown = teardown_fib,
};
