/* bm_append_vs_presized.c: article 000's "For loop vs list comprehension": keep the random ints
 * above 50 and double them, appending to a growing list, and the C ways of building the same
 * output: growth policies, a push the compiler cannot inline, presizing, two passes, no branch. */
#include "bench.h"
#include "i64_vec.h"
#include "memcount.h"
#include "rng.h"

#include <string.h>

#define KEEP_ABOVE 50 /* `if x > 50` */
/* Inputs rotated through, at least: a run filters the next block of n, so that at small n the branch
 * predictor cannot learn one short input by heart (it did: 0.4 ns per element at n = 1,000 against
 * 3.5 at 100,000). 65,536 values are 512 KiB, within this machine's L2. */
#define MIN_ROTATED_VALUES 65536
enum { STREAM_VALUES = 1 }; /* the PRNG stream of this comparison */

/* Where the input values are drawn from, uniformly, both ends included. */
typedef struct value_range {
    int64_t lo, hi;
} value_range;
static const value_range article_draw = {0, 100}; /* random.randint(0, 100): 50 of 101 values kept */
static const value_range none_kept = {0, KEEP_ABOVE};
static const value_range all_kept = {KEEP_ABOVE + 1, 100};

/* A builder: `[2 * x for x in values if x > 50]` into out, a vector the caller has not initialised.
 * 0, or -1 if out of memory (out then holds nothing). */
typedef int build_fn(const int64_t *values, size_t n, i64_vec *out);

/* One variant: how it builds, and which draw it builds from. */
typedef struct variant_spec {
    build_fn *build;
    const value_range *draw;
} variant_spec;

typedef struct fixture {
    build_fn *build;
    size_t n;
    size_t blocks;        /* blocks of n values rotated through */
    size_t block;         /* the block the last run filtered */
    int64_t *values;      /* blocks * n draws */
    int64_t *expected;    /* scratch for the reference output of one block */
    i64_vec out;          /* what the last run built */
} fixture;

/* How a loop pushes one value: inlined, or through the looked-up pointer below. */
typedef i64_vec_status push_fn(i64_vec *v, int64_t x);

/* The for loop: `out = []; for x in values: if x > 50: out.append(2 * x)`, growing by `growth`.
 * Inline, so that each caller's constant push is inlined into the loop. */
static inline int append_with(const int64_t *values, size_t n, i64_vec *out, growth_policy growth, push_fn *push) {
    i64_vec_init(out, growth);
    for (size_t i = 0; i < n; i++) {
        if (values[i] > KEEP_ABOVE && push(out, 2 * values[i]) != I64_VEC_OK) {
            i64_vec_free(out);
            return -1;
        }
    }
    return 0;
}

/* The push as the for loop's `out.append` is: looked up anew on every element (a volatile pointer
 * is reloaded each time) and called, never inlined. */
__attribute__((noinline)) static i64_vec_status push_by_call(i64_vec *v, int64_t x) { return i64_vec_push(v, x); }
static i64_vec_status (*volatile looked_up_push)(i64_vec *, int64_t) = push_by_call;
static inline i64_vec_status push_looked_up(i64_vec *v, int64_t x) { return looked_up_push(v, x); }

static int build_append_growth_9_8(const int64_t *values, size_t n, i64_vec *out) {
    return append_with(values, n, out, GROWTH_CPYTHON_LIST, i64_vec_push);
}
static int build_append_doubling(const int64_t *values, size_t n, i64_vec *out) {
    return append_with(values, n, out, GROWTH_DOUBLING, i64_vec_push);
}
static int build_append_exact(const int64_t *values, size_t n, i64_vec *out) {
    return append_with(values, n, out, GROWTH_EXACT_FIT, i64_vec_push);
}
static int build_append_via_call(const int64_t *values, size_t n, i64_vec *out) {
    return append_with(values, n, out, GROWTH_CPYTHON_LIST, push_looked_up);
}

/* Fill items (room for n) with the kept values doubled; returns how many were kept. */
typedef size_t fill_fn(const int64_t *values, size_t n, int64_t *items);

/* With `if (x > 50)` around the store. */
static size_t fill_branchy(const int64_t *values, size_t n, int64_t *items) {
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        if (values[i] > KEEP_ABOVE) items[len++] = 2 * values[i];
    return len;
}

/* With no branch: every doubled value is stored, and the length advances only past the kept ones,
 * so an unpredictable `x > 50` costs no misprediction. */
static size_t fill_branchless(const int64_t *values, size_t n, int64_t *items) {
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        items[len] = 2 * values[i];
        len += values[i] > KEEP_ABOVE;
    }
    return len;
}

