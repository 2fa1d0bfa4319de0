/* bm_measurement_spread.c: article 000 times its chained SHA-1 three ways: `time.time()` around
 * one run, `timeit`'s best of repeats, and pytest-benchmark's statistics over many rounds. Each
 * variant here is one of those methods applied to the same chain in C; what matters is the figure
 * each reports and how much that figure moves when the method is applied again. */
#include "bench.h"
#include "idiom_config.h"
#include "sha1_chain.h"
#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TRIALS 21          /* applications of a method whose reported figures make its spread */
#define QUICK_TRIALS 7
#define BEST_OF 5          /* timeit's default repeat */
#define BOOTSTRAP_RESAMPLES 2000
/* Each side of a ratio of two spreads gets this confidence, so that the ratio's interval, from the
 * two sides' bounds, holds at IDIOM_CONFIDENCE (Bonferroni). */
#define SIDE_CONFIDENCE (1 - (1 - IDIOM_CONFIDENCE) / 2)

typedef enum method { SINGLE_SHOT, BEST_OF_N, HARNESS } method;

typedef struct fixture {
    method how;
    size_t hashes;
    sha1_chain expected; /* the chain's end, computed once at setup */
    double reported;     /* the last measurement's figure: ns per hash */
} fixture;

static double seconds_on(clockid_t id) {
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Seconds one chain of f->hashes takes on clock id; negative if its end is wrong. */
static double timed_chain(const fixture *f, clockid_t id) {
    sha1_chain text;
    sha1_chain_seed(&text, 0);
    const double start = seconds_on(id);
    const int status = sha1_chain_advance(&text, f->hashes, NULL);
    const double seconds = seconds_on(id) - start;
    return status == 0 && strcmp(text.bytes, f->expected.bytes) == 0 ? seconds : -1;
}

/* As this suite's sweep does: repetitions of enough chains to last the minimum time, their median. */
static double harness_seconds(const fixture *f) {
    const int quick = bench_quick();
    const size_t repetitions = quick ? IDIOM_QUICK_SWEEP_REPETITIONS : IDIOM_SWEEP_REPETITIONS;
    const double min_time = quick ? IDIOM_QUICK_SWEEP_MIN_TIME : IDIOM_SWEEP_MIN_TIME;
    const double one = timed_chain(f, CLOCK_MONOTONIC); /* calibration, as Google Benchmark's */
    if (one < 0) return -1;
    const size_t chains = one >= min_time ? 1 : (size_t)ceil(min_time / (one > 0 ? one : 1e-9));
    double per_chain[IDIOM_SWEEP_REPETITIONS > IDIOM_QUICK_SWEEP_REPETITIONS ? IDIOM_SWEEP_REPETITIONS
                                                                             : IDIOM_QUICK_SWEEP_REPETITIONS];
    for (size_t r = 0; r < repetitions; r++) {
        double total = 0;
        for (size_t k = 0; k < chains; k++) {
            const double t = timed_chain(f, CLOCK_MONOTONIC);
            if (t < 0) return -1;
            total += t;
        }
        per_chain[r] = total / (double)chains;
    }
    return stats_median(per_chain, repetitions);
}

/* One application of the method: its figure, in ns per hash, into f->reported. */
static int run_method(void *state) {
    fixture *f = state;
    double seconds = -1;
    switch (f->how) {
    case SINGLE_SHOT: /* time.time(): the wall clock, one run */
        seconds = timed_chain(f, CLOCK_REALTIME);
        break;
    case BEST_OF_N: /* timeit.repeat(number=1, repeat=5) and its minimum, on perf_counter */
        for (int k = 0; k < BEST_OF; k++) {
            const double t = timed_chain(f, CLOCK_MONOTONIC);
            if (t < 0) return -1;
            if (seconds < 0 || t < seconds) seconds = t;
        }
        break;
    case HARNESS:
        seconds = harness_seconds(f);
        break;
    }
    if (seconds < 0) return -1;
    f->reported = 1e9 * seconds / (double)f->hashes;
    return 0;
}

static void *setup_fixture(bench_case *c) {
    if (!sha1_chain_is_sha1()) {
        bench_case_fail(c, "libcrypto's SHA-1 chain does not match the known hexdigests");
        return NULL;
    }
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->how = *(const method *)bench_case_arg(c);
    f->hashes = bench_case_count(c);
    sha1_chain_seed(&f->expected, 0);
    if (f->hashes == 0 || sha1_chain_advance(&f->expected, f->hashes, NULL) != 0) {
        bench_case_fail(c, "no chain of %zu hashes to time", f->hashes);
        free(f);
        return NULL;
    }
    bench_case_set_items(c, (int64_t)f->hashes);
    return f;
}

/* run_method checks the chain's end on every pass. Here: the method applied TRIALS times more, and
 * what its figures say: their median and their spread (coefficient of variation, which an
 * outlier moves, as it moves a reader's one figure) with a bootstrap interval. */
static int check_method(void *state, bench_case *c) {
    fixture *f = state;
    const size_t trials = bench_quick() ? QUICK_TRIALS : TRIALS;
    double figures[TRIALS];
    for (size_t t = 0; t < trials; t++) {
        if (run_method(f) != 0) {
            bench_case_fail(c, "the chain of %zu hashes did not end at the reference hexdigest", f->hashes);
            return -1;
        }
        figures[t] = f->reported;
    }
    double lo, hi;
    stats_bootstrap_interval(figures, trials, stats_cv_pct, BOOTSTRAP_RESAMPLES, SIDE_CONFIDENCE, bench_seed(), &lo, &hi);
    bench_case_set_counter(c, "reported_ns_per_hash", stats_median(figures, trials));
    bench_case_set_counter(c, "reported_min", stats_min(figures, trials));
    bench_case_set_counter(c, "reported_max", stats_max(figures, trials));
    bench_case_set_counter(c, "spread_pct", stats_cv_pct(figures, trials));
    bench_case_set_counter(c, "spread_pct_lo", lo);
    bench_case_set_counter(c, "spread_pct_hi", hi);
    return 0;
}

static void teardown_fixture(void *state) { free(state); }

static const bench_variant variants[] = {
    {.name = "single_shot", .run = run_method, .arg = &(const method){SINGLE_SHOT}},
    {.name = "best_of_5", .run = run_method, .arg = &(const method){BEST_OF_N}},
    {.name = "harness_median", .run = run_method, .arg = &(const method){HARNESS}},
};

/* Hashes in the chain. The article's 3,000,000 take about 0.2 s here, so that a harness_median
 * measurement would take over 3 s; these chains keep the whole comparison near a minute. */
static const double sweep[] = {10000, 100000};
static const double quick_sweep[] = {10000};
static const char *const extra_counters[] = {"reported_ns_per_hash", "reported_min", "reported_max",
                                             "spread_pct", "spread_pct_lo", "spread_pct_hi"};

const bench_comparison bench_this_comparison = {
    .name = "measurement_spread",
    .param = "hashes",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "hash",
    .about = "Article 000's chained SHA-1 (`h = sha1(h).hexdigest()`, libcrypto) timed by the three methods "
             "the article uses, each a variant: `single_shot` reads the wall clock (CLOCK_REALTIME, as "
             "`time.time()`) around one chain; `best_of_5` reports the fastest of " IDIOM_TEXT(BEST_OF) " chains on "
             "CLOCK_MONOTONIC, as `timeit.repeat(number=1, repeat=5)` with `min`; `harness_median` reports "
             "the median of this suite's sweep repetitions (" IDIOM_TEXT(IDIOM_SWEEP_REPETITIONS) " of at least "
             IDIOM_TEXT(IDIOM_SWEEP_MIN_TIME) " s; " IDIOM_TEXT(IDIOM_QUICK_SWEEP_REPETITIONS) " of "
             IDIOM_TEXT(IDIOM_QUICK_SWEEP_MIN_TIME) " s in QUICK), as "
             "pytest-benchmark reports statistics over rounds. Every chain's end is checked against the "
             "reference hexdigest. The method is then applied " IDIOM_TEXT(TRIALS) " times (" IDIOM_TEXT(QUICK_TRIALS)
             " in QUICK): `reported_ns_per_hash` "
             "is the median of the figures it reported, `reported_min` and `reported_max` their range, and "
             "`spread_pct` their coefficient of variation (an outlier counts, as it would for a reader who took one figure), with a "
             "bootstrap interval (`spread_pct_lo`, `spread_pct_hi`) wide enough that a ratio of two spreads "
             "holds at the suite's confidence (" IDIOM_TEXT(IDIOM_CONFIDENCE) "). The timed `ns_per_item` is what "
             "applying the method once costs, per hash: best-of-" IDIOM_TEXT(BEST_OF) " costs that many chains.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    BENCH_EXTRA_COUNTERS(extra_counters),
    .setup = setup_fixture,
    .check = check_method,
    .teardown = teardown_fixture,
};
