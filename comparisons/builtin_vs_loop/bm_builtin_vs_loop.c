/* bm_builtin_vs_loop.c: article 001's "Use Built-ins and Libraries": sum(), NumPy and friends
 * against hand-written loops. In C the hand loop is compiled too, so the question is when a library
 * routine (OpenBLAS, glibc's memchr and memcpy) beats the loop a C programmer writes, and by how much. */
#include "bench.h"
#include "barriers.h"
#include "memcount.h"
#include "pyalloc.h"
#include "pyfloat.h"
#include "rng.h"

#include <cblas.h>
#include <float.h>
#include <math.h>
#include <string.h>

#define SEARCHED_BYTE 0x5A /* the byte search looks for this; only the last byte of the input is it */
#define SUM_LANES 8        /* accumulators of sum_unrolled_lanes: two AVX registers' worth of doubles */
enum { STREAM_INPUT = 1 }; /* the PRNG stream of this comparison */

typedef double sum_fn(const double *values, size_t n);
typedef double boxed_sum_fn(const double *const *items, size_t n);
typedef const unsigned char *search_fn(const unsigned char *bytes, size_t n, unsigned char wanted);
typedef void copy_fn(unsigned char *restrict dst, const unsigned char *restrict src, size_t n);

/* ---- sum of doubles: `sum(values)` / `np.sum` against a for loop ---- */

/* The plain loop, as -O3 compiles it: without -ffast-math GCC may not reassociate a floating-point
 * sum, so it is not vectorised and each addition waits for the one before. */
static double sum_loop(const double *values, size_t n) {
    double total = 0;
    for (size_t i = 0; i < n; i++) total += values[i];
    return total;
}

/* The same loop with the vectoriser off: one element at a time, whatever the flags. */
IDIOM_NO_VECTORIZE static double sum_loop_novec(const double *values, size_t n) {
    double total = 0;
    IDIOM_LOOP_NO_VECTORIZE
    for (size_t i = 0; i < n; i++) total += values[i];
    return total;
}

/* Several independent accumulators, as a library kernel keeps: the additions no longer wait on
 * each other, and the compiler may pack the lanes into vector registers. */
static double sum_unrolled_lanes(const double *values, size_t n) {
    double lane[SUM_LANES] = {0};
    size_t i = 0;
    for (; i + SUM_LANES <= n; i += SUM_LANES)
        for (size_t k = 0; k < SUM_LANES; k++) lane[k] += values[i + k];
    double total = 0;
    for (size_t k = 0; k < SUM_LANES; k++) total += lane[k];
    for (; i < n; i++) total += values[i];
    return total;
}

/* OpenBLAS's dasum, the sum of absolute values: the plain sum for the non-negative inputs drawn
 * here, in one stream (a dot product with ones would read a second array). */
static double sum_blas(const double *values, size_t n) { return cblas_dasum((blasint)n, values, 1); }

/* ---- the mechanism: what CPython and NumPy do underneath ---- */

/* NumPy's np.sum of a contiguous float64 array: pairwise_sum of loops_utils.h.src, blocks of at most
 * PAIRWISE_BLOCK summed with eight accumulators, longer runs split in two at a multiple of 8. */
#define PAIRWISE_BLOCK 128 /* PW_BLOCKSIZE */
static double sum_pairwise(const double *values, size_t n) {
    if (n < 8) {
        double total = 0;
        for (size_t i = 0; i < n; i++) total += values[i];
        return total;
    }
    if (n <= PAIRWISE_BLOCK) {
        double r[8];
        for (size_t k = 0; k < 8; k++) r[k] = values[k];
        size_t i = 8;
        for (; i < n - n % 8; i += 8)
            for (size_t k = 0; k < 8; k++) r[k] += values[i + k];
        double total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++) total += values[i];
        return total;
    }
    size_t half = n / 2;
    half -= half % 8;
    return sum_pairwise(values, half) + sum_pairwise(values + half, n - half);
}

/* `total = 0.0; for v in values: total += v` over a list of float objects: each addition reads the
 * item through its pointer and makes a new float object for the total, the old one freed (as
 * float_add and the store to `total` do). NaN if an object cannot be allocated. */
static double sum_boxed_loop(const double *const *items, size_t n) {
    const double *total = pyfloat_new(0.0);
    for (size_t i = 0; i < n && total != NULL; i++) {
        const double *next = pyfloat_new(*total + *items[i]);
        pyfloat_release(total);
        total = next;
    }
    if (total == NULL) return NAN;
    const double result = *total;
    pyfloat_release(total);
    return result;
}

