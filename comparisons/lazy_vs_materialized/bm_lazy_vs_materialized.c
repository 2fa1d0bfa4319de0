/* bm_lazy_vs_materialized.c: articles 000 and 002's "generators vs list comprehensions": sum the
 * squares of n random ints by first building the list of squares, or by pulling them one at a time
 * from a generator; and a map-filter-sum pipeline built both ways. */
#include "bench.h"
#include "barriers.h"
#include "iter.h"
#include "memcount.h"
#include "pyint.h"
#include "pylist.h"
#include "rng.h"

#define VALUE_MIN 1 /* the articles' random ints: randint(1, 100) */
#define VALUE_MAX 100
enum { STREAM_VALUES = 1 }; /* the PRNG stream of this comparison */

typedef struct generator generator;

typedef struct fixture {
    size_t n;
    int64_t (*map)(int64_t v);  /* x * x, called through this pointer by the mechanism models */
    int64_t *(*next)(generator *g, int *failed); /* the generator's resume, called through a pointer */
    int pipeline;             /* 1: the variant sums the pipeline, checked against pipeline_sum */
    int64_t sum;              /* what the last run summed */
    int64_t *values;          /* n random ints in VALUE_MIN..VALUE_MAX */
    int64_t sum_of_squares;   /* the reference, summed while the values were drawn */
    int64_t pipeline_sum;     /* the reference for the pipeline: squares that pass keep_square */
} fixture;

static int64_t square(int64_t v) { return v * v; }
/* The pipeline's filter: keep squares divisible by 3 (a third of the ints 1..100 are, about). */
static int keep_square(int64_t v) { return v % 3 == 0; }

/* A variant: the sum into *sum. 0, or -1 if out of memory (nothing leaked). */
typedef int sum_fn(const fixture *f, int64_t *sum);

/* `sum([x * x for x in values])`: allocate the list of squares, fill it, sum it, free it. */
static int sum_materialized(const fixture *f, int64_t *sum) {
    int64_t *squares = memcount_malloc((f->n ? f->n : 1) * sizeof *squares);
    if (squares == NULL) return -1;
    for (size_t i = 0; i < f->n; i++) squares[i] = square(f->values[i]);
    bench_escape(squares); /* the list exists in full before the sum reads it, as in Python */
    int64_t total = 0;
    for (size_t i = 0; i < f->n; i++) total += squares[i];
    memcount_free(squares);
    *sum = total;
    return 0;
}

/* `sum(x * x for x in values)`: pull each square from a map iterator over the array, through
 * function pointers the compiler cannot see behind (iter.c is compiled apart). */
static int sum_lazy_iterator(const fixture *f, int64_t *sum) {
    iter source = iter_over_array(f->values, f->n);
    iter squares = iter_map(&source, square);
    int64_t total = 0, v;
    while (iter_next(&squares, &v)) total += v;
    *sum = total;
    return 0;
}

/* One loop that squares and sums: the limit. */
static int sum_fused_loop(const fixture *f, int64_t *sum) {
    int64_t total = 0;
    for (size_t i = 0; i < f->n; i++) total += square(f->values[i]);
    *sum = total;
    return 0;
}

/* map, then filter, then sum, each stage a list: squares = [...]; kept = [...]; sum(kept). */
static int sum_pipeline_materialized(const fixture *f, int64_t *sum) {
    int64_t *squares = memcount_malloc((f->n ? f->n : 1) * sizeof *squares);
    if (squares == NULL) return -1;
    for (size_t i = 0; i < f->n; i++) squares[i] = square(f->values[i]);
    int64_t *kept = memcount_malloc((f->n ? f->n : 1) * sizeof *kept); /* as long as it may need */
    if (kept == NULL) {
        memcount_free(squares);
        return -1;
    }
    size_t n_kept = 0;
    for (size_t i = 0; i < f->n; i++)
        if (keep_square(squares[i])) kept[n_kept++] = squares[i];
    memcount_free(squares);
    bench_escape(kept);
    int64_t total = 0;
    for (size_t i = 0; i < n_kept; i++) total += kept[i];
    memcount_free(kept);
    *sum = total;
    return 0;
}

