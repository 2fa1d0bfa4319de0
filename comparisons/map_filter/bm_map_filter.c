/* bm_map_filter.c: article 001's "Use Built-ins and Libraries" says map() and filter() beat the
 * equivalent loop. Underneath, CPython's map and filter are C loops that call the mapped function
 * once per element, as the Python loop does; what they save is the loop's own bytecode. In C the
 * loop is compiled too, so the question becomes what a call per element costs against a loop the
 * compiler can inline and vectorise, and against a library routine. */
#include "bench.h"
#include "barriers.h"
#include "memcount.h"
#include "pyalloc.h"
#include "pyfloat.h"
#include "pylist.h"
#include "rng.h"

#include <cblas.h>
#include <stdlib.h>

#define KEEP_ABOVE 0.5 /* filter keeps the values above this: about half of those drawn */
enum { STREAM_INPUT = 1 }; /* the PRNG stream of this comparison */

/* ---- what is mapped and what filters: `def double(x): return x * 2`, `def is_big(x): return x > 0.5` ---- */

static inline double twice(double x) { return 2 * x; }
static inline int is_big(double x) { return x > KEEP_ABOVE; }

/* The same two, as functions called through a pointer: the call the compiler may not see through. */
IDIOM_NOIPA static double twice_called(double x) { return twice(x); }
IDIOM_NOIPA static int is_big_called(double x) { return is_big(x); }

/* ---- idiomatic C: packed doubles in, packed doubles out ---- */

typedef double map_fn(double);
typedef int predicate_fn(double);

/* A map routine as a C library would offer one (qsort's way): the function through a pointer, once
 * per element. noipa, so that the pointer stays a pointer, as it does across a library boundary. */
IDIOM_NOIPA static void map_through(double *out, const double *in, size_t n, map_fn *fn) {
    for (size_t i = 0; i < n; i++) out[i] = fn(in[i]);
}

/* filter's counterpart: the kept values in order; how many were kept. */
IDIOM_NOIPA static size_t filter_through(double *out, const double *in, size_t n, predicate_fn *keep) {
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (keep(in[i])) out[kept++] = in[i];
    return kept;
}

static size_t map_loop(double *out, const double *in, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = twice(in[i]);
    return n;
}

static size_t map_call(double *out, const double *in, size_t n) {
    map_through(out, in, n, twice_called);
    return n;
}

/* OpenBLAS: copy, then scale in place (dcopy and dscal; BLAS has no out-of-place scale). */
static size_t map_blas(double *out, const double *in, size_t n) {
    cblas_dcopy((blasint)n, in, 1, out, 1);
    cblas_dscal((blasint)n, 2.0, out, 1);
    return n;
}

static size_t filter_loop(double *out, const double *in, size_t n) {
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (is_big(in[i])) out[kept++] = in[i];
    return kept;
}

static size_t filter_call(double *out, const double *in, size_t n) { return filter_through(out, in, n, is_big_called); }

/* ---- the mechanism: a list of float objects in, a new list out, as CPython 3.11 builds it ---- */

/* The Python function called (vectorcall): `double` makes a new float object for its result;
 * `is_big` returns the shared True or False, so it makes none. */
IDIOM_NOIPA static const double *python_double(const double *x) { return pyfloat_new(twice(*x)); }
IDIOM_NOIPA static int python_is_big(const double *x) { return is_big(*x); }

/* `out.append(y)` in the loop: LOAD_METHOD then a call of the bound method, list_append, which
 * appends as app1 does. Out of line, as the method call is. */
IDIOM_NOIPA static int list_append_method(pylist *out, const double *item) {
    return pylist_append(out, (void *)item);
}

/* `out = []; for x in xs: out.append(double(x))`: a call of the function and a call of the method
 * per element. */
static int map_boxed_loop(pylist *out, const double *const *items, size_t n) {
    for (size_t i = 0; i < n; i++) {
        const double *y = python_double(items[i]);
        if (y == NULL || list_append_method(out, y) != 0) {
            pyfloat_release(y);
            return -1;
        }
    }
    return 0;
}

/* `list(map(double, xs))`: list_extend pulls map_next, which calls the function, and appends in
 * place (app1), with no method call: map has no length, so the list grows as append grows it. */
