/* bm_array_doubling.c: article 000's "list vs NumPy array": double 10,000,000 random ints in 0..100
 * into a new sequence, boxed (a Python list of int objects) against packed (a NumPy array). */
#include "bench.h"
#include "barriers.h"
#include "boxed_list.h"
#include "memcount.h"
#include "rng.h"

#include <string.h>

#define VALUE_MIN 0   /* the article draws random.randint(0, 100) */
#define VALUE_MAX 100
enum { STREAM_VALUES = 1, STREAM_HEAP_ORDER = 2 }; /* independent PRNG streams of this comparison */
/* Every variant at one n reads the same input array, as the article's two sides double the same
 * list: with an array of its own, a case ran up to 20% faster or slower than its A/A twin, whichever
 * happened to get the luckier pages (the caches are physically indexed), and the pairs measured that
 * luck. Page-aligned, so the input's offset against the result block is the same at every n. */
#define INPUT_ALIGNMENT 4096
#define MAX_SHARED_INPUTS 64 /* distinct n alive at once in a process: a sweep has 13 */

typedef struct shared_input {
    size_t n;
    int64_t *values;
    unsigned users; /* cases holding it */
} shared_input;

static shared_input shared_inputs[MAX_SHARED_INPUTS];

/* The n values every variant at n reads, drawn on first use. NULL if out of memory or slots. */
static int64_t *input_values(size_t n) {
    shared_input *free_slot = NULL;
    for (size_t i = 0; i < MAX_SHARED_INPUTS; i++) {
        if (shared_inputs[i].users && shared_inputs[i].n == n) {
            shared_inputs[i].users++;
            return shared_inputs[i].values;
        }
        if (!shared_inputs[i].users && free_slot == NULL) free_slot = &shared_inputs[i];
    }
    int64_t *values = free_slot ? memcount_aligned(INPUT_ALIGNMENT, (n ? n : 1) * sizeof *values) : NULL;
    if (values == NULL) return NULL;
    rng r = rng_seeded(bench_seed(), STREAM_VALUES);
    for (size_t i = 0; i < n; i++) values[i] = rng_between(&r, VALUE_MIN, VALUE_MAX);
    *free_slot = (shared_input){n, values, 1};
    return values;
}

static void input_release(const int64_t *values) {
    for (size_t i = 0; i < MAX_SHARED_INPUTS; i++)
        if (shared_inputs[i].users && shared_inputs[i].values == values && --shared_inputs[i].users == 0)
            memcount_free(shared_inputs[i].values);
}

/* One variant's result: whichever layout it produces. */
typedef union doubled {
    boxed_list boxed;
    int64_t *i64;
    int32_t *i32;
} doubled;

typedef struct fixture fixture;

/* What differs between variants outside the timed region (their run and release differ inside). */
typedef struct doubling_layout {
    int (*prepare)(fixture *f);                       /* build the input layout */
    int64_t (*element)(const doubled *out, size_t i); /* the check reads element i back */
    void (*dispose)(fixture *f);                      /* free the input layout */
    int64_t factor;                                   /* element i must be factor * values[i] */
} doubling_layout;

/* A variant's state: the inputs, its input layout, and its last result. */
struct fixture {
    const doubling_layout *layout;
    size_t n;
    const int64_t *values; /* n random ints in VALUE_MIN..VALUE_MAX, shared by every variant at n */
    int32_t *values32; /* the same, narrowed (packed_i32 only) */
    boxed_list boxed;  /* the same, boxed (boxed variants only) */
    boxed_cache cache; /* CPython's shared small ints (boxed_small_int_cache only) */
    doubled out;       /* what the last run made */
};

/* --- boxed: an array of pointers to individually allocated ints --- */

static int prepare_boxed(fixture *f) { return boxed_list_from_values(&f->boxed, f->values, f->n, NULL); }

static int prepare_boxed_shuffled(fixture *f) {
    size_t *order = memcount_malloc((f->n ? f->n : 1) * sizeof *order);
    if (order == NULL) return -1;
    for (size_t i = 0; i < f->n; i++) order[i] = i;
    rng r = rng_seeded(bench_seed(), STREAM_HEAP_ORDER);
    rng_shuffle(&r, order, f->n, sizeof *order);
    const int status = boxed_list_from_values_scattered(&f->boxed, f->values, f->n, order);
    memcount_free(order);
    return status;
}

static int prepare_boxed_cached(fixture *f) {
    boxed_cache_init(&f->cache);
    return boxed_list_from_values(&f->boxed, f->values, f->n, &f->cache);
}