/* The built-in sum() over the same list: builtin_sum_impl's float fast path adds each item's value
 * into a C double, no object made per element. */
static double sum_boxed_builtin(const double *const *items, size_t n) {
    double total = 0;
    for (size_t i = 0; i < n; i++) total += *items[i];
    return total;
}

/* ---- byte search: `x in bytes` / bytes.find against a loop ---- */

static const unsigned char *search_byte_loop(const unsigned char *bytes, size_t n, unsigned char wanted) {
    for (size_t i = 0; i < n; i++)
        if (bytes[i] == wanted) return bytes + i;
    return NULL;
}

static const unsigned char *search_memchr(const unsigned char *bytes, size_t n, unsigned char wanted) {
    return memchr(bytes, wanted, n);
}

/* ---- copy: bytes(b) / np.copy against a loop ---- */

static void copy_memcpy(unsigned char *restrict dst, const unsigned char *restrict src, size_t n) {
    memcpy(dst, src, n);
}

/* The byte loop as written; GCC at -O3 recognises it and may call memcpy itself. */
static void copy_byte_loop(unsigned char *restrict dst, const unsigned char *restrict src, size_t n) {
    for (size_t i = 0; i < n; i++) dst[i] = src[i];
}

/* The same loop with pattern recognition and the vectoriser off: a byte per iteration. */
IDIOM_NO_LOOP_TO_CALL_NO_VECTORIZE static void
copy_byte_loop_novec(unsigned char *restrict dst, const unsigned char *restrict src, size_t n) {
    IDIOM_LOOP_NO_VECTORIZE
    for (size_t i = 0; i < n; i++) dst[i] = src[i];
}

/* Eight bytes per iteration through a 64-bit word (memcpy of 8 bytes is one load or store), then
 * the tail byte by byte. */
static void copy_word_loop(unsigned char *restrict dst, const unsigned char *restrict src, size_t n) {
    size_t i = 0;
    for (; i + sizeof(uint64_t) <= n; i += sizeof(uint64_t)) {
        uint64_t word;
        memcpy(&word, src + i, sizeof word);
        memcpy(dst + i, &word, sizeof word);
    }
    for (; i < n; i++) dst[i] = src[i];
}

/* ---- the lifecycle ---- */

typedef enum family { FAMILY_SUM, FAMILY_BOXED_SUM, FAMILY_SEARCH, FAMILY_COPY } family;

/* A variant: its family and its routine. */
typedef struct variant_spec {
    family family;
    sum_fn *sum;
    boxed_sum_fn *boxed_sum;
    search_fn *search;
    copy_fn *copy;
} variant_spec;

typedef struct fixture {
    const variant_spec *spec;
    size_t n;
    double *values;                /* sum: n doubles uniform in [0, 1) */
    const double **items;          /* boxed sum: a list of float objects holding values */
    long double expected_sum;      /* their sum, compensated, in extended precision */
    double result_sum;
    unsigned char *bytes;          /* search and copy: n random bytes; for search only the last is SEARCHED_BYTE */
    unsigned char *copy;           /* copy: the destination, filled with the complement of bytes at setup */
    const unsigned char *found;    /* what the last search returned */
} fixture;

static int run_routine(void *state) {
    fixture *f = state;
    switch (f->spec->family) {
    case FAMILY_SUM: f->result_sum = f->spec->sum(f->values, f->n); break;
    case FAMILY_BOXED_SUM: f->result_sum = f->spec->boxed_sum(f->items, f->n); break;
    case FAMILY_SEARCH: f->found = f->spec->search(f->bytes, f->n, SEARCHED_BYTE); break;
    case FAMILY_COPY:
        f->spec->copy(f->copy, f->bytes, f->n);
        bench_escape(f->copy);
        break;
    }
    return 0;
}

static void teardown_fixture(void *state) {
    fixture *f = state;
    pyfloat_list_free(f->items, f->n);
    memcount_free(f->values);
    memcount_free(f->bytes);
    memcount_free(f->copy);
    memcount_free(f);
}

/* Kahan's compensated sum in long double: a reference no variant computes the same way. */
static long double reference_sum(const double *values, size_t n) {
    long double total = 0, compensation = 0;
    for (size_t i = 0; i < n; i++) {
        const long double y = values[i] - compensation, t = total + y;
        compensation = (t - total) - y;
        total = t;
    }
    return total;
}

