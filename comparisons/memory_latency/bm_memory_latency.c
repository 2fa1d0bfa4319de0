/* bm_memory_latency.c: the machine's dependent-load latency against working-set size, as lmbench's
 * lat_mem_rd: a pointer chase over one random cycle through every cache line of a buffer, so that
 * each load's address depends on the last one's value and no prefetcher can guess it. Its curve is
 * the step from each cache level to DRAM that explains memory-bound results elsewhere. */
#include "bench.h"
#include "memcount.h"
#include "rng.h"

#include <stdlib.h>

#define LINE 64             /* bytes per node: one cache line */
#define LOADS_PER_ITERATION 16384
enum { STREAM_CYCLE = 0x1a7e }; /* the PRNG stream of the cycle's order */

typedef struct node {
    struct node *next;
    char pad[LINE - sizeof(struct node *)];
} node;

typedef struct fixture {
    node *lines;        /* n nodes, one cycle through all of them */
    uint32_t *order;    /* order[k]: the node k steps along the cycle from where the chase starts */
    size_t n;
    node *at;           /* where the chase stands: each iteration goes on from the last */
    uint64_t steps;     /* loads made since setup */
} fixture;

/* LOADS_PER_ITERATION dependent loads from where the last iteration stopped. */
static int run_chase(void *state) {
    fixture *f = state;
    node *p = f->at;
    for (int i = 0; i < LOADS_PER_ITERATION; i++) p = p->next;
    f->at = p;
    f->steps += LOADS_PER_ITERATION;
    return 0;
}

/* The cycle through all n lines: Sattolo's algorithm (a uniformly random single cycle) for the
 * random chase, address order for the sequential one. */
static void link_cycle(fixture *f, int random_order) {
    for (size_t k = 0; k < f->n; k++) f->order[k] = (uint32_t)k;
    if (random_order) {
        rng r = rng_seeded(bench_seed(), STREAM_CYCLE);
        for (size_t k = f->n - 1; k > 0; k--) { /* Sattolo: j < k, so the result is one cycle */
            const size_t j = (size_t)rng_below(&r, k);
            const uint32_t t = f->order[k];
            f->order[k] = f->order[j];
            f->order[j] = t;
        }
    }
    for (size_t k = 0; k < f->n; k++) f->lines[f->order[k]].next = &f->lines[f->order[(k + 1) % f->n]];
}

static void teardown_fixture(void *state) {
    fixture *f = state;
    memcount_free(f->lines);
    memcount_free(f->order);
    free(f);
}

static void *setup_fixture(bench_case *c) {
    const size_t bytes = bench_case_count(c);
    if (bytes < 2 * LINE || bytes % LINE != 0 || bytes / LINE > UINT32_MAX) {
        bench_case_fail(c, "a working set of %zu bytes: it must be a multiple of %d, of at least two lines", bytes, LINE);
        return NULL;
    }
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->n = bytes / LINE;
    f->lines = memcount_aligned(LINE, f->n * sizeof *f->lines);
    f->order = memcount_malloc(f->n * sizeof *f->order);
    if (f->lines == NULL || f->order == NULL) {
        teardown_fixture(f);
        return NULL;
    }
    link_cycle(f, *(const int *)bench_case_arg(c));
    f->at = &f->lines[f->order[0]];
    bench_case_set_items(c, LOADS_PER_ITERATION);
    return f;
}

/* The chase stands where the cycle's order says it must after all the loads made so far. The order
 * array is not read by the chase, so it does not count against the working set's caches. */
static int check_chase(void *state, bench_case *c) {
    const fixture *f = state;
    const node *expected = &f->lines[f->order[f->steps % f->n]];
    if (f->at != expected) {
        bench_case_fail(c, "after %llu loads the chase stands at line %td, not %td", (unsigned long long)f->steps,
                        f->at - f->lines, expected - f->lines);
        return -1;
    }
    return 0;
}

static const bench_variant variants[] = {
    {.name = "random_chase", .run = run_chase, .arg = &(const int){1}},
    {.name = "sequential_chase", .run = run_chase, .arg = &(const int){0}},
};

/* Working sets: 4 KiB to 256 MiB, doubling. */
static const double sweep[] = {4096, 8192, 16384, 32768, 65536, 131072, 262144, 524288, 1048576, 2097152, 4194304,
                               8388608, 16777216, 33554432, 67108864, 134217728, 268435456};
static const double quick_sweep[] = {16384, 1048576, 16777216};

const bench_comparison bench_this_comparison = {
    .name = "memory_latency",
    .param = "bytes",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "load",
    .about = "The machine's dependent-load latency against working-set size, as lmbench's `lat_mem_rd`. A buffer "
             "of `bytes` is cut into 64-byte cache lines linked into one cycle; an iteration makes 16,384 "
             "loads, each reading the address of the next, going on from where the last iteration stopped "
             "so that the whole buffer is walked. `random_chase` links the lines in a random order "
             "(Sattolo's algorithm: one cycle through every line), which defeats the prefetchers: its ns "
             "per load is the latency of the level the working set fits in, TLB misses included. "
             "`sequential_chase` links them in address order, which the prefetchers follow. Checked: after "
             "every load made so far, the chase stands on the line the cycle's order predicts. The other "
             "comparisons' charts draw `random_chase` at their own working sets, and the report counts "
             "memory-bound results in these loads.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    .setup = setup_fixture,
    .check = check_chase,
    .teardown = teardown_fixture,
    .calibration = 1,
    .calibrates = "load_latency",
};
