/* bm_membership.c: articles 000 and 002's "x in list" against "x in set": blocks of 1,000 lookups
 * in n ints held by each layout, for 000's hit-mostly draw and for half misses, and 002's single
 * lookup of the key the list holds last. */
#include "bench.h"
#include "membership_layouts.h"

#define BLOCK 1000        /* lookups per iteration: 000's 1,000 random searches */
#define QUERY_BLOCKS 64   /* blocks rotated through, so no short query pattern can be learnt */

typedef enum draw {
    DRAW_ARTICLE,     /* randint(0, n), as 000 draws: nearly all hit */
    DRAW_HALF_MISSES, /* half the keys in [n, 2n) */
    DRAW_LAST_KEY,    /* one lookup of the key the list holds last, as 002's `999999 in` */
} draw;

typedef struct workload {
    const membership_layout *layout;
    draw draw;
} workload;

/* Lookups per iteration: one for 002's single key (its 100 repeats are what timing does here). */
static size_t block_of(const workload *w) { return w->draw == DRAW_LAST_KEY ? 1 : BLOCK; }

/* A variant's state: its set, the query blocks and what each must find. */
typedef struct lookups {
    const membership_layout *layout;
    membership_set set;
    int64_t *values;
    size_t block_size;              /* lookups per block */
    int64_t *queries;               /* QUERY_BLOCKS blocks of block_size keys */
    size_t expected[QUERY_BLOCKS];  /* the reference's hits per block */
    size_t block;                   /* the block the last run looked up */
    size_t hits;                    /* what it found */
} lookups;