static void *setup_fixture(bench_case *c) {
    const variant_spec *spec = bench_case_arg(c);
    const size_t n = bench_case_count(c);
    fixture *f = memcount_calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->spec = spec;
    f->n = n;
    rng r = rng_seeded(bench_seed(), STREAM_INPUT);
    if (spec->family == FAMILY_SUM || spec->family == FAMILY_BOXED_SUM) {
        if ((f->values = memcount_malloc((n ? n : 1) * sizeof *f->values)) == NULL) goto out_of_memory;
        for (size_t i = 0; i < n; i++) f->values[i] = rng_unit(&r);
        f->expected_sum = reference_sum(f->values, n);
        if (spec->family == FAMILY_BOXED_SUM && (f->items = pyfloat_list_new(f->values, n)) == NULL) goto out_of_memory;
        openblas_set_num_threads(1); /* one core, as the loops use: the comparison is of routines, not of threads */
    } else {
        if ((f->bytes = memcount_malloc(n ? n : 1)) == NULL) goto out_of_memory;
        for (size_t i = 0; i < n; i++) {
            const unsigned char b = (unsigned char)rng_below(&r, 255); /* any byte but SEARCHED_BYTE */
            f->bytes[i] = b >= SEARCHED_BYTE ? b + 1 : b;
        }
        if (spec->family == FAMILY_SEARCH && n > 0) f->bytes[n - 1] = SEARCHED_BYTE;
        if (spec->family == FAMILY_COPY) {
            if ((f->copy = memcount_malloc(n ? n : 1)) == NULL) goto out_of_memory;
            for (size_t i = 0; i < n; i++) f->copy[i] = (unsigned char)~f->bytes[i]; /* differs everywhere */
        }
    }
    bench_case_set_items(c, (int64_t)n);
    return f;
out_of_memory:
    bench_case_fail(c, "out of memory for %zu elements", n);
    teardown_fixture(f);
    return NULL;
}

/* Sums may differ from the reference in their last bits, since each adds in its own order: within
 * n * DBL_EPSILON of the sum (all terms are non-negative, so that is the textbook bound for any
 * order), they are right. A search must find the last byte; a copy must equal its source. */
static int check_result(void *state, bench_case *c) {
    const fixture *f = state;
    const double bytes_touched[] = {[FAMILY_SUM] = sizeof(double), [FAMILY_BOXED_SUM] = sizeof(double) + sizeof(void *),
                                    [FAMILY_SEARCH] = 1, [FAMILY_COPY] = 2};
    bench_case_set_counter(c, "bytes_per_element", bytes_touched[f->spec->family]);
    switch (f->spec->family) {
    case FAMILY_BOXED_SUM: {
        const size_t before = pyalloc_requests();
        (void)f->spec->boxed_sum(f->items, f->n); /* once more, its objects counted */
        bench_case_set_counter(c, "objects_per_element", f->n ? (double)(pyalloc_requests() - before) / (double)f->n : 0);
    }
        __attribute__((fallthrough)); /* then checked as any sum */
    case FAMILY_SUM: {
        const double error = fabs((double)((long double)f->result_sum - f->expected_sum));
        const double bound = (double)f->n * DBL_EPSILON * (double)f->expected_sum;
        if (error <= bound) return 0;
        bench_case_fail(c, "sum is %.17g, reference %.17Lg: off by %g, more than the bound %g", f->result_sum,
                        f->expected_sum, error, bound);
        return -1;
    }
    case FAMILY_SEARCH: {
        const unsigned char *expected = f->n ? f->bytes + f->n - 1 : NULL;
        if (f->found == expected) return 0;
        bench_case_fail(c, "found the byte at offset %td, expected %zu", f->found ? f->found - f->bytes : -1,
                        f->n ? f->n - 1 : 0);
        return -1;
    }
    case FAMILY_COPY:
        for (size_t i = 0; i < f->n; i++) {
            if (f->copy[i] != f->bytes[i]) {
                bench_case_fail(c, "copy differs from its source at byte %zu", i);
                return -1;
            }
        }
        return 0;
    }
    return -1;
}

