/* bm_deferred_free.c: a comparison whose slices would pay for each other's frees if the harness let
 * them (the allocator's deferred work; SETTLE_BYTES in benches/harness/cases.c). One variant frees
 * many small blocks each iteration; the observer fails if, when its run starts, glibc's fast bins
 * hold blocks it did not free, which is what another slice's frees leave for the next large request
 * to merge. Its twin frees small blocks itself before it looks: the control that shows the observer
 * can see them. Built only for the tests (tests/test_deferred_free.sh). */
#include "bench.h"
#include "memcount.h"

#include <malloc.h>
#include <stdio.h>

enum { BLOCK_BYTES = 32 }; /* a fast-bin block: glibc's fast bins take blocks of up to 128 bytes */

typedef struct blocks {
    size_t n;
    void **block;
    size_t unmerged; /* bytes of fast-bin blocks the observer found when its run began; 0 for the others */
} blocks;

static void *setup_blocks(bench_case *c) {
    blocks *b = memcount_calloc(1, sizeof *b);
    if (b == NULL) return NULL;
    b->n = bench_case_count(c);
    b->block = memcount_calloc(b->n, sizeof *b->block);
    if (b->block == NULL) {
        memcount_free(b);
        return NULL;
    }
    bench_case_set_items(c, (int64_t)b->n);
    return b;
}

/* n small blocks allocated, then freed: all but the per-thread cache's few go to the fast bins. */
static int run_small_frees(void *state) {
    blocks *b = state;
    for (size_t i = 0; i < b->n; i++)
        if ((b->block[i] = memcount_malloc(BLOCK_BYTES)) == NULL) return 1;
    for (size_t i = 0; i < b->n; i++) memcount_free(b->block[i]);
    return 0;
}

/* Fails (1) if the fast bins hold blocks when it starts: it frees none itself, so they are another
 * slice's. */
static int run_observer(void *state) {
    blocks *b = state;
    b->unmerged = mallinfo2().fsmblks;
    return b->unmerged != 0;
}

/* The control: its own small frees, then the observer's look, which must see them. */
static int run_observer_after_own_frees(void *state) {
    return run_small_frees(state) != 0 || run_observer(state);
}

static int check_blocks(void *state, bench_case *c) {
    const blocks *b = state;
    if (b->unmerged == 0) return 0;
    bench_case_fail(c, "%zu bytes of small blocks freed elsewhere lay unmerged in the fast bins", b->unmerged);
    return -1;
}

static void teardown_blocks(void *state) {
    blocks *b = state;
    memcount_free(b->block);
    memcount_free(b);
}

static const bench_variant variants[] = {
    {.name = "small_frees", .run = run_small_frees},
    {.name = "observer", .run = run_observer},
    {.name = "observer_after_own_frees", .run = run_observer_after_own_frees},
};
static const double sweep[] = {10000};

const bench_comparison bench_this_comparison = {
    .name = "deferred_free",
    .param = "n",
    .about = "A test comparison: one variant's frees must not be left for another's slice.",
    BENCH_SWEEP(variants, sweep, sweep),
    .setup = setup_blocks,
    .check = check_blocks,
    .teardown = teardown_blocks,
};