/* The same stages chained as iterators: sum(v for v in (x * x for x in values) if v % 3 == 0). */
static int sum_pipeline_lazy(const fixture *f, int64_t *sum) {
    iter source = iter_over_array(f->values, f->n);
    iter squares = iter_map(&source, square);
    iter kept = iter_filter(&squares, keep_square);
    int64_t total = 0, v;
    while (iter_next(&kept, &v)) total += v;
    *sum = total;
    return 0;
}

/* ---- the mechanism model: what CPython runs for the two idioms ---- */

/* `sum([x * x for x in values])`: each square computed through the same opaque call as the
 * generator's (the interpreter evaluating x * x), made an object, appended to a list grown as
 * CPython's is; then sum walks the list; then the list and its squares are freed. */
static int sum_materialized_pylist(const fixture *f, int64_t *sum) {
    pylist squares = {0};
    int status = 0;
    for (size_t i = 0; i < f->n && status == 0; i++) {
        const int64_t *square = pyint_new(f->map(f->values[i]));
        if (square == NULL || pylist_append(&squares, (void *)square) != 0) {
            pyint_release(square);
            status = -1;
        }
    }
    int64_t total = 0;
    for (size_t i = 0; i < squares.n; i++) total += *(const int64_t *)squares.items[i];
    for (size_t i = 0; i < squares.n; i++) pyint_release(squares.items[i]);
    pylist_free(&squares);
    *sum = total;
    return status;
}

/* A generator over values: its frame's state between resumes. */
struct generator {
    const int64_t *values;
    size_t n, pos;
    int64_t (*map)(int64_t v);
};

/* gen_send_ex: resume the generator's frame for its next square, made an object; NULL when it is
 * exhausted, or with *failed set when out of memory. Not inlined: sum calls it through the
 * generator's tp_iternext. */
IDIOM_NOIPA static int64_t *generator_next(generator *g, int *failed) {
    if (g->pos >= g->n) return NULL;
    const int64_t *square = pyint_new(g->map(g->values[g->pos++]));
    if (square == NULL) *failed = 1;
    return (int64_t *)square;
}

/* `sum(x * x for x in values)`: sum resumes the generator for each square, adds it, and drops it. */
static int sum_lazy_generator(const fixture *f, int64_t *sum) {
    generator g = {f->values, f->n, 0, f->map};
    int failed = 0;
    int64_t total = 0, *square;
    while ((square = f->next(&g, &failed)) != NULL) {
        total += *square;
        pyint_release(square);
    }
    *sum = total;
    return failed ? -1 : 0;
}

static void teardown_fixture(void *state) {
    fixture *f = state;
    memcount_free(f->values);
    memcount_free(f);
}

/* Draw the ints, summing the references as they are drawn. */
static void *setup_fixture(bench_case *c) {
    const size_t n = bench_case_count(c);
    fixture *f = memcount_calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->n = n;
    f->map = square;
    f->next = generator_next;
    f->pipeline = bench_case_arg(c) != NULL;
    if ((f->values = memcount_malloc((n ? n : 1) * sizeof *f->values)) == NULL) {
        memcount_free(f);
        return NULL;
    }
    rng r = rng_seeded(bench_seed(), STREAM_VALUES);
    for (size_t i = 0; i < n; i++) {
        const int64_t v = rng_between(&r, VALUE_MIN, VALUE_MAX);
        f->values[i] = v;
        f->sum_of_squares += v * v;
        if (keep_square(v * v)) f->pipeline_sum += v * v;
    }
    bench_case_set_items(c, (int64_t)n);
    return f;
}

static int64_t expected_sum(const fixture *f) { return f->pipeline ? f->pipeline_sum : f->sum_of_squares; }

/* Each variant's run: its sum, checked on every pass (one compare, which also keeps the sum live). */
#define LAZY_RUN(summer)                                                                           \
    static int run_##summer(void *state) {                                                          \
        fixture *f = state;                                                                         \
        return summer(f, &f->sum) != 0 || f->sum != expected_sum(f);                                \
    }
LAZY_RUN(sum_materialized)
LAZY_RUN(sum_lazy_iterator)
LAZY_RUN(sum_fused_loop)
LAZY_RUN(sum_pipeline_materialized)
LAZY_RUN(sum_pipeline_lazy)
LAZY_RUN(sum_materialized_pylist)
LAZY_RUN(sum_lazy_generator)