#define SUMS(fn) .run = run_routine, .arg = &(const variant_spec){.family = FAMILY_SUM, .sum = (fn)}
#define BOXED_SUMS(fn) .run = run_routine, .arg = &(const variant_spec){.family = FAMILY_BOXED_SUM, .boxed_sum = (fn)}
#define SEARCHES(fn) .run = run_routine, .arg = &(const variant_spec){.family = FAMILY_SEARCH, .search = (fn)}
#define COPIES(fn) .run = run_routine, .arg = &(const variant_spec){.family = FAMILY_COPY, .copy = (fn)}
static const bench_variant variants[] = {
    {.name = "sum_loop", SUMS(sum_loop)},
    {.name = "sum_loop_novec", SUMS(sum_loop_novec)},
    {.name = "sum_unrolled_lanes", SUMS(sum_unrolled_lanes)},
    {.name = "sum_blas", SUMS(sum_blas)},
    {.name = "sum_pairwise", SUMS(sum_pairwise)},
    {.name = "sum_boxed_loop", BOXED_SUMS(sum_boxed_loop)},
    {.name = "sum_boxed_builtin", BOXED_SUMS(sum_boxed_builtin)},
    {.name = "search_byte_loop", SEARCHES(search_byte_loop)},
    {.name = "search_memchr", SEARCHES(search_memchr)},
    {.name = "copy_byte_loop_novec", COPIES(copy_byte_loop_novec)},
    {.name = "copy_byte_loop", COPIES(copy_byte_loop)},
    {.name = "copy_word_loop", COPIES(copy_word_loop)},
    {.name = "copy_memcpy", COPIES(copy_memcpy)},
};

/* 1-3 steps from 1,000 to 10,000,000 elements; the claims are at 1,000,000. */
static const double sweep[] = {1000, 3000, 10000, 30000, 100000, 300000, 1000000, 3000000, 10000000};
static const double quick_sweep[] = {1000, 1000000};
static const char *const extra_counters[] = {"bytes_per_element", "objects_per_element"};

const bench_comparison bench_this_comparison = {
    .name = "builtin_vs_loop",
    .param = "n",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "element",
    .about = "Article 001 says built-ins such as `sum()` and NumPy's vectorised operations are orders "
             "of magnitude faster than Python loops. In C the loop is compiled too, so each family sets "
             "a library routine against the loop a C programmer writes, compiled with the project's "
             "flags (-O3 -march=native, no -ffast-math). **Sum** of n doubles drawn uniformly from "
             "[0, 1): `sum_loop` is the plain loop; without -ffast-math GCC may not reorder "
             "floating-point additions, so it is not vectorised and `sum_loop_novec` (vectoriser off) "
             "is the same machine code; `sum_unrolled_lanes` keeps 8 independent accumulators, as a "
             "library kernel does; `sum_blas` is OpenBLAS's `cblas_dasum` on one thread (the sum of "
             "absolute values, which is the sum for these non-negative inputs). The mechanism, as CPython "
             "3.11 and NumPy do it: `sum_boxed_loop` is the Python for loop over a list of float "
             "objects, reading each through its pointer and making a new 24-byte float for the total "
             "at every step (from the pymalloc model, which hands back the block just freed as the "
             "float free list does); `sum_boxed_builtin` is `sum(list)`, whose float fast path adds "
             "the values into a C double; `sum_pairwise` is NumPy's pairwise_sum (blocks of 128 with "
             "eight accumulators). Not modelled: the interpreter's dispatch, which is most of what a "
             "Python loop costs. Sums add in different "
             "orders, so they may differ in the last bits: each is checked against a compensated "
             "long-double reference within n × DBL_EPSILON of the sum. **Byte search** of n random "
             "bytes whose only match is the last: `search_byte_loop` against glibc's `memchr`. **Copy** "
             "of n bytes: `copy_memcpy` against `copy_byte_loop` (which GCC turns into a memcpy call "
             "itself), `copy_byte_loop_novec` (the same loop with that pattern recognition and the "
             "vectoriser off: truly a byte at a time) and `copy_word_loop` (8 bytes per step). Timed: "
             "one call on inputs made untimed; items are elements (doubles or bytes), and "
             "`bytes_per_element` says how many bytes each touches (8 for a sum, 16 for a boxed sum: pointer and value, 1 for a search, 2 for a "
             "copy: read and written), from which the chart draws bytes per ns. Every result is checked "
             "before timing starts: the sum within its bound, the search at the last byte, the copy "
             "byte for byte against its source.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    BENCH_EXTRA_COUNTERS(extra_counters),
    .key_numbers = BENCH_KEY_GROWTH_ORDER,
    .setup = setup_fixture,
    .check = check_result,
    .teardown = teardown_fixture,
};
