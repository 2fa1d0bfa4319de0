/* bm_memory_bandwidth.c: the machine's copy bandwidth against working-set size: memcpy from one
 * half of the working set to the other. With memory_latency, the two limits a memory-bound result
 * runs into: how long one load waits, and how many bytes a second can stream. */
#include "bench.h"
#include "memcount.h"
#include "rng.h"

#include <stdlib.h>
#include <string.h>

enum { STREAM_BYTES = 0xb4d7 }; /* the PRNG stream of the source's bytes */

typedef struct fixture {
    unsigned char *from, *to;
    size_t half;
} fixture;

static int run_copy(void *state) {
    fixture *f = state;
    memcpy(f->to, f->from, f->half);
    bench_escape(f->to);
    return 0;
}

static void teardown_fixture(void *state) {
    fixture *f = state;
    memcount_free(f->from);
    memcount_free(f->to);
    free(f);
}

static void *setup_fixture(bench_case *c) {
    const size_t bytes = bench_case_count(c);
    if (bytes < 128 || bytes % 128 != 0) {
        bench_case_fail(c, "a working set of %zu bytes: it must be a multiple of 128", bytes);
        return NULL;
    }
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->half = bytes / 2;
    f->from = memcount_aligned(64, f->half);
    f->to = memcount_aligned(64, f->half);
    if (f->from == NULL || f->to == NULL) {
        teardown_fixture(f);
        return NULL;
    }
    rng r = rng_seeded(bench_seed(), STREAM_BYTES);
    for (size_t i = 0; i < f->half; i++) f->from[i] = (unsigned char)rng_next(&r);
    memset(f->to, 0, f->half);
    bench_case_set_items(c, (int64_t)f->half);
    return f;
}

static int check_copy(void *state, bench_case *c) {
    const fixture *f = state;
    if (memcmp(f->from, f->to, f->half) != 0) {
        bench_case_fail(c, "the copy of %zu bytes differs from its source", f->half);
        return -1;
    }
    return 0;
}

static const bench_variant variants[] = {
    {.name = "memcpy_copy", .run = run_copy},
};

/* Working sets (both halves): 4 KiB to 256 MiB, quadrupling. */
static const double sweep[] = {4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864, 268435456};
static const double quick_sweep[] = {16384, 1048576, 16777216};

const bench_comparison bench_this_comparison = {
    .name = "memory_bandwidth",
    .param = "bytes",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "byte",
    .about = "The machine's copy bandwidth against working-set size: glibc's `memcpy` from one half of a "
             "working set of `bytes` to the other, its source drawn from the seeded PRNG; ns per byte "
             "copied (bytes per ns is GB/s). Checked: the copy equals its source. Where the working set "
             "leaves the last cache level the rate drops to what the memory system streams.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    .setup = setup_fixture,
    .check = check_copy,
    .teardown = teardown_fixture,
    .calibration = 1,
    .calibrates = "copy_bandwidth",
};
