/* bm_array_doubling.c: article 000's "list vs NumPy array": double 10,000,000 random ints in 0..100
 * into a new sequence, boxed (a Python list of int objects) against packed (a NumPy array). */
#include "harness/bench.h"
#include "harness/memcount.h"
#include "harness/rng.h"
#include "boxed_list.h"

#include <string.h>

#define VALUE_MIN 0   /* the article draws random.randint(0, 100) */
#define VALUE_MAX 100
enum { STREAM_VALUES = 1, STREAM_HEAP_ORDER = 2 }; /* independent PRNG streams of this comparison */

/* What every variant starts from; each variant builds the layout it needs from values. */
typedef struct fixture {
    size_t n;
    int64_t *values;   /* n random ints in VALUE_MIN..VALUE_MAX */
    int32_t *values32; /* the same, narrowed (packed_i32 only) */
    boxed_list boxed;  /* the same, boxed (boxed variants only) */
    boxed_cache cache; /* CPython's shared small ints (boxed_small_int_cache only) */
} fixture;

/* One variant's result: whichever layout it produces. */
typedef union doubled {
    boxed_list boxed;
    int64_t *i64;
    int32_t *i32;
} doubled;

typedef struct doubling_variant {
    int (*prepare)(fixture *f);                       /* untimed: build the input layout */
    int (*run)(const fixture *f, doubled *out);       /* timed: allocate the result and fill it */
    int64_t (*element)(const doubled *out, size_t i); /* the check reads element i back */
    void (*release)(const fixture *f, doubled *out);  /* timed: free the result */
    void (*dispose)(fixture *f);                      /* untimed: free the input layout */
    int64_t factor;                                   /* element i must be factor * values[i] */
} doubling_variant;

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

static int run_boxed(const fixture *f, doubled *out) { return boxed_list_double(&f->boxed, &out->boxed, NULL); }
static int run_boxed_cached(const fixture *f, doubled *out) {
    return boxed_list_double(&f->boxed, &out->boxed, &f->cache);
}
static int64_t element_boxed(const doubled *out, size_t i) { return *out->boxed.items[i]; }
static void release_boxed(const fixture *f, doubled *out) { (void)f; boxed_list_free(&out->boxed, NULL); }
static void release_boxed_cached(const fixture *f, doubled *out) { boxed_list_free(&out->boxed, &f->cache); }
static void dispose_boxed(fixture *f) { boxed_list_free(&f->boxed, NULL); }
static void dispose_boxed_cached(fixture *f) { boxed_list_free(&f->boxed, &f->cache); }

/* --- packed: one contiguous array --- */

static int prepare_nothing(fixture *f) { (void)f; return 0; }
static void dispose_nothing(fixture *f) { (void)f; }

static int run_packed_i64(const fixture *f, doubled *out) {
    int64_t *result = memcount_malloc((f->n ? f->n : 1) * sizeof *result);
    if (result == NULL) return -1;
    for (size_t i = 0; i < f->n; i++) result[i] = 2 * f->values[i];
    out->i64 = result;
    return 0;
}

static int prepare_packed_i32(fixture *f) {
    f->values32 = memcount_malloc((f->n ? f->n : 1) * sizeof *f->values32);
    if (f->values32 == NULL) return -1;
    for (size_t i = 0; i < f->n; i++) f->values32[i] = (int32_t)f->values[i];
    return 0;
}

static int run_packed_i32(const fixture *f, doubled *out) {
    int32_t *result = memcount_malloc((f->n ? f->n : 1) * sizeof *result);
    if (result == NULL) return -1;
    for (size_t i = 0; i < f->n; i++) result[i] = 2 * f->values32[i];
    out->i32 = result;
    return 0;
}

/* The bandwidth line: the same allocation and bytes moved as packed_i64, with no arithmetic. */
static int run_memcpy(const fixture *f, doubled *out) {
    int64_t *result = memcount_malloc((f->n ? f->n : 1) * sizeof *result);
    if (result == NULL) return -1;
    memcpy(result, f->values, f->n * sizeof *result);
    out->i64 = result;
    return 0;
}

static int64_t element_i64(const doubled *out, size_t i) { return out->i64[i]; }
static int64_t element_i32(const doubled *out, size_t i) { return out->i32[i]; }
static void release_i64(const fixture *f, doubled *out) { (void)f; memcount_free(out->i64); }
static void release_i32(const fixture *f, doubled *out) { (void)f; memcount_free(out->i32); }
static void dispose_i32(fixture *f) { memcount_free(f->values32); }

