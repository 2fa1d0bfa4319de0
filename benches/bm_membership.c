/* bm_membership.c: articles 000 and 002's "x in list" against "x in set": blocks of 1,000 lookups
 * in n ints held by each layout, for the article's hit-mostly draw and for half misses. */
#include "harness/bench.h"
#include "membership_layouts.h"

#define BLOCK 1000        /* lookups per iteration: the article's 1,000 random searches */
#define QUERY_BLOCKS 64   /* blocks rotated through, so no short query pattern can be learnt */

typedef struct workload {
    const membership_layout *layout;
    int half_misses; /* 0: randint(0, n) as the article draws; 1: half the keys in [n, 2n) */
} workload;

/* The keys of all blocks, drawn as the workload says. */
static void draw_queries(int64_t *queries, size_t count, size_t n, int half_misses) {
    rng r = rng_seeded(bench_seed(), MEMBERSHIP_STREAM_QUERIES);
    for (size_t i = 0; i < count; i++) {
        const int miss = half_misses && rng_below(&r, 2);
        queries[i] = miss ? (int64_t)(n + rng_below(&r, n)) : rng_between(&r, 0, (int64_t)n);
    }
}

static void run_lookups(bench_state *st, const void *arg) {
    const workload *w = arg;
    const size_t n = bench_x_count(st);
    int64_t *values = membership_values(n, bench_seed());
    int64_t *queries = memcount_malloc(QUERY_BLOCKS * BLOCK * sizeof *queries);
    membership_set set;
    if (values == NULL || queries == NULL || w->layout->build(&set, values, n) != 0) {
        bench_fail(st, "out of memory building the set");
        memcount_free(values);
        memcount_free(queries);
        return;
    }
    draw_queries(queries, QUERY_BLOCKS * BLOCK, n, w->half_misses);
    size_t expected[QUERY_BLOCKS], expected_all = 0;
    for (size_t b = 0; b < QUERY_BLOCKS; b++) {
        expected[b] = 0;
        for (size_t i = 0; i < BLOCK; i++) expected[b] += (size_t)membership_reference(n, queries[b * BLOCK + i]);
        expected_all += expected[b];
    }
    /* Checked before timing: the first block through the layout. */
    bench_memory_start(st);
    const size_t first = w->layout->count_hits(&set, queries, BLOCK);
    bench_memory_stop(st);
    if (first != expected[0]) {
        bench_fail(st, "found %zu of block 0's keys, the reference finds %zu", first, expected[0]);
    } else {
        size_t hits = 0;
        uint64_t block = 0;
        BENCH_LOOP(st) {
            hits += w->layout->count_hits(&set, &queries[(block % QUERY_BLOCKS) * BLOCK], BLOCK);
            block++;
            BENCH_KEEP(hits);
        }
        /* And every timed block too: the total must be what the reference finds in those blocks. */
        const uint64_t rounds = block / QUERY_BLOCKS;
        size_t want = (size_t)rounds * expected_all;
        for (uint64_t b = 0; b < block % QUERY_BLOCKS; b++) want += expected[b];
        if (hits != want) bench_fail(st, "the timed blocks found %zu keys, the reference %zu", hits, want);
        bench_set_items(st, BLOCK);
    }
    w->layout->free(&set);
    memcount_free(queries);
    memcount_free(values);
}

static const workload scan = {&linear_scan, 0}, scan_half = {&linear_scan, 1};
static const workload uthash = {&uthash_layout, 0}, uthash_half = {&uthash_layout, 1};
static const workload open = {&open_addressing, 0}, open_half = {&open_addressing, 1};
static const workload bsearch_ = {&sorted_bsearch, 0}, bsearch_half = {&sorted_bsearch, 1};

static const bench_variant variants[] = {
    {"linear_scan", run_lookups, &scan, 0},
    {"uthash_set", run_lookups, &uthash, 0},
    {"open_addressing", run_lookups, &open, 0},
    {"sorted_bsearch", run_lookups, &bsearch_, 0},
    {"linear_scan_half_hits", run_lookups, &scan_half, 0},
    {"uthash_set_half_hits", run_lookups, &uthash_half, 0},
    {"open_addressing_half_hits", run_lookups, &open_half, 0},
    {"sorted_bsearch_half_hits", run_lookups, &bsearch_half, 0},
};

/* Dense where the crossover lies, then by powers of four to the article's 1,000,000. */
static const double sweep[] = {4, 8, 16, 24, 32, 48, 64, 96, 128, 256, 512, 1024, 4096, 16384, 65536, 262144, 1000000};
static const double quick_sweep[] = {4, 32, 256, 4096, 65536};

const bench_comparison bench_this_comparison = {
    .name = "membership",
    .param = "n",
    .about = "Look up keys in n ints, the article's `list(range(n))`, held four ways: a packed array "
             "scanned from the front (`linear_scan`, Python's list or tuple `in`), a uthash set with one "
             "node per element (`uthash_set`), a flat open-addressing table with linear probing and at "
             "most half its slots used (`open_addressing`), and a sorted array with binary search "
             "(`sorted_bsearch`). One iteration is a block of 1,000 lookups (items = 1,000); the blocks "
             "rotate through 64 pre-drawn ones so that neither the branch predictor nor the caches learn "
             "one pattern. The plain variants draw keys as the article does, `randint(0, n)`, so nearly "
             "all hit; the `_half_hits` variants draw half their keys from [n, 2n), which all miss. "
             "Timed: the lookups only; building the set is `membership_build`. The first block is "
             "checked against the reference before timing, and the hit count of every timed block "
             "after it.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
};
