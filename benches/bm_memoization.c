/* bm_memoization.c: article 002's "Caching and Memoization": fibonacci(35) by plain recursion
 * against the same recursion behind @lru_cache(maxsize=None), and the C idioms around it: a memo
 * table indexed by n, and the loop that needs no memo at all. */
#include "bench.h"
#include "memcount.h"

/* uthash calls this when HASH_ADD runs out of memory, after taking the item back out. */
static int add_ran_out_of_memory;
#define uthash_nonfatal_oom(item) (add_ran_out_of_memory = 1)
#include "uthash_counted.h"

/* One call's state: the argument, the reference, and what the last run computed. */
typedef struct fib_case {
    unsigned n;
    uint64_t expected; /* F(n) by fast doubling, an algorithm none of the variants uses */
    uint64_t result;
} fib_case;

/* F(n) and F(n + 1) by fast doubling: F(2k) = F(k)(2F(k+1) - F(k)), F(2k+1) = F(k)^2 + F(k+1)^2.
 * Exact in 64 bits up to F(93); the sweep stops far below. */
static void fib_doubling(unsigned n, uint64_t *f, uint64_t *f_next) {
    if (n == 0) {
        *f = 0;
        *f_next = 1;
        return;
    }
    uint64_t a, b;
    fib_doubling(n / 2, &a, &b);
    const uint64_t c = a * (2 * b - a), d = a * a + b * b;
    *f = n % 2 ? d : c;
    *f_next = n % 2 ? c + d : d;
}

/* `def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)`: about 1.618^n calls. noipa keeps
 * GCC from specialising the recursion into something the article's Python could not do. */
__attribute__((noipa)) static uint64_t fib_naive(unsigned n) { return n < 2 ? n : fib_naive(n - 1) + fib_naive(n - 2); }

/* @lru_cache(maxsize=None): a hash map from n to F(n), empty at the start of each top-level call. */
typedef struct memo_entry {
    unsigned n;
    uint64_t value;
    UT_hash_handle hh;
} memo_entry;

/* F(n) through the cache; 0 with *failed set if an entry cannot be allocated (F(n) > 0 for n > 0
 * is what the caller checks, so the failure is never mistaken for a value). */
static uint64_t fib_memo_hash(unsigned n, memo_entry **cache, int *failed) {
    if (n < 2) return n;
    memo_entry *hit;
    HASH_FIND(hh, *cache, &n, sizeof n, hit);
    if (hit) return hit->value;
    const uint64_t value = fib_memo_hash(n - 1, cache, failed) + fib_memo_hash(n - 2, cache, failed);
    memo_entry *entry = *failed ? NULL : memcount_malloc(sizeof *entry);
    if (entry == NULL) {
        *failed = 1;
        return 0;
    }
    entry->n = n;
    entry->value = value;
    add_ran_out_of_memory = 0;
    HASH_ADD(hh, *cache, n, sizeof entry->n, entry);
    if (add_ran_out_of_memory) {
        memcount_free(entry);
        *failed = 1;
    }
    return value;
}

/* The same memoised recursion with the cache a table indexed by n (0 marks "not yet": F(n) > 0 for
 * n > 0). */
static uint64_t fib_memo_array(unsigned n, uint64_t *table) {
    if (n < 2) return n;
    if (table[n] == 0) table[n] = fib_memo_array(n - 1, table) + fib_memo_array(n - 2, table);
    return table[n];
}

static int run_naive_recursion(void *state) {
    fib_case *c = state;
    c->result = fib_naive(c->n);
    return 0;
}

/* The cache is created, filled and freed within the call, as a fresh lru_cache would be. */
static int run_memo_hash(void *state) {
    fib_case *c = state;
    memo_entry *cache = NULL, *entry, *next;
    int failed = 0;
    c->result = fib_memo_hash(c->n, &cache, &failed);
    HASH_ITER(hh, cache, entry, next) {
        HASH_DEL(cache, entry);
        memcount_free(entry);
    }
    return failed;
}

static int run_memo_array(void *state) {
    fib_case *c = state;
    uint64_t *table = memcount_calloc(c->n + 1, sizeof *table);
    if (table == NULL) return -1;
    c->result = fib_memo_array(c->n, table);
    memcount_free(table);
    return 0;
}

/* a, b = b, a + b, n times. */
static int run_iterative(void *state) {
    fib_case *c = state;
    uint64_t a = 0, b = 1;
    for (unsigned i = 0; i < c->n; i++) {
        const uint64_t next = a + b;
        a = b;
        b = next;
    }
    c->result = a;
    return 0;
}

static void *setup_fib(bench_case *bc) {
    fib_case *c = memcount_calloc(1, sizeof *c);
    if (c == NULL) return NULL;
    c->n = (unsigned)bench_case_count(bc);
    uint64_t next;
    fib_doubling(c->n, &c->expected, &next);
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

static void teardown_fib(void *state) { memcount_free(state); }

/* naive_recursion stops at 40: fib(40) takes about half a second here, and each step up multiplies
 * that by 1.618, so fib(43) would pass 2 s per iteration. */
#define NAIVE_LIMIT 40
static const bench_variant variants[] = {
    {.name = "naive_recursion", .run = run_naive_recursion, .max_x = NAIVE_LIMIT},
    {.name = "memo_hash", .run = run_memo_hash},
    {.name = "memo_array", .run = run_memo_array},
    {.name = "iterative", .run = run_iterative},
};

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
             "`naive_recursion` is `fib(n - 1) + fib(n - 2)` with no cache: about 1.618^n calls (up to "
             "n = 40, beyond which one call would take seconds). `memo_hash` is the same recursion behind "
             "`@lru_cache(maxsize=None)`: a uthash map from n to F(n), empty at the start of each call, "
             "one node allocated per n and all freed at the end, so a call pays its cache's whole life. "
             "`memo_array` memoises in a table indexed by n, allocated per call. `iterative` keeps two "
             "running values and allocates nothing. Timed: one top-level call (`items` = 1, so ns per "
             "call). Every result is compared with F(n) computed by fast doubling, an algorithm none of "
             "the variants uses, in the checked run. The report gives each variant's growth per step of n: "
             "near 1.618 for the naive recursion, near 1 for the rest.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    .key_numbers = BENCH_KEY_GROWTH_PER_STEP | BENCH_KEY_BYTES_PER_ITEM,
    .setup = setup_fib,
    .check = check_fib,
    .teardown = teardown_fib,
};
