/* bm_membership_build.c: what each membership layout costs to build from n ints, in time per
 * element and in bytes per element: the articles' memory_profiler figures for list, set, tuple. */
#include "harness/bench.h"
#include "membership_layouts.h"

#define PROBES 1000 /* keys the checked build is asked about: members and non-members */

/* Ask a freshly built set about PROBES keys around [0, n); 0 if every answer is the reference's. */
static int check_set(bench_state *st, const membership_layout *layout, const void *set, size_t n) {
    rng r = rng_seeded(bench_seed(), MEMBERSHIP_STREAM_QUERIES);
    for (size_t i = 0; i < PROBES; i++) {
        const int64_t key = rng_between(&r, -2, (int64_t)n + 1);
        if ((int)layout->count_hits(set, &key, 1) != membership_reference(n, key)) {
            bench_fail(st, "the built set is wrong about key %lld", (long long)key);
            return -1;
        }
    }
    return 0;
}

static void run_build(bench_state *st, const void *arg) {
    const membership_layout *layout = arg;
    const size_t n = bench_x_count(st);
    int64_t *values = membership_values(n, bench_seed());
    if (values == NULL) {
        bench_fail(st, "out of memory for %zu values", n);
        return;
    }
    membership_set set;
    bench_memory_start(st);
    int status = layout->build(&set, values, n);
    if (status == 0) {
        status = check_set(st, layout, &set, n);
        layout->free(&set);
    } else {
        bench_fail(st, "out of memory in the checked build");
    }
    bench_memory_stop(st);
    if (status == 0 && !bench_failed(st)) {
        BENCH_LOOP(st) {
            if (layout->build(&set, values, n) != 0) {
                bench_fail(st, "out of memory in the timed loop");
                break;
            }
            bench_escape(&set);
            layout->free(&set);
        }
        bench_set_items(st, (int64_t)n);
    }
    memcount_free(values);
}

static const bench_variant variants[] = {
    {"linear_scan", run_build, &linear_scan, 0},
    {"uthash_set", run_build, &uthash_layout, 0},
    {"open_addressing", run_build, &open_addressing, 0},
    {"sorted_bsearch", run_build, &sorted_bsearch, 0},
};

static const double sweep[] = {16, 256, 4096, 65536, 1000000};
static const double quick_sweep[] = {16, 4096, 65536};

const bench_comparison bench_this_comparison = {
    .name = "membership_build",
    .param = "n",
    .about = "Build each membership layout from n ints (0..n-1 in a drawn order) and free it again: "
             "copying into a packed array (`linear_scan`), one uthash node per element plus uthash's "
             "doubling bucket array (`uthash_set`), one flat table of 2n to 4n slots "
             "(`open_addressing`), copying and sorting (`sorted_bsearch`). Timed: build and free; "
             "`peak_bytes` is the layout's peak heap use while it is built, as glibc grants it, the "
             "analogue of the articles' memory_profiler increments. Each checked build answers 1,000 "
             "membership questions against the reference before timing starts.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
};