static int map_boxed_builtin(pylist *out, const double *const *items, size_t n) {
    for (size_t i = 0; i < n; i++) {
        const double *y = python_double(items[i]);
        if (y == NULL || pylist_append(out, (void *)y) != 0) {
            pyfloat_release(y);
            return -1;
        }
    }
    return 0;
}

/* `out = []; for x in xs: if is_big(x): out.append(x)`: the kept items are the same objects. */
static int filter_boxed_loop(pylist *out, const double *const *items, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (python_is_big(items[i]) && list_append_method(out, items[i]) != 0) return -1;
    return 0;
}

/* `list(filter(is_big, xs))`: filter_next calls the predicate and tests its truth; list_extend appends. */
static int filter_boxed_builtin(pylist *out, const double *const *items, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (python_is_big(items[i]) && pylist_append(out, (void *)items[i]) != 0) return -1;
    return 0;
}

/* ---- the lifecycle ---- */

typedef size_t packed_fn(double *out, const double *in, size_t n);
typedef int boxed_fn(pylist *out, const double *const *items, size_t n);

typedef struct variant_spec {
    int is_map;      /* 1: map (every value doubled); 0: filter (the values above KEEP_ABOVE) */
    packed_fn *packed;
    boxed_fn *boxed; /* the mechanism's variants */
} variant_spec;

typedef struct fixture {
    const variant_spec *spec;
    size_t n;
    double *values;        /* n doubles uniform in [0, 1) */
    const double **items; /* the mechanism's list: a float object per value */
    double *out;           /* idiomatic variants' output: room for n */
    size_t out_n;          /* what the last run wrote */
    pylist out_list;       /* the mechanism's output list */
    int failed;            /* the last run ran out of memory */
} fixture;

static int run_variant(void *state) {
    fixture *f = state;
    if (f->spec->boxed) return f->failed = f->spec->boxed(&f->out_list, f->items, f->n) != 0;
    f->out_n = f->spec->packed(f->out, f->values, f->n);
    bench_escape(f->out);
    return 0;
}

/* The output list and, for map, the float objects it made. */
static void release_variant(void *state) {
    fixture *f = state;
    if (f->spec->is_map)
        for (size_t i = 0; i < f->out_list.n; i++) pyfloat_release(f->out_list.items[i]);
    pylist_free(&f->out_list);
}

static void teardown_fixture(void *state) {
    fixture *f = state;
    release_variant(f);
    pyfloat_list_free(f->items, f->n);
    memcount_free(f->values);
    memcount_free(f->out);
    memcount_free(f);
}

static void *setup_fixture(bench_case *c) {
    const size_t n = bench_case_count(c);
    fixture *f = memcount_calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->spec = bench_case_arg(c);
    f->n = n;
    rng r = rng_seeded(bench_seed(), STREAM_INPUT);
    if ((f->values = memcount_malloc((n ? n : 1) * sizeof *f->values)) == NULL ||
        (f->out = memcount_malloc((n ? n : 1) * sizeof *f->out)) == NULL)
        goto out_of_memory;
    for (size_t i = 0; i < n; i++) f->values[i] = rng_unit(&r);
    if (f->spec->boxed && (f->items = pyfloat_list_new(f->values, n)) == NULL) goto out_of_memory;
    openblas_set_num_threads(1); /* one core, as the loops use */
    bench_case_set_items(c, (int64_t)n);
    return f;
out_of_memory:
    bench_case_fail(c, "out of memory for %zu elements", n);
    teardown_fixture(f);
    return NULL;
}

/* The result's k-th value, from whichever output the variant wrote. */
static double result_at(const fixture *f, size_t k) {
    return f->spec->boxed ? *(const double *)f->out_list.items[k] : f->out[k];
}

/* Against the reference, element by element: map's every value doubled (exact in binary floating
 * point), filter's kept values in their order. The count of objects the mechanism made per
 * element is counted on one more run. */
