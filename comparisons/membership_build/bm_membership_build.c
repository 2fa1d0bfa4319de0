/* bm_membership_build.c: what each membership layout costs to build from n ints, in time per
 * element and in bytes per element: the articles' memory_profiler figures for list, set, tuple. */
#include "bench.h"
#include "membership_layouts.h"

#define PROBES 1000 /* keys the checked build is asked about: members and non-members */

typedef struct build {
    const membership_layout *layout;
    size_t n;
    int64_t *values;
    membership_set set; /* what the last run built */
} build;

static void *setup_build(bench_case *c) {
    build *b = memcount_calloc(1, sizeof *b);
    if (b == NULL) return NULL;
    b->layout = bench_case_arg(c);
    b->n = bench_case_count(c);
    if ((b->values = membership_values(b->n, bench_seed())) == NULL) {
        memcount_free(b);
        return NULL;
    }
    bench_case_set_items(c, (int64_t)b->n);
    return b;
}

static int run_build(void *state) {
    build *b = state;
    return b->layout->build(&b->set, b->values, b->n);
}

static void release_build(void *state) {
    build *b = state;
    b->layout->free(&b->set);
}

/* Ask the freshly built set about PROBES keys around [0, n): every answer must be the reference's. */
static int check_build(void *state, bench_case *c) {
    const build *b = state;
    rng r = rng_seeded(bench_seed(), MEMBERSHIP_STREAM_QUERIES);
    for (size_t i = 0; i < PROBES; i++) {
        const int64_t key = rng_between(&r, -2, (int64_t)b->n + 1);
        if ((int)b->layout->count_hits(&b->set, &key, 1) != membership_reference(b->n, key)) {
            bench_case_fail(c, "the built set is wrong about key %lld", (long long)key);
            return -1;
        }
    }
    return 0;
}

static void teardown_build(void *state) {
    build *b = state;
    memcount_free(b->values);
    memcount_free(b);
}

static const bench_variant variants[] = {
    {.name = "linear_scan", .run = run_build, .arg = &linear_scan},
    {.name = "uthash_set", .run = run_build, .arg = &uthash_layout},
    {.name = "open_addressing", .run = run_build, .arg = &open_addressing},
    {.name = "sorted_bsearch", .run = run_build, .arg = &sorted_bsearch},
    {.name = "boxed_list", .run = run_build, .arg = &boxed_list_layout},
    {.name = "boxed_set", .run = run_build, .arg = &boxed_set_layout},
};

static const double sweep[] = {16, 256, 4096, 65536, 1000000};
static const double quick_sweep[] = {16, 4096, 65536};

const bench_comparison bench_this_comparison = {
    .name = "membership_build",
    .allocation_heavy = 1, /* malloc and free are much of its time or bytes */
    .param = "n",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "element",
    .key_numbers = BENCH_KEY_GROWTH_ORDER | BENCH_KEY_BYTES_PER_ITEM,
    .setup = setup_build,
    .check = check_build,
    .release = release_build,
    .teardown = teardown_build,
    .about = "Build each membership layout from n ints (0..n-1 in a drawn order) and free it again. "
             "Idiomatic C: copying into a packed array (`linear_scan`), one uthash node per element plus "
             "uthash's doubling bucket array (`uthash_set`), one flat table of 2n to 4n slots "
             "(`open_addressing`), copying and sorting (`sorted_bsearch`). The mechanism: "
             "`list(range(n))` (`boxed_list`: a presized array of pointers, each to a 28-byte int object "
             "from the pymalloc model, the small-int cache's below 257) and `set(range(n))` "
             "(`boxed_set`: the same objects in setobject.c's table of 16-byte slots, grown as CPython "
             "grows it). Not modelled: the interpreter's own heap, which memory_profiler also sees. "
             "Timed: build and free; `peak_bytes` is the layout's peak heap use while it is built, "
             "as glibc grants it, the analogue of the articles' memory_profiler increments. Each checked "
             "build answers 1,000 membership questions against the reference before timing starts.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
};