/* Room for every input, fill, then give the unused tail back: one allocation and one shrink. */
static inline int presized(const int64_t *values, size_t n, i64_vec *out, fill_fn *fill) {
    i64_vec_init(out, GROWTH_EXACT_FIT);
    if (i64_vec_reserve(out, n) != I64_VEC_OK) return -1;
    out->len = fill(values, n, out->items);
    if (i64_vec_shrink_to_fit(out) != I64_VEC_OK) {
        i64_vec_free(out);
        return -1;
    }
    return 0;
}
static int build_presized_upper_bound(const int64_t *values, size_t n, i64_vec *out) {
    return presized(values, n, out, fill_branchy);
}
static int build_presized_branchless(const int64_t *values, size_t n, i64_vec *out) {
    return presized(values, n, out, fill_branchless);
}

/* Count the kept values, allocate exactly that, then fill: two reads of the input, one allocation. */
static int build_two_pass_exact(const int64_t *values, size_t n, i64_vec *out) {
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) kept += values[i] > KEEP_ABOVE;
    i64_vec_init(out, GROWTH_EXACT_FIT);
    if (i64_vec_reserve(out, kept) != I64_VEC_OK) return -1;
    out->len = fill_branchy(values, n, out->items);
    return 0;
}

static int run_build(void *state) {
    fixture *f = state;
    f->block = f->block + 1 == f->blocks ? 0 : f->block + 1;
    return f->build(f->values + f->block * f->n, f->n, &f->out);
}

static void release_built(void *state) { i64_vec_free(&((fixture *)state)->out); }

static void teardown_fixture(void *state) {
    fixture *f = state;
    i64_vec_free(&f->out);
    memcount_free(f->values);
    memcount_free(f->expected);
    memcount_free(f);
}

/* Draw the blocks of values from the variant's range. */
static void *setup_fixture(bench_case *c) {
    const variant_spec *spec = bench_case_arg(c);
    const size_t n = bench_case_count(c);
    fixture *f = memcount_calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->build = spec->build;
    f->n = n;
    f->blocks = n == 0 ? 1 : (MIN_ROTATED_VALUES + n - 1) / n;
    f->block = f->blocks - 1; /* so that the first run filters block 0 */
    f->values = memcount_malloc((n ? f->blocks * n : 1) * sizeof *f->values);
    f->expected = memcount_malloc((n ? n : 1) * sizeof *f->expected);
    if (f->values == NULL || f->expected == NULL) {
        teardown_fixture(f);
        return NULL;
    }
    rng r = rng_seeded(bench_seed(), STREAM_VALUES);
    for (size_t i = 0; i < f->blocks * n; i++) f->values[i] = rng_between(&r, spec->draw->lo, spec->draw->hi);
    bench_case_set_items(c, (int64_t)n);
    return f;
}

/* The output element for element against the reference for the block the run filtered (a plain
 * indexed loop, which none of the variants is); then what realloc moved per input element, from
 * the checked run. */
static int check_built(void *state, bench_case *c) {
    fixture *f = state;
    bench_case_set_counter(c, "bytes_moved_per_element",
                           (double)memcount_moved_bytes_since_mark() / (double)(f->n ? f->n : 1));
    const int64_t *values = f->values + f->block * f->n;
    size_t expected_len = 0;
    for (size_t i = 0; i < f->n; i++)
        if (values[i] > KEEP_ABOVE) f->expected[expected_len++] = values[i] * 2;
    if (f->out.len != expected_len) {
        bench_case_fail(c, "built %zu elements from block %zu, expected %zu", f->out.len, f->block, expected_len);
        return -1;
    }
    for (size_t i = 0; i < expected_len; i++) {
        if (f->out.items[i] != f->expected[i]) {
            bench_case_fail(c, "element %zu of block %zu is %lld, expected %lld", i, f->block,
                            (long long)f->out.items[i], (long long)f->expected[i]);
            return -1;
        }
    }
    return 0;
}

#define SPEC(builder, range) (&(const variant_spec){build_##builder, &(range)})
/* Realloc per push stops at 3,000,000 inputs (1.5 million kept, 12 MB): beyond glibc's mmap
 * threshold every push would be an mremap system call, seconds per iteration, a cost of the
 * allocator's configuration rather than of the idiom. */