static int run_boxed(void *state) {
    fixture *f = state;
    return boxed_list_double(&f->boxed, &f->out.boxed, NULL);
}
static int run_boxed_cached(void *state) {
    fixture *f = state;
    return boxed_list_double(&f->boxed, &f->out.boxed, &f->cache);
}
static int64_t element_boxed(const doubled *out, size_t i) { return *out->boxed.items[i]; }
static void release_boxed(void *state) { boxed_list_free(&((fixture *)state)->out.boxed, NULL); }
static void release_boxed_cached(void *state) {
    fixture *f = state;
    boxed_list_free(&f->out.boxed, &f->cache);
}
static void dispose_boxed(fixture *f) { boxed_list_free(&f->boxed, NULL); }
static void dispose_boxed_cached(fixture *f) { boxed_list_free(&f->boxed, &f->cache); }

/* --- packed: one contiguous array --- */

static int prepare_nothing(fixture *f) { (void)f; return 0; }
static void dispose_nothing(fixture *f) { (void)f; }

/* The packed doubling, written once and compiled twice: as packed_i64, and as the A/A control's
 * twin, a function of its own (noipa stops GCC's identical-code folding from merging the two), so
 * that a paired claim of the two shows what "no difference" measures like on the machine of the day. */
#define PACKED_I64_DOUBLING(name, attributes)                                                      \
    attributes static int name(void *state) {                                                       \
        fixture *f = state;                                                                         \
        int64_t *result = memcount_malloc((f->n ? f->n : 1) * sizeof *result);                      \
        if (result == NULL) return -1;                                                              \
        for (size_t i = 0; i < f->n; i++) result[i] = 2 * f->values[i];                             \
        f->out.i64 = result;                                                                        \
        return 0;                                                                                   \
    }
PACKED_I64_DOUBLING(run_packed_i64, )
PACKED_I64_DOUBLING(run_packed_i64_twin, IDIOM_NOIPA)

static int prepare_packed_i32(fixture *f) {
    f->values32 = memcount_aligned(INPUT_ALIGNMENT, (f->n ? f->n : 1) * sizeof *f->values32);
    if (f->values32 == NULL) return -1;
    for (size_t i = 0; i < f->n; i++) f->values32[i] = (int32_t)f->values[i];
    return 0;
}

static int run_packed_i32(void *state) {
    fixture *f = state;
    int32_t *result = memcount_malloc((f->n ? f->n : 1) * sizeof *result);
    if (result == NULL) return -1;
    for (size_t i = 0; i < f->n; i++) result[i] = 2 * f->values32[i];
    f->out.i32 = result;
    return 0;
}

/* The bandwidth line: the same allocation and bytes moved as packed_i64, with no arithmetic. */
static int run_memcpy(void *state) {
    fixture *f = state;
    int64_t *result = memcount_malloc((f->n ? f->n : 1) * sizeof *result);
    if (result == NULL) return -1;
    memcpy(result, f->values, f->n * sizeof *result);
    f->out.i64 = result;
    return 0;
}

static int64_t element_i64(const doubled *out, size_t i) { return out->i64[i]; }
static int64_t element_i32(const doubled *out, size_t i) { return out->i32[i]; }
static void release_i64(void *state) { memcount_free(((fixture *)state)->out.i64); }
static void release_i32(void *state) { memcount_free(((fixture *)state)->out.i32); }
static void dispose_i32(fixture *f) { memcount_free(f->values32); }

static const doubling_layout boxed = {prepare_boxed, element_boxed, dispose_boxed, 2};
static const doubling_layout boxed_shuffled = {prepare_boxed_shuffled, element_boxed, dispose_boxed, 2};
static const doubling_layout boxed_cached = {prepare_boxed_cached, element_boxed, dispose_boxed_cached, 2};
static const doubling_layout packed_i64 = {prepare_nothing, element_i64, dispose_nothing, 2};
static const doubling_layout packed_i32 = {prepare_packed_i32, element_i32, dispose_i32, 2};
static const doubling_layout copied_i64 = {prepare_nothing, element_i64, dispose_nothing, 1};

/* Untimed: take the n values, then build the variant's input layout from them. */
static void *setup_doubling(bench_case *c) {
    fixture *f = memcount_calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->layout = bench_case_arg(c);
    f->n = bench_case_count(c);
    if ((f->values = input_values(f->n)) == NULL) {
        memcount_free(f);
        return NULL;
    }
    if (f->layout->prepare(f) != 0) {
        bench_case_fail(c, "out of memory building the input layout");
        input_release(f->values);
        memcount_free(f);
        return NULL;
    }
    bench_case_set_items(c, (int64_t)f->n);
    return f;
}

