/* fibonacci.c: the Fibonacci variants; see fibonacci.h. Every function requires n <= FIBONACCI_MAX_N. */
#include "fibonacci.h"
#include "barriers.h"

#include <assert.h>

/* uthash calls this when HASH_ADD runs out of memory, after taking the item back out. */
static int add_ran_out_of_memory;
#define uthash_nonfatal_oom(item) (add_ran_out_of_memory = 1)
#include "uthash_counted.h"

/* noipa keeps GCC from specialising the recursion into something the article's Python could not
 * do, and no-optimize-sibling-calls from turning the second recursive call into a loop (tail
 * recursion with an accumulator, which it did), so that it makes every call the recursion says,
 * 2 F(n + 1) - 1, as CPython's fib does. calls, where not NULL, counts them: the timed runs pass
 * NULL, a branch that goes the same way every time. */
IDIOM_NOIPA IDIOM_NO_SIBLING_CALLS static uint64_t naive(unsigned n, uint64_t *calls) {
    if (calls != NULL) ++*calls;
    return n < 2 ? n : naive(n - 1, calls) + naive(n - 2, calls);
}

uint64_t fibonacci_naive(unsigned n) {
    assert(n <= FIBONACCI_MAX_N);
    return naive(n, NULL);
}

uint64_t fibonacci_naive_counted(unsigned n, uint64_t *calls) {
    assert(n <= FIBONACCI_MAX_N);
    *calls = 0;
    return naive(n, calls);
}

/* One cache entry: n and F(n). */
typedef struct memo_entry {
    unsigned n;
    uint64_t value;
    UT_hash_handle hh;
} memo_entry;

/* F(n) through the cache; 0 with *failed set once an entry cannot be allocated (F(n) > 0 for n > 0,
 * so a failure is never mistaken for a value). After a failure every call returns at once: without
 * the entry it could not store, the recursion would turn exponential. */
static uint64_t memo_hash(unsigned n, memo_entry **cache, int *failed) {
    if (*failed) return 0;
    if (n < 2) return n;
    memo_entry *hit;
    HASH_FIND(hh, *cache, &n, sizeof n, hit);
    if (hit) return hit->value;
    const uint64_t value = memo_hash(n - 1, cache, failed) + memo_hash(n - 2, cache, failed);
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

/* The cache is created, filled and freed within the call, as a fresh lru_cache would be: one node
 * per n from 2 up, plus uthash's table. On failure everything allocated is freed. */
int fibonacci_memo_hash(unsigned n, uint64_t *out) {
    assert(n <= FIBONACCI_MAX_N);
    memo_entry *cache = NULL, *entry, *next;
    int failed = 0;
    *out = memo_hash(n, &cache, &failed);
    HASH_ITER(hh, cache, entry, next) {
        HASH_DEL(cache, entry);
        memcount_free(entry);
    }
    return failed ? -1 : 0;
}

/* 0 in table[n] marks "not yet": F(n) > 0 for n > 0. */
static uint64_t memo_array(unsigned n, uint64_t *table) {
    if (n < 2) return n;
    if (table[n] == 0) table[n] = memo_array(n - 1, table) + memo_array(n - 2, table);
    return table[n];
}

/* One zeroed table of n + 1 entries for the call. */
int fibonacci_memo_array(unsigned n, uint64_t *out) {
    assert(n <= FIBONACCI_MAX_N);
    uint64_t *table = memcount_calloc(n + 1, sizeof *table);
    if (table == NULL) return -1;
    *out = memo_array(n, table);
    memcount_free(table);
    return 0;
}

uint64_t fibonacci_iterative(unsigned n) {
    assert(n <= FIBONACCI_MAX_N);
    uint64_t a = 0, b = 1;
    for (unsigned i = 0; i < n; i++) {
        const uint64_t next = a + b;
        a = b;
        b = next;
    }
    return a;
}

/* F(k) and F(k + 1) from F(k / 2) and F(k / 2 + 1): F(2j) = F(j)(2F(j+1) - F(j)),
 * F(2j+1) = F(j)^2 + F(j+1)^2. Intermediate F(k + 1) may wrap past 2^64 at k = 93; unsigned
 * arithmetic wraps modulo 2^64, and F(n) itself is exact. */
static void doubling(unsigned k, uint64_t *f, uint64_t *f_next) {
    if (k == 0) {
        *f = 0;
        *f_next = 1;
        return;
    }
    uint64_t a, b;
    doubling(k / 2, &a, &b);
    const uint64_t c = a * (2 * b - a), d = a * a + b * b;
    *f = k % 2 ? d : c;
    *f_next = k % 2 ? c + d : d;
}

uint64_t fibonacci_reference(unsigned n) {
    assert(n <= FIBONACCI_MAX_N);
    uint64_t f, f_next;
    doubling(n, &f, &f_next);
    return f;
}
