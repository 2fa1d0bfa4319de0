/* bm_range_lazy.c: article 001's "Be Smart About Memory": a for loop over range(1_000_000_000)
 * "starts instantly and uses almost no memory", whereas list(range(1_000_000_000)) "will likely
 * crash your machine". Sum 0..n-1 by counting, or by first materialising the n numbers. */
#include "bench.h"
#include "memcount.h"
#include "pyint.h"
#include "pylist.h"

typedef struct fixture {
    size_t n;
    int64_t sum; /* what the last run summed */
} fixture;

/* A variant: the sum of 0..n-1 into *sum. 0, or -1 if out of memory (nothing leaked). */
typedef int sum_fn(size_t n, int64_t *sum);

/* `for i in range(n)` in C: a counter. The total is kept in a register the compiler must assume
 * changes, so that it cannot replace the loop by n(n-1)/2. */
static int count_loop(size_t n, int64_t *sum) {
    int64_t total = 0;
    for (size_t i = 0; i < n; i++) {
        total += (int64_t)i;
        BENCH_KEEP(total);
    }
    *sum = total;
    return 0;
}

/* `list(range(n))` in C: the n numbers in an array, then the loop over them. */
static int count_array(size_t n, int64_t *sum) {
    int64_t *numbers = memcount_malloc((n ? n : 1) * sizeof *numbers);
    if (numbers == NULL) return -1;
    for (size_t i = 0; i < n; i++) numbers[i] = (int64_t)i;
    bench_escape(numbers); /* the array exists in full before the loop reads it, as the list does */
    int64_t total = 0;
    for (size_t i = 0; i < n; i++) {
        total += numbers[i];
        BENCH_KEEP(total);
    }
    memcount_free(numbers);
    *sum = total;
    return 0;
}

/* The mechanism, CPython 3.11's range iterator (Objects/rangeobject.c, rangeiter_next): each
 * number made an int object when it is reached (PyLong_FromLong: the small-int cache's below 257,
 * else 28 bytes from the pymalloc model), added, and dropped before the next is made. */
static int count_objects(size_t n, int64_t *sum) {
    int64_t total = 0;
    for (size_t i = 0; i < n; i++) {
        const int64_t *number = pyint_new((int64_t)i);
        if (number == NULL) return -1;
        total += *number;
        pyint_release(number);
    }
    *sum = total;
    return 0;
}

/* `list(range(n))`: list_preallocate_exact's n slots (range has a length), an int object per
 * number, all alive at once; then the loop over the list, and the list and its objects freed. */
static int count_list(size_t n, int64_t *sum) {
    pylist numbers = {0};
    if (pylist_reserve_exact(&numbers, n) != 0) return -1;
    for (size_t i = 0; i < n; i++) {
        const int64_t *number = pyint_new((int64_t)i);
        if (number == NULL || pylist_append(&numbers, (void *)number) != 0) {
            pyint_release(number);
            break;
        }
    }
    const int complete = numbers.n == n;
    int64_t total = 0;
    for (size_t i = 0; i < numbers.n; i++) total += *(const int64_t *)numbers.items[i];
    for (size_t i = 0; i < numbers.n; i++) pyint_release(numbers.items[i]);
    pylist_free(&numbers);
    *sum = total;
    return complete ? 0 : -1;
}

static int64_t expected_sum(size_t n) { return n ? (int64_t)n * ((int64_t)n - 1) / 2 : 0; }

static void *setup_fixture(bench_case *c) {
    fixture *f = memcount_calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->n = bench_case_count(c);
    bench_case_set_items(c, (int64_t)f->n);
    return f;
}

/* Each variant's run: its sum, checked on every pass (one compare, which also keeps the sum live). */
#define RANGE_RUN(summer)                                                                          \
    static int run_##summer(void *state) {                                                          \
        fixture *f = state;                                                                         \
        return summer(f->n, &f->sum) != 0 || f->sum != expected_sum(f->n);                          \
    }
RANGE_RUN(count_loop)
RANGE_RUN(count_array)
RANGE_RUN(count_objects)
RANGE_RUN(count_list)

/* The reference is n(n-1)/2. */
static int check_sum(void *state, bench_case *c) {
    const fixture *f = state;
    if (f->sum == expected_sum(f->n)) return 0;
    bench_case_fail(c, "sum is %lld, expected %lld (or out of memory)", (long long)f->sum, (long long)expected_sum(f->n));
    return -1;
}

static void teardown_fixture(void *state) { memcount_free(state); }

/* Where an iteration starts to take seconds, the sweep stops: the list of int objects (40 bytes a
 * number) at 10,000,000, 400 MB; the packed array at 100,000,000, 800 MB. Article 001's
 * 1,000,000,000 would make the list 40 GB, more than this machine has, and the array 8 GB, which
 * fits but costs some 20 s an iteration in page faults here; only the counting loop goes there. */
#define OBJECTS_MAX_N 10000000
#define ARRAY_MAX_N 100000000

static const bench_variant variants[] = {
    {.name = "count_loop", .run = run_count_loop},
    {.name = "count_array", .run = run_count_array, .max_x = ARRAY_MAX_N},
    {.name = "count_objects", .run = run_count_objects, .max_x = OBJECTS_MAX_N},
    {.name = "count_list", .run = run_count_list, .max_x = OBJECTS_MAX_N},
};

/* Hundredfold steps to 100,000, then decades to the article's 1,000,000,000; the time claims are at
 * 1,000,000. */
static const double sweep[] = {1000, 100000, 1000000, 10000000, 100000000, 1000000000};
static const double quick_sweep[] = {1000, 100000, 1000000};

const bench_comparison bench_this_comparison = {
    .name = "range_lazy",
    .param = "n",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "number",
    .key_numbers = BENCH_KEY_GROWTH_ORDER | BENCH_KEY_BYTES_PER_ITEM,
    .setup = setup_fixture,
    .check = check_sum,
    .teardown = teardown_fixture,
    .about = "Sum the numbers 0..n-1 as a for loop over `range(n)` does, or over `list(range(n))`. "
             "Idiomatic C: `count_loop` counts (its total kept opaque, so that the compiler cannot "
             "sum in closed form), `count_array` first fills an array of n 8-byte ints, then loops "
             "over it and frees it. The mechanism, as CPython 3.11 runs the two: `count_objects` is "
             "the range iterator, which makes each number an int object when it is reached (the "
             "small-int cache's below 257, else 28 bytes from the pymalloc model) and drops it before "
             "the next; `count_list` is `list(range(n))`, n slots allocated at once (range has a "
             "length) and an int object per number, all alive until the loop has read them. The "
             "sweep stops each variant where one iteration starts to take seconds: the mechanism at "
             "10,000,000 (its list 400 MB), the array at 100,000,000 (800 MB); only the counting loop "
             "reaches article 001's 1,000,000,000, where the list would need 40 GB, more than this "
             "machine has, and the array 8 GB. Timed: making the numbers, the loop, and freeing. "
             "`peak_bytes` is the checked run's peak of heap, the analogue of the memory the article "
             "says each idiom uses. Every sum is compared with n(n-1)/2 in the checked run and in "
             "every timed iteration.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
};