static int check_variant(void *state, bench_case *c) {
    fixture *f = state;
    if (f->failed) {
        bench_case_fail(c, "out of memory while building the output list");
        return -1;
    }
    const size_t made = f->spec->boxed ? f->out_list.n : f->out_n;
    size_t k = 0;
    for (size_t i = 0; i < f->n; i++) {
        if (!f->spec->is_map && !is_big(f->values[i])) continue;
        const double expected = f->spec->is_map ? 2 * f->values[i] : f->values[i];
        if (k >= made || result_at(f, k) != expected) {
            bench_case_fail(c, "element %zu of the result is %.17g, the reference's is %.17g", k,
                            k < made ? result_at(f, k) : 0.0, expected);
            return -1;
        }
        k++;
    }
    if (k != made) {
        bench_case_fail(c, "the result has %zu elements, the reference %zu", made, k);
        return -1;
    }
    bench_case_set_counter(c, "kept_share", f->n ? (double)made / (double)f->n : 0);
    if (f->spec->boxed) {
        release_variant(f);
        const size_t before = pyalloc_requests();
        if (run_variant(f) != 0) {
            bench_case_fail(c, "out of memory while building the output list again, its objects counted");
            return -1;
        }
        bench_case_set_counter(c, "objects_per_element", f->n ? (double)(pyalloc_requests() - before) / (double)f->n : 0);
    }
    return 0;
}

#define PACKED(map, fn) .run = run_variant, .arg = &(const variant_spec){.is_map = (map), .packed = (fn)}
#define BOXED(map, fn) .run = run_variant, .arg = &(const variant_spec){.is_map = (map), .boxed = (fn)}
static const bench_variant variants[] = {
    {.name = "map_loop", PACKED(1, map_loop)},
    {.name = "map_call", PACKED(1, map_call)},
    {.name = "map_blas", PACKED(1, map_blas)},
    {.name = "filter_loop", PACKED(0, filter_loop)},
    {.name = "filter_call", PACKED(0, filter_call)},
    {.name = "map_boxed_loop", BOXED(1, map_boxed_loop)},
    {.name = "map_boxed_builtin", BOXED(1, map_boxed_builtin)},
    {.name = "filter_boxed_loop", BOXED(0, filter_boxed_loop)},
    {.name = "filter_boxed_builtin", BOXED(0, filter_boxed_builtin)},
};

/* Decades from 1,000 to the claims' 1,000,000. */
static const double sweep[] = {1000, 10000, 100000, 1000000};
static const double quick_sweep[] = {1000, 100000};
static const char *const extra_counters[] = {"kept_share", "objects_per_element"};

const bench_comparison bench_this_comparison = {
    .name = "map_filter",
    .param = "n",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "element",
    .about = "Article 001 says `map()` and `filter()` beat the equivalent loop. The work: double each of "
             "n doubles drawn uniformly from [0, 1) (`def double(x): return x * 2`), or keep those above "
             "one half (`def is_big(x): return x > 0.5`). Idiomatic C, packed doubles in and out: "
             "`map_loop` and `filter_loop` are the plain loops, which the compiler inlines and "
             "vectorises; `map_call` and `filter_call` are what map and filter are, a routine that calls "
             "the function through a pointer once per element (out of line, as across a library); "
             "`map_blas` is OpenBLAS's `cblas_dcopy` then `cblas_dscal` on one thread (filter has no "
             "library routine). The mechanism, as CPython 3.11 runs it on a list of float objects: "
             "`map_boxed_loop` is `out.append(double(x))` in a for loop, a call of the function (a new "
             "24-byte float per result, from the pymalloc model) and a call of the bound method "
             "`append` per element; `map_boxed_builtin` is `list(map(double, xs))`, where list_extend "
             "pulls map_next, which calls the function, and appends in place with no method call; "
             "`filter_boxed_loop` and `filter_boxed_builtin` are the same for filter, whose predicate "
             "returns the shared True or False and whose kept items are the input's own objects. Not "
             "modelled: the interpreter's dispatch of the loop's bytecode, which is what map and filter "
             "save in CPython beyond the method call. Timed: one pass into an output made anew (the "
             "mechanism's list and objects freed after each run). Every result is checked against the "
             "reference element by element before timing starts.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    BENCH_EXTRA_COUNTERS(extra_counters),
    .key_numbers = BENCH_KEY_GROWTH_ORDER,
    .setup = setup_fixture,
    .check = check_variant,
    .release = release_variant,
    .teardown = teardown_fixture,
};