static int check_sum(void *state, bench_case *c) {
    const fixture *f = state;
    if (f->sum == expected_sum(f)) return 0;
    bench_case_fail(c, "sum is %lld, expected %lld", (long long)f->sum, (long long)expected_sum(f));
    return -1;
}

/* The mechanism models stop at 10,000,000: at 100,000,000 a list of int objects is 4 GB here and one
 * iteration takes seconds, longer than a paired slice by a thousand times. */
#define MECHANISM_MAX_N 10000000

static const int pipeline = 1; /* the arg of the pipeline variants */
static const bench_variant variants[] = {
    {.name = "materialized", .run = run_sum_materialized},
    {.name = "lazy_iterator", .run = run_sum_lazy_iterator},
    {.name = "fused_loop", .run = run_sum_fused_loop},
    {.name = "pipeline_materialized", .run = run_sum_pipeline_materialized, .arg = &pipeline},
    {.name = "pipeline_lazy", .run = run_sum_pipeline_lazy, .arg = &pipeline},
    {.name = "materialized_pylist", .run = run_sum_materialized_pylist, .max_x = MECHANISM_MAX_N},
    {.name = "lazy_generator", .run = run_sum_lazy_generator, .max_x = MECHANISM_MAX_N},
};

/* Decades from 1,000 to 10,000,000: 1,000,000 is article 000's point. Article 002's 100,000,000
 * (800 MB of input and as much again for the materialised squares) is left out: no claim reads it,
 * the growth is plain by 10,000,000, and its rows cost a sixth of a full run's sweeps. */
static const double sweep[] = {1000, 10000, 100000, 1000000, 10000000};
static const double quick_sweep[] = {1000, 100000, 1000000};

const bench_comparison bench_this_comparison = {
    .name = "lazy_vs_materialized",
    .param = "n",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "element",
    .key_numbers = BENCH_KEY_GROWTH_ORDER | BENCH_KEY_BYTES_PER_ITEM,
    .setup = setup_fixture,
    .check = check_sum,
    .teardown = teardown_fixture,
    .about = "Sum the squares of n random ints in 1..100, as `sum([x * x for x in values])` and "
             "`sum(x * x for x in values)` do. Timed: producing the squares and summing them, "
             "including allocating and freeing any list. Untimed: drawing the ints. `materialized` "
             "allocates the n squares, fills them, sums them and frees them; `lazy_iterator` pulls "
             "each square from a map iterator over the array through its `next` function pointer, "
             "compiled apart so the call stays opaque, as a generator's resume is (there is no inlined "
             "twin: even with the step functions in the same file, GCC 12 at -O3 keeps calling the "
             "chain through its function pointers); `fused_loop` squares and "
             "sums in one loop, the limit (idiomatic C: `materialized` against `fused_loop`). "
             "Mechanism models, as CPython runs the two idioms: each square computed by a call through "
             "the same opaque pointer on both sides (the interpreter evaluating `x * x`), made an int "
             "object (CPython's small ints -5..256 shared, any other one allocated from a model of "
             "pymalloc at 28 bytes, sys.getsizeof here); `materialized_pylist` appends them to a list "
             "grown as CPython's list grows, sums the list, and frees it and them; `lazy_generator` "
             "resumes a generator through a second opaque call per element (sum's tp_iternext), adds "
             "each square and drops it. Both stop at n = 10,000,000, the largest n whose iteration "
             "fits a paired slice here; 100,000,000, article 002's, would hold 4 GB of int objects. "
             "`pipeline_materialized` and `pipeline_lazy` add a filter "
             "stage (keep the squares divisible by 3) between map and sum, as lists per stage and "
             "as chained iterators. Every sum is compared with the reference, summed as the ints "
             "were drawn, in the checked run and in every timed iteration. `peak_bytes` is the "
             "heap the checked run used above the input. From n = 10,000,000 a list is 80 MB, beyond "
             "glibc's largest mmap threshold (32 MiB), so every iteration maps fresh pages and pays a "
             "page fault per 4 KiB it first touches, as CPython's list would.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
};