static const doubling_variant boxed = {prepare_boxed, run_boxed, element_boxed, release_boxed, dispose_boxed, 2};
static const doubling_variant boxed_shuffled = {prepare_boxed_shuffled, run_boxed, element_boxed,
                                                release_boxed, dispose_boxed, 2};
static const doubling_variant boxed_small_int_cache = {prepare_boxed_cached, run_boxed_cached, element_boxed,
                                                       release_boxed_cached, dispose_boxed_cached, 2};
static const doubling_variant packed_i64 = {prepare_nothing, run_packed_i64, element_i64, release_i64,
                                            dispose_nothing, 2};
static const doubling_variant packed_i32 = {prepare_packed_i32, run_packed_i32, element_i32, release_i32,
                                            dispose_i32, 2};
static const doubling_variant memcpy_limit = {prepare_nothing, run_memcpy, element_i64, release_i64,
                                              dispose_nothing, 1};

/* Run the variant once, untimed, and compare every element with the reference. 0 if it matches. */
static int check_result(bench_state *st, const doubling_variant *v, const fixture *f) {
    doubled out;
    if (v->run(f, &out) != 0) {
        bench_fail(st, "out of memory in the checked run");
        return -1;
    }
    int status = 0;
    for (size_t i = 0; i < f->n && status == 0; i++) {
        const int64_t expected = v->factor * f->values[i];
        if (v->element(&out, i) != expected) {
            bench_fail(st, "element %zu is %lld, expected %lld", i, (long long)v->element(&out, i),
                       (long long)expected);
            status = -1;
        }
    }
    v->release(f, &out);
    return status;
}

static void run_doubling(bench_state *st, const void *arg) {
    const doubling_variant *v = arg;
    fixture f = {.n = bench_x_count(st)};
    f.values = memcount_malloc((f.n ? f.n : 1) * sizeof *f.values);
    if (f.values == NULL) {
        bench_fail(st, "out of memory for %zu input values", f.n);
        return;
    }
    rng r = rng_seeded(bench_seed(), STREAM_VALUES);
    for (size_t i = 0; i < f.n; i++) f.values[i] = rng_between(&r, VALUE_MIN, VALUE_MAX);
    if (v->prepare(&f) != 0) {
        bench_fail(st, "out of memory building the input layout");
    } else {
        bench_memory_start(st);
        const int checked = check_result(st, v, &f);
        bench_memory_stop(st);
        if (checked == 0 && !bench_failed(st)) {
            doubled out;
            BENCH_LOOP(st) {
                if (v->run(&f, &out) != 0) {
                    bench_fail(st, "out of memory in the timed loop");
                    break;
                }
                bench_escape(&out);
                v->release(&f, &out);
            }
            bench_set_items(st, (int64_t)f.n);
        }
        v->dispose(&f);
    }
    memcount_free(f.values);
}

static const bench_variant variants[] = {
    {"boxed", run_doubling, &boxed, 0},
    {"boxed_shuffled", run_doubling, &boxed_shuffled, 0},
    {"boxed_small_int_cache", run_doubling, &boxed_small_int_cache, 0},
    {"packed_i64", run_doubling, &packed_i64, 0},
    {"packed_i32", run_doubling, &packed_i32, 0},
    {"memcpy_limit", run_doubling, &memcpy_limit, 0},
};

/* 1-2-5 steps per decade: the 64 KiB L1d, 1 MiB L2 and 32 MiB L3 of the test machine each fall
 * inside the sweep (16 bytes per element in and out); 10,000,000 is the article's point. */
static const double sweep[] = {1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000,
                               1000000, 2000000, 5000000, 10000000};
static const double quick_sweep[] = {1000, 100000, 1000000};

const bench_comparison bench_this_comparison = {
    .name = "array_doubling",
    .param = "n",
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
             "arithmetic, the memory-bandwidth floor. Every result is compared element by element "
             "with 2 * input before timing starts. From n = 5,000,000 a result array is 40 MB or more, "
             "beyond glibc's largest mmap threshold (32 MiB), so every iteration maps fresh pages and "
             "pays a page fault per 4 KiB it first touches, as NumPy's `arr * 2` does at the article's "
             "point; on a virtual machine those faults can cost more than the doubling itself.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
};
