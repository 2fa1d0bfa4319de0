/* bm_memory_release.c: article 002's memory_profiler run shows `del b` handing back all 152.9 MiB
 * of a list at once, and article 001 says gc.collect() releases memory. What hands freed memory back
 * to the kernel in C: free of one large block, free of a structure of many small blocks, and
 * malloc_trim after it. Each figure is the resident set's growth that remains at the variant's end
 * state, measured in a child process of its own. */
#define _GNU_SOURCE /* malloc_trim, mallopt */
#include "bench.h"
#include "idiom_config.h"
#include "process_pool.h"
#include "resident.h"
#include "stats.h"

#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#define SAMPLES 7 /* children per checked case: their range holds the median at 98% per side */
#define MIB (1024.0 * 1024.0)
/* glibc's default thresholds, fixed, as a fresh process starts: blocks from 128 KiB up are mapped
 * and unmapped on their own, and a free top of the heap above 128 KiB is trimmed. Fixed, because
 * glibc raises both after the first large free, and a long-lived process reads differently. */
#define FRESH_THRESHOLD (128 * 1024)

/* A small block: a float object's 24 bytes (a 32-byte chunk in glibc), linked to the one made after it. */
typedef struct small_block {
    struct small_block *next;
    int64_t value;
    char rest[8];
} small_block;

typedef enum shape { ONE_BLOCK, SMALL_BLOCKS } shape;
typedef enum end_state {
    HELD,    /* the structure still alive */
    FREED,   /* freed: `del b` */
    TRIMMED, /* freed, then malloc_trim(0): what returns freed memory to the kernel in C */
} end_state;

typedef struct variant_spec {
    shape shape;
    end_state end;
} variant_spec;

typedef struct fixture {
    const variant_spec *spec;
    size_t bytes;         /* the structure's size: x */
    int64_t expected;     /* what reading the structure back sums to */
    int64_t *block;       /* ONE_BLOCK, while held */
    small_block *head;    /* SMALL_BLOCKS, while held */
    int64_t read_back;    /* the last built structure's sum, read before its end state */
} fixture;

static size_t elements_of(const fixture *f) {
    return f->spec->shape == ONE_BLOCK ? f->bytes / sizeof(int64_t) : f->bytes / 32;
}

static void free_structure(fixture *f) {
    free(f->block);
    f->block = NULL;
    while (f->head != NULL) {
        small_block *next = f->head->next;
        free(f->head);
        f->head = next;
    }
}

/* Build the structure, every byte of it written (a pointer per slot, or a block per element), and
 * sum it back. 0, or -1 if out of memory (nothing kept). */
static int build_structure(fixture *f) {
    const size_t n = elements_of(f);
    int64_t sum = 0;
    if (f->spec->shape == ONE_BLOCK) {
        if ((f->block = malloc(n * sizeof *f->block)) == NULL) return -1;
        for (size_t i = 0; i < n; i++) f->block[i] = (int64_t)i;
        bench_escape(f->block);
        for (size_t i = 0; i < n; i++) sum += f->block[i];
    } else {
        small_block **tail = &f->head;
        for (size_t i = 0; i < n; i++) {
            small_block *b = malloc(sizeof *b);
            if (b == NULL) {
                free_structure(f);
                return -1;
            }
            *b = (small_block){.next = NULL, .value = (int64_t)i};
            *tail = b;
            tail = &b->next;
        }
        for (const small_block *b = f->head; b != NULL; b = b->next) sum += b->value;
    }
    f->read_back = sum;
    return 0;
}

/* The variant's end state after building: held, freed, or freed and trimmed. */
static void end_structure(fixture *f) {
    if (f->spec->end == HELD) return;
    free_structure(f);
    if (f->spec->end == TRIMMED) malloc_trim(0);
}

static int run_variant(void *state) {
    fixture *f = state;
    if (build_structure(f) != 0) return -1;
    end_structure(f);
    return f->read_back != f->expected;
}

static void release_variant(void *state) { free_structure(state); }

/* A process_each_fn: one sample, in a child whose allocator has fixed fresh thresholds and a
 * trimmed heap: the growth of its resident set from before the build to the end state, in bytes (0
 * if it shrank), into *(double *)result. Nonzero if it failed (out of memory, a wrong read-back, no
 * smaps_rollup). */