/* The keys of all blocks, drawn as the workload says; values are the list's elements in order. */
static void draw_queries(int64_t *queries, size_t count, const int64_t *values, size_t n, draw d) {
    rng r = rng_seeded(bench_seed(), MEMBERSHIP_STREAM_QUERIES);
    for (size_t i = 0; i < count; i++) {
        if (d == DRAW_LAST_KEY) {
            queries[i] = n ? values[n - 1] : 0;
            continue;
        }
        const int miss = d == DRAW_HALF_MISSES && rng_below(&r, 2);
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
    l->block_size = block_of(w);
    l->values = membership_values(n, bench_seed());
    l->queries = memcount_malloc(QUERY_BLOCKS * l->block_size * sizeof *l->queries);
    if (l->values == NULL || l->queries == NULL || w->layout->build(&l->set, l->values, n) != 0) {
        teardown_lookups(l);
        return NULL;
    }
    l->layout = w->layout;
    draw_queries(l->queries, QUERY_BLOCKS * l->block_size, l->values, n, w->draw);
    for (size_t b = 0; b < QUERY_BLOCKS; b++)
        for (size_t i = 0; i < l->block_size; i++)
            l->expected[b] += (size_t)membership_reference(n, l->queries[b * l->block_size + i]);
    l->block = QUERY_BLOCKS - 1; /* so that the first run looks up block 0 */
    bench_case_set_items(c, (int64_t)l->block_size);
    return l;
}

/* One block of lookups; every pass is checked, which costs one compare per block. */
static int run_lookups(void *state) {
    lookups *l = state;
    l->block = (l->block + 1) % QUERY_BLOCKS;
    l->hits = l->layout->count_hits(&l->set, &l->queries[l->block * l->block_size], l->block_size);
    return l->hits != l->expected[l->block];
}

static int check_lookups(void *state, bench_case *c) {
    const lookups *l = state;
    if (l->hits == l->expected[l->block]) return 0;
    bench_case_fail(c, "found %zu of block %zu's keys, the reference finds %zu", l->hits, l->block,
                    l->expected[l->block]);
    return -1;
}

static const workload scan = {&linear_scan, DRAW_ARTICLE}, scan_half = {&linear_scan, DRAW_HALF_MISSES};
static const workload uthash = {&uthash_layout, DRAW_ARTICLE}, uthash_half = {&uthash_layout, DRAW_HALF_MISSES};
static const workload open = {&open_addressing, DRAW_ARTICLE}, open_half = {&open_addressing, DRAW_HALF_MISSES};
static const workload bsearch_ = {&sorted_bsearch, DRAW_ARTICLE}, bsearch_half = {&sorted_bsearch, DRAW_HALF_MISSES};
static const workload scan_last = {&linear_scan, DRAW_LAST_KEY}, uthash_last = {&uthash_layout, DRAW_LAST_KEY};
static const workload open_last = {&open_addressing, DRAW_LAST_KEY}, bsearch_last = {&sorted_bsearch, DRAW_LAST_KEY};
static const workload boxed_list = {&boxed_list_layout, DRAW_ARTICLE}, boxed_list_half = {&boxed_list_layout, DRAW_HALF_MISSES};
static const workload boxed_set = {&boxed_set_layout, DRAW_ARTICLE}, boxed_set_half = {&boxed_set_layout, DRAW_HALF_MISSES};
static const workload boxed_list_last = {&boxed_list_layout, DRAW_LAST_KEY};
static const workload boxed_set_last = {&boxed_set_layout, DRAW_LAST_KEY};
static const workload boxed_tuple_last = {&boxed_tuple_layout, DRAW_LAST_KEY};

/* The boxed list's blocks of 1,000 scans stop here (about 30 ms an iteration; at 65,536 it is 0.1 s,
 * and the pairs and the instruction count pay for it several times over). */
#define BOXED_SCAN_LIMIT 16384

static const bench_variant variants[] = {
    {.name = "linear_scan", .run = run_lookups, .arg = &scan},
    {.name = "uthash_set", .run = run_lookups, .arg = &uthash},
    {.name = "open_addressing", .run = run_lookups, .arg = &open},
    {.name = "sorted_bsearch", .run = run_lookups, .arg = &bsearch_},
    {.name = "linear_scan_half_hits", .run = run_lookups, .arg = &scan_half},
    {.name = "uthash_set_half_hits", .run = run_lookups, .arg = &uthash_half},
    {.name = "open_addressing_half_hits", .run = run_lookups, .arg = &open_half},
    {.name = "sorted_bsearch_half_hits", .run = run_lookups, .arg = &bsearch_half},
    {.name = "linear_scan_last_key", .run = run_lookups, .arg = &scan_last},
    {.name = "uthash_set_last_key", .run = run_lookups, .arg = &uthash_last},
    {.name = "open_addressing_last_key", .run = run_lookups, .arg = &open_last},
    {.name = "sorted_bsearch_last_key", .run = run_lookups, .arg = &bsearch_last},
    {.name = "boxed_list", .run = run_lookups, .arg = &boxed_list, .max_x = BOXED_SCAN_LIMIT},
    {.name = "boxed_set", .run = run_lookups, .arg = &boxed_set},
    {.name = "boxed_list_half_hits", .run = run_lookups, .arg = &boxed_list_half, .max_x = BOXED_SCAN_LIMIT},
    {.name = "boxed_set_half_hits", .run = run_lookups, .arg = &boxed_set_half},
    {.name = "boxed_list_last_key", .run = run_lookups, .arg = &boxed_list_last},
    {.name = "boxed_set_last_key", .run = run_lookups, .arg = &boxed_set_last},
    {.name = "boxed_tuple_last_key", .run = run_lookups, .arg = &boxed_tuple_last},
};

static const bench_workload workloads[] = {
    {"", "keys drawn as the article draws, randint(0, n): nearly all hit"},
    {"_half_hits", "half the keys drawn from [n, 2n): half miss"},
    {"_last_key", "one lookup of the key the list holds last, as 002's `999999 in` a list of 1,000,000"},
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
    .about = "Look up keys in n ints, the article's `list(range(n))` in a drawn order, held six ways. "
             "Idiomatic C: a packed array scanned from the front (`linear_scan`), a uthash set with one "
             "node per element (`uthash_set`), a flat open-addressing table at most half full "
             "(`open_addressing`), a sorted array with binary search (`sorted_bsearch`). The mechanism, "
             "as CPython 3.11 does it: `boxed_list`, a list of pointers to int objects of their own, "
             "scanned as list_contains scans, an out-of-line equality call per element that is not the "
             "query itself, with a reference taken and dropped around each (a write to the element's "
             "count, before and after); `boxed_set`, setobject.c's table of (key, hash) slots, ints hashing to "
             "themselves, nine linear probes then perturbation, grown at three fifths full; "
             "`boxed_tuple_last_key`, tuplecontains's scan of the same int objects with their pointers inline "
             "in the tuple's block, which takes no reference around each comparison as list_contains does "
             "(`boxed_list` stops at 16,384 in the blocks of 1,000, which there take about 30 ms each). Not "
             "modelled: the interpreter's dispatch and the reference counting around the `in` itself. Workloads: "
             "the plain variants run blocks of 1,000 lookups drawn as 000 draws, `randint(0, n)`, "
             "rotating through 64 pre-drawn blocks so that neither the branch predictor nor the caches "
             "learn one; `_half_hits` draws half its keys from [n, 2n); `_last_key` is 002's figure, one "
             "lookup per iteration of the key the list holds last, which the scan reaches after n "
             "compares. Timed: the lookups only; building is `membership_build`. Every block's hit "
             "count, checked and timed, is compared with the reference's.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
};