#define EXACT_FIT_LIMIT 3000000
static const bench_variant variants[] = {
    {.name = "append_growth_9_8", .run = run_build, .arg = SPEC(append_growth_9_8, article_draw)},
    {.name = "append_doubling", .run = run_build, .arg = SPEC(append_doubling, article_draw)},
    {.name = "append_exact", .run = run_build, .arg = SPEC(append_exact, article_draw), .max_x = EXACT_FIT_LIMIT},
    {.name = "append_via_call", .run = run_build, .arg = SPEC(append_via_call, article_draw)},
    {.name = "presized_upper_bound", .run = run_build, .arg = SPEC(presized_upper_bound, article_draw)},
    {.name = "presized_branchless", .run = run_build, .arg = SPEC(presized_branchless, article_draw)},
    {.name = "two_pass_exact", .run = run_build, .arg = SPEC(two_pass_exact, article_draw)},
    {.name = "append_growth_9_8_none_kept", .run = run_build, .arg = SPEC(append_growth_9_8, none_kept)},
    {.name = "append_via_call_none_kept", .run = run_build, .arg = SPEC(append_via_call, none_kept)},
    {.name = "presized_upper_bound_none_kept", .run = run_build, .arg = SPEC(presized_upper_bound, none_kept)},
    {.name = "presized_branchless_none_kept", .run = run_build, .arg = SPEC(presized_branchless, none_kept)},
    {.name = "two_pass_exact_none_kept", .run = run_build, .arg = SPEC(two_pass_exact, none_kept)},
    {.name = "append_growth_9_8_all_kept", .run = run_build, .arg = SPEC(append_growth_9_8, all_kept)},
    {.name = "append_via_call_all_kept", .run = run_build, .arg = SPEC(append_via_call, all_kept)},
    {.name = "presized_upper_bound_all_kept", .run = run_build, .arg = SPEC(presized_upper_bound, all_kept)},
    {.name = "presized_branchless_all_kept", .run = run_build, .arg = SPEC(presized_branchless, all_kept)},
    {.name = "two_pass_exact_all_kept", .run = run_build, .arg = SPEC(two_pass_exact, all_kept)},
};

static const bench_workload workloads[] = {
    {"", "randint(0, 100), about half kept: the article's draw"},
    {"_none_kept", "values 0..50: none kept, the branch always falls through"},
    {"_all_kept", "values 51..100: all kept, the branch always taken"},
};

/* 1-3 steps from 1,000 to 10,000,000 inputs; 100,000 is the article's point. */
static const double sweep[] = {1000, 3000, 10000, 30000, 100000, 300000, 1000000, 3000000, 10000000};
static const double quick_sweep[] = {1000, 30000};
static const char *const extra_counters[] = {"bytes_moved_per_element"};

const bench_comparison bench_this_comparison = {
    .name = "append_vs_presized",
    .allocation_heavy = 1, /* malloc and free are much of its time or bytes */
    .param = "n",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "element",
    .about = "Keep the values above 50 of n random ints and double them, as article 000's for loop "
             "(`out.append(2 * x)`) and list comprehension do. Timed: building the output vector and "
             "freeing it; the input is drawn untimed, and below 65,536 values each run filters the next "
             "of several blocks of n, so that the branch predictor cannot learn one short input by "
             "heart. The `append_*` variants push onto a vector that grows when full: by 1.125x like a "
             "CPython list (`append_growth_9_8`), by 2x "
             "(`append_doubling`), or by realloc to the exact size on every push (`append_exact`, "
             "swept up to 3,000,000 inputs, beyond which each push would be an mremap system call). "
             "`append_via_call` is the 1.125x vector with its push reloaded from a volatile function "
             "pointer and called, never inlined, on every element: the C analogue of the per-element "
             "`append` method lookup the comprehension saves. `presized_upper_bound` allocates room for "
             "all n, fills, and shrinks to fit; `presized_branchless` does the same with no branch "
             "(every doubled value is stored, the length advances only past kept ones); "
             "`two_pass_exact` counts first, then allocates exactly once and fills. At 10,000,000 the "
             "presized variants reserve 80 MB, above glibc's mmap threshold (set in idiom.conf), so each "
             "iteration maps fresh pages and faults them in: their step there is the kernel's cost. Workloads redraw "
             "the input so that none or all values are kept: the branch is then perfectly predictable. "
             "Every output is compared element for element with a reference before timing starts. "
             "`allocs` counts new blocks, including reallocs that moved, not in-place growth; "
             "`bytes_moved_per_element` is what moving reallocs copied, per input element (an upper "
             "bound above glibc's mmap threshold, where realloc remaps pages instead of copying).",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    BENCH_WORKLOADS(workloads),
    BENCH_EXTRA_COUNTERS(extra_counters),
    .key_numbers = BENCH_KEY_GROWTH_ORDER | BENCH_KEY_BYTES_PER_ITEM,
    .setup = setup_fixture,
    .check = check_built,
    .release = release_built,
    .teardown = teardown_fixture,
};