static int sample_in_child(size_t index, void *arg, void *result) {
    (void)index;
    fixture *f = arg;
    free_structure(f); /* the parent's, if any: its pages are the parent's to count */
    mallopt(M_MMAP_THRESHOLD, FRESH_THRESHOLD);
    mallopt(M_TRIM_THRESHOLD, FRESH_THRESHOLD);
    malloc_trim(0);
    const long long before = resident_bytes(0, RESIDENT_RSS);
    if (before < 0 || build_structure(f) != 0 || f->read_back != f->expected) return -1;
    end_structure(f);
    const long long after = resident_bytes(0, RESIDENT_RSS);
    if (after < 0) return -1;
    *(double *)result = after > before ? (double)(after - before) : 0;
    return 0;
}

static void *setup_fixture(bench_case *c) {
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->spec = bench_case_arg(c);
    f->bytes = bench_case_count(c);
    const int64_t n = (int64_t)elements_of(f);
    f->expected = n * (n - 1) / 2;
    const double mib = (double)f->bytes / MIB;
    bench_case_set_items(c, mib >= 1 ? (int64_t)(mib + 0.5) : 1);
    return f;
}

/* The last run read its structure back right (run checks it on every pass). Then SAMPLES children
 * measure the resident growth the end state leaves: the median, and the range as its interval. */
static int check_variant(void *state, bench_case *c) {
    fixture *f = state;
    if (f->read_back != f->expected) {
        bench_case_fail(c, "the structure read back %lld, the reference %lld", (long long)f->read_back,
                        (long long)f->expected);
        return -1;
    }
    double growth[SAMPLES];
    for (int k = 0; k < SAMPLES; k++) {
        if (process_pool_fork_each(1, sample_in_child, f, &growth[k], sizeof growth[k]) != 0) {
            bench_case_fail(c, "a measuring child failed: out of memory, a wrong read-back, or no "
                               "/proc/self/smaps_rollup");
            return -1;
        }
    }
    bench_case_set_counter(c, "resident_growth_bytes", stats_median(growth, SAMPLES));
    bench_case_set_counter(c, "resident_growth_bytes_lo", stats_min(growth, SAMPLES));
    bench_case_set_counter(c, "resident_growth_bytes_hi", stats_max(growth, SAMPLES));
    return 0;
}

static void teardown_fixture(void *state) {
    release_variant(state);
    free(state);
}

#define SPEC(s, e) .run = run_variant, .arg = &(const variant_spec){.shape = (s), .end = (e)}
static const bench_variant variants[] = {
    {.name = "one_block_held", SPEC(ONE_BLOCK, HELD)},
    {.name = "one_block_freed", SPEC(ONE_BLOCK, FREED)},
    {.name = "small_blocks_held", SPEC(SMALL_BLOCKS, HELD)},
    {.name = "small_blocks_freed", SPEC(SMALL_BLOCKS, FREED)},
    {.name = "small_blocks_trimmed", SPEC(SMALL_BLOCKS, TRIMMED)},
};

/* 1 MiB, 16 MiB, and the article's list of 20,000,000 pointers: 160,000,000 bytes. */
static const double sweep[] = {1048576, 16777216, 160000000};
static const double quick_sweep[] = {1048576, 16777216};
static const char *const extra_counters[] = {"resident_growth_bytes", "resident_growth_bytes_lo",
                                             "resident_growth_bytes_hi"};

const bench_comparison bench_this_comparison = {
    .name = "memory_release",
    .param = "bytes",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "MiB",
    .allocation_heavy = 1, /* what it measures is the allocator's */
    .setup = setup_fixture,
    .check = check_variant,
    .release = release_variant,
    .teardown = teardown_fixture,
    .about = "Build a structure of x bytes, every byte written, then leave it held, free it, or free it "
             "and call `malloc_trim(0)`. `one_block` is one allocation, as the array of article 002's "
             "`b = [2] * (2 * 10 ** 7)` is (20,000,000 pointers: x = 160,000,000); `small_blocks` is "
             "x / 32 blocks of 24 bytes (a float object's size; glibc's 32-byte chunks), linked in the "
             "order they were made and freed in that order. `resident_growth_bytes` is how much the "
             "resident set (Rss of /proc/self/smaps_rollup) grew from before the build to the end "
             "state, in a child process forked for the purpose with glibc's thresholds fixed at their "
             "fresh values (mmap from 128 KiB, trim above 128 KiB: glibc raises both after the first "
             "large free, so a long-running process would read otherwise) and its heap trimmed first; "
             "the median of 7 children, with their range as the interval. C has no garbage collector: "
             "freed memory goes back to the kernel when free unmaps a large block or trims the top of "
             "the heap, or when `malloc_trim` is called, which is what the `_trimmed` variant "
             "measures. Timed: building, reading back and the end state, in the bench process. Every "
             "build's sum is read back and compared with the reference, in each timed run and in "
             "each child.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    BENCH_EXTRA_COUNTERS(extra_counters),
};
