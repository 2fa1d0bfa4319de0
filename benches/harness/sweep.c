/* sweep.c: the sweep of a comparison through Google Benchmark: one benchmark per variant and x,
 * each repetition timing the case's iterations in one batch. */
#include "sweep.h"

#include "bench_internal.h"
#include "idiom_config.h"

#include <stdlib.h>

typedef struct sweep_point {
    const bench_comparison *cmp;
    size_t variant;
    double x;
} sweep_point;

/* A marker, never called as a run: the sweep runs Google Benchmark's own loop for the variant. */
int bench_native_barrier_loop(void *state) {
    (void)state;
    return -1;
}

static sweep_point *points; /* what each registered benchmark measures; lives until exit */
static size_t n_points;

/* The case's figures of its checked run go out beside every repetition's time, into the JSON too. */
static void report_case_figures(bench_state *st, const bench_case *c) {
    bench__state_items(st, c->items);
    bench__state_counter(st, "peak_bytes", c->peak_bytes);
    bench__state_counter(st, "allocs", c->allocs);
    bench__state_counter(st, "working_set_bytes", c->working_set_bytes);
    for (size_t k = 0; k < c->n_counters; k++) bench__state_counter(st, c->counter_names[k], c->counter_values[k]);
}

static void sweep_body(bench_state *st, const void *arg) {
    const sweep_point *p = arg;
    bench_case *c = bench__case(p->cmp, p->variant, p->x);
    if (c == NULL) {
        bench__state_fail(st, "out of memory setting up the case");
        return;
    }
    if (c->run == bench_native_barrier_loop) {
        bench__native_barrier_loop(st, (int64_t)c->x);
    } else if (!c->failed) {
        for (int64_t n; (n = bench__batch(st)) > 0;)
            if (bench__iterate(c, n) != 0) break;
    }
    if (c->failed) bench__state_fail(st, c->message);
    else report_case_figures(st, c);
}

/* A row's repetitions: `most`, or fewer for a case whose checked run says that `most` iterations
 * alone would take longer than IDIOM_SWEEP_ROW_SECONDS (a large x: one iteration outlasts the
 * minimum time), but never fewer than IDIOM_SWEEP_MIN_REPETITIONS. */
static int row_repetitions(const bench_case *c, int most) {
    if (c == NULL || c->failed || c->checked_seconds * most <= IDIOM_SWEEP_ROW_SECONDS) return most;
    const int fit = (int)(IDIOM_SWEEP_ROW_SECONDS / c->checked_seconds);
    return fit > IDIOM_SWEEP_MIN_REPETITIONS ? fit : IDIOM_SWEEP_MIN_REPETITIONS;
}

long sweep_register(const bench_comparison *cmp, int quick, int repetitions, results *r) {
    const double *xs = quick ? cmp->quick_xs : cmp->xs;
    const size_t n_xs = quick ? cmp->n_quick_xs : cmp->n_xs;
    points = calloc(cmp->n_variants * n_xs + 1, sizeof *points);
    if (points == NULL) return -1;
    for (size_t v = 0; v < cmp->n_variants; v++) {
        const bench_variant *variant = &cmp->variants[v];
        if (variant->pairs_only) continue;
        for (size_t i = 0; i < n_xs; i++) {
            if (variant->max_x > 0 && xs[i] > variant->max_x) continue;
            sweep_point *p = &points[n_points++];
            *p = (sweep_point){cmp, v, xs[i]};
            /* set up now, so that its checked run can size the row; a failure is reported as it runs */
            const int reps = repetitions > 0 ? row_repetitions(bench__case(cmp, v, xs[i]), repetitions) : 0;
            const char *name = results_expect(r, v, xs[i]);
            if (name == NULL || bench__register(name, sweep_body, p, reps) != 0) return -1;
        }
    }
    return (long)n_points;
}