/* Every element of the result against factor * input. */
static int check_doubling(void *state, bench_case *c) {
    const fixture *f = state;
    for (size_t i = 0; i < f->n; i++) {
        const int64_t expected = f->layout->factor * f->values[i], got = f->layout->element(&f->out, i);
        if (got != expected) {
            bench_case_fail(c, "element %zu is %lld, expected %lld", i, (long long)got, (long long)expected);
            return -1;
        }
    }
    return 0;
}

static void teardown_doubling(void *state) {
    fixture *f = state;
    f->layout->dispose(f);
    input_release(f->values);
    memcount_free(f);
}

static const bench_variant variants[] = {
    {.name = "boxed", .run = run_boxed, .arg = &boxed, .release = release_boxed},
    {.name = "boxed_shuffled", .run = run_boxed, .arg = &boxed_shuffled, .release = release_boxed},
    {.name = "boxed_small_int_cache", .run = run_boxed_cached, .arg = &boxed_cached, .release = release_boxed_cached},
    {.name = "packed_i64", .run = run_packed_i64, .arg = &packed_i64, .release = release_i64},
    {.name = "packed_i32", .run = run_packed_i32, .arg = &packed_i32, .release = release_i32},
    {.name = "memcpy_limit", .run = run_memcpy, .arg = &copied_i64, .release = release_i64},
    {.name = "packed_i64_twin", .run = run_packed_i64_twin, .arg = &packed_i64, .release = release_i64, .pairs_only = 1},
};

/* 1-2-5 steps per decade: the 64 KiB L1d, 1 MiB L2 and 32 MiB L3 of the test machine each fall
 * inside the sweep (16 bytes per element in and out); 10,000,000 is the article's point. */
static const double sweep[] = {1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000,
                               1000000, 2000000, 5000000, 10000000};
static const double quick_sweep[] = {1000, 100000, 1000000};

static const char *const bandwidth_pair[] = {"memcpy_limit", "packed_i64"};

const bench_comparison bench_this_comparison = {
    .name = "array_doubling",
    .allocation_heavy = 1, /* malloc and free are much of its time or bytes */
    .memory_variant = "boxed_shuffled",
    .param = "n",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "element",
    .key_numbers = BENCH_KEY_GROWTH_ORDER | BENCH_KEY_BYTES_PER_ITEM,
    .setup = setup_doubling,
    .check = check_doubling,
    .teardown = teardown_doubling,
    BENCH_PAIRED_SWEEP(bandwidth_pair),
    .about = "Double n random ints in 0..100 into a new sequence, as `[x * 2 for x in lst]` and "
             "`arr * 2` do. Timed: allocating the result, filling it, and freeing it again (the "
             "article's profiler did not see the free, which Python pays when the result dies; "
             "freeing inside the loop keeps the heap the same for every iteration). Untimed: drawing "
             "the inputs and building the input layout. `boxed` is a Python list of int objects "
             "outside CPython's small-int cache (one heap box per element, result boxes new); "
             "`boxed_shuffled` is the same with the input boxes scattered over the heap; "
             "`boxed_small_int_cache` is the article's own setup, where every value (0..200) is one "
             "of CPython's shared ints -5..256, so only the pointer array is allocated; `packed_i64` "
             "and `packed_i32` are NumPy-like arrays; `memcpy_limit` copies the same bytes without "
             "arithmetic, the memory-bandwidth floor, measured in pairs with `packed_i64` at every n; "
             "`packed_i64_twin` is `packed_i64` compiled again as a function of its own, measured only "
             "in pairs against it: the suite's A/A control. Every result is compared element by element "
             "with 2 * input before timing starts. From n = 5,000,000 a result array is 40 MB or more, "
             "beyond the mmap threshold (32 MiB): glibc maps it fresh, and every iteration pays a page "
             "fault per 4 KiB it first touches, as NumPy's `arr * 2` does at the article's point; on a "
             "virtual machine those faults can cost more than the doubling itself (about 4 ns per "
             "element here). Unless, that is, the process's heap already holds a free chunk that large: "
             "then glibc carves the result from it and no page is faulted (about 0.4 ns per element). "
             "In the sweep, the boxed variants free hundreds of MB of boxes between repetitions, so "
             "points from 5,000,000 up may land in either regime; which one a paired claim measured shows "
             "in the per-side ns per element of its rounds (array_doubling.rounds.csv).",
    BENCH_SWEEP(variants, sweep, quick_sweep),
};
