/* bm_membership.c: articles 000 and 002's "x in list" against "x in set": blocks of 1,000 lookups
 * in n ints held by each layout, for the article's hit-mostly draw and for half misses. */
#include "bench.h"
#include "membership_layouts.h"

#define BLOCK 1000        /* lookups per iteration: the article's 1,000 random searches */
#define QUERY_BLOCKS 64   /* blocks rotated through, so no short query pattern can be learnt */

typedef struct workload {
    const membership_layout *layout;
    int half_misses; /* 0: randint(0, n) as the article draws; 1: half the keys in [n, 2n) */
} workload;

/* A variant's state: its set, the query blocks and what each must find. */
typedef struct lookups {
    const membership_layout *layout;
    membership_set set;
    int64_t *values;
    int64_t *queries;               /* QUERY_BLOCKS blocks of BLOCK keys */
    size_t expected[QUERY_BLOCKS];  /* the reference's hits per block */
    size_t block;                   /* the block the last run looked up */
    size_t hits;                    /* what it found */
} lookups;

/* The keys of all blocks, drawn as the workload says. */
static void draw_queries(int64_t *queries, size_t count, size_t n, int half_misses) {
    rng r = rng_seeded(bench_seed(), MEMBERSHIP_STREAM_QUERIES);
    for (size_t i = 0; i < count; i++) {
        const int miss = half_misses && rng_below(&r, 2);
        queries[i] = miss ? (int64_t)(n + rng_below(&r, n)) : rng_between(&r, 0, (int64_t)n);
    }
}

static void teardown_lookups(void *state) {
    lookups *l = state;
    if (l->layout) l->layout->free(&l->set);
    memcount_free(l->queries);
    memcount_free(l->values);
    memcount_free(l);
}

static void *setup_lookups(bench_case *c) {
    const workload *w = bench_case_arg(c);
    const size_t n = bench_case_count(c);
    lookups *l = memcount_calloc(1, sizeof *l);
    if (l == NULL) return NULL;
    l->values = membership_values(n, bench_seed());
    l->queries = memcount_malloc(QUERY_BLOCKS * BLOCK * sizeof *l->queries);
    if (l->values == NULL || l->queries == NULL || w->layout->build(&l->set, l->values, n) != 0) {
        teardown_lookups(l);
        return NULL;
    }
    l->layout = w->layout;
    draw_queries(l->queries, QUERY_BLOCKS * BLOCK, n, w->half_misses);
    for (size_t b = 0; b < QUERY_BLOCKS; b++)
        for (size_t i = 0; i < BLOCK; i++) l->expected[b] += (size_t)membership_reference(n, l->queries[b * BLOCK + i]);
    l->block = QUERY_BLOCKS - 1; /* so that the first run looks up block 0 */
    bench_case_set_items(c, BLOCK);
    return l;
}

/* One block of lookups; every pass is checked, which costs one compare per 1,000 lookups. */
static int run_lookups(void *state) {
    lookups *l = state;
    l->block = (l->block + 1) % QUERY_BLOCKS;
    l->hits = l->layout->count_hits(&l->set, &l->queries[l->block * BLOCK], BLOCK);
    return l->hits != l->expected[l->block];
}

static int check_lookups(void *state, bench_case *c) {
    const lookups *l = state;
    if (l->hits == l->expected[l->block]) return 0;
    bench_case_fail(c, "found %zu of block %zu's keys, the reference finds %zu", l->hits, l->block,
                    l->expected[l->block]);
    return -1;
}

static const workload scan = {&linear_scan, 0}, scan_half = {&linear_scan, 1};
static const workload uthash = {&uthash_layout, 0}, uthash_half = {&uthash_layout, 1};
static const workload open = {&open_addressing, 0}, open_half = {&open_addressing, 1};
static const workload bsearch_ = {&sorted_bsearch, 0}, bsearch_half = {&sorted_bsearch, 1};

static const bench_variant variants[] = {
    {.name = "linear_scan", .run = run_lookups, .arg = &scan},
    {.name = "uthash_set", .run = run_lookups, .arg = &uthash},
    {.name = "open_addressing", .run = run_lookups, .arg = &open},
    {.name = "sorted_bsearch", .run = run_lookups, .arg = &bsearch_},
    {.name = "linear_scan_half_hits", .run = run_lookups, .arg = &scan_half},
    {.name = "uthash_set_half_hits", .run = run_lookups, .arg = &uthash_half},
    {.name = "open_addressing_half_hits", .run = run_lookups, .arg = &open_half},
    {.name = "sorted_bsearch_half_hits", .run = run_lookups, .arg = &bsearch_half},
};

static const bench_workload workloads[] = {
    {"", "keys drawn as the article draws, randint(0, n): nearly all hit"},
    {"_half_hits", "half the keys drawn from [n, 2n): half miss"},
};

/* Dense where the crossover lies, then by powers of four to the article's 1,000,000. */
static const double sweep[] = {4, 8, 16, 24, 32, 48, 64, 96, 128, 256, 512, 1024, 4096, 16384, 65536, 262144, 1000000};
static const double quick_sweep[] = {4, 32, 256, 4096, 65536};

const bench_comparison bench_this_comparison = {
    .name = "membership",
    .memory_variant = "uthash_set",
    .param = "n",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "lookup",
    .key_numbers = BENCH_KEY_GROWTH_ORDER,
    .setup = setup_lookups,
    .check = check_lookups,
    .teardown = teardown_lookups,
    BENCH_WORKLOADS(workloads),
    .about = "Look up keys in n ints, the article's `list(range(n))`, held four ways: a packed array "
             "scanned from the front (`linear_scan`, Python's list or tuple `in`), a uthash set with one "
             "node per element (`uthash_set`), a flat open-addressing table with linear probing and at "
             "most half its slots used (`open_addressing`), and a sorted array with binary search "
             "(`sorted_bsearch`). One iteration is a block of 1,000 lookups (items = 1,000); the blocks "
             "rotate through 64 pre-drawn ones so that neither the branch predictor nor the caches learn "
             "one pattern. The plain variants draw keys as the article does, `randint(0, n)`, so nearly "
             "all hit; the `_half_hits` variants draw half their keys from [n, 2n), which all miss. "
             "Timed: the lookups only; building the set is `membership_build`. Each variant's "
             "set is built once; every block's hit count, checked and timed, is compared with the "
             "reference's.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
};
