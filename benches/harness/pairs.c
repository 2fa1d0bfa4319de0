/* pairs.c: see pairs.h. Harness memory is plain malloc, never the counting allocator's. */
#include "pairs.h"

#include "bench_internal.h"
#include "csvout.h"
#include "plan.h"
#include "rng.h"
#include "stats.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAIRS_MAX_ROUNDS 2000 /* a bound on a pair whose iterations are tiny; never reached in practice */
#define PAIRS_FLOOR_ROUNDS 3  /* the fewest rounds a pair has in a process, however long its slices */
#define PAIRS_LONG_FACTOR 4.0 /* ... once it has spent this many times its pair_seconds */
enum { STREAM_PAIR_ORDER = 0x9a1c }; /* the PRNG stream of pair order and first sides */

/* Seconds n iterations of c take; negative if c failed. */
static double timed_slice(bench_case *c, int64_t n) {
    const double start = bench__now();
    if (bench__iterate(c, n) != 0) return -1;
    return bench__now() - start;
}

/* Iterations of c that take about `seconds`, at least 1; growing runs that also warm the case up.
 * 0 if c failed. */
static int64_t calibrate(bench_case *c, double seconds) {
    int64_t n = 1;
    for (;;) {
        const double t = timed_slice(c, n);
        if (t < 0) return 0;
        if (t >= seconds / 4 || n > (INT64_C(1) << 40)) {
            const double wanted = ceil((double)n * seconds / (t > 0 ? t : 1e-9));
            return wanted < 1 ? 1 : (int64_t)wanted;
        }
        n *= t < seconds / 40 ? 10 : 2;
    }
}

/* One row of <comparison>.rounds.csv: one round of one pair. */
typedef struct round_row {
    const char *comparison, *baseline, *contender, *param, *x;
    double process, round, baseline_iterations, contender_iterations;
    const char *order; /* ABBA or BAAB */
    double baseline_ns_per_item, contender_ns_per_item, log_ratio, seconds;
} round_row;
#define TEXT(field) CSVOUT_TEXT(round_row, field)
#define NUMBER(field, format) CSVOUT_NUMBER(round_row, field, format)
static const csvout_column round_table[] = {
    TEXT(comparison), TEXT(baseline), TEXT(contender), TEXT(param), TEXT(x), NUMBER(process, CSVOUT_WHOLE),
    NUMBER(round, CSVOUT_WHOLE), NUMBER(baseline_iterations, CSVOUT_WHOLE), NUMBER(contender_iterations, CSVOUT_WHOLE),
    TEXT(order), NUMBER(baseline_ns_per_item, CSVOUT_G6), NUMBER(contender_ns_per_item, CSVOUT_G6),
    NUMBER(log_ratio, CSVOUT_G9), NUMBER(seconds, CSVOUT_G4),
};
#undef TEXT
#undef NUMBER
#define ROUND_COLUMNS (sizeof round_table / sizeof round_table[0])

static void write_header_if_new(FILE *f) {
    fseek(f, 0, SEEK_END);
    if (ftell(f) != 0) return;
    csvout_header(f, round_table, ROUND_COLUMNS);
    fputc('\n', f);
}

/* One pair in this process: its cases, iterations per slice, and the rounds so far. */
typedef struct pair_run {
    plan_pair p;
    bench_case *sides[2];  /* baseline, contender */
    int64_t n[2];          /* iterations per slice of each side */
    unsigned first;        /* the side that leads the first round */
    unsigned rounds;
    double seconds;        /* spent in this pair's slices so far */
    double unbilled;       /* setup and calibration, billed to the pair's first round in this process */
    double logs[PAIRS_MAX_ROUNDS];
} pair_run;

/* Set up, check and calibrate both sides. 0, or -1 after saying which failed. */
static int prepare_pair(const bench_comparison *cmp, pair_run *run, const pairs_settings *s, rng *r) {
    const size_t variant[2] = {run->p.baseline, run->p.contender};
    for (int k = 0; k < 2; k++) {
        bench_case *c = run->sides[k] = bench__case(cmp, variant[k], run->p.x);
        if (c == NULL || c->failed || (run->n[k] = calibrate(c, s->slice_seconds)) == 0) {
            fprintf(stderr, "FAILED %s/%s/%g: %s\n", cmp->name, cmp->variants[variant[k]].name, run->p.x,
                    c ? c->message : "out of memory");
            return -1;
        }
    }
    run->first = (unsigned)rng_below(r, 2);
    return 0;
}

/* One round of ABBA or BAAB slices (A the baseline), alternating from the pair's first side; its
 * log ratio is log(baseline time per item / contender time per item). 0, or -1 if a case failed. */
static int measure_round(const bench_comparison *cmp, pair_run *run, const pairs_settings *s, FILE *out) {
    const unsigned a = (run->first + run->rounds) % 2, b = 1 - a;
    const unsigned order[4] = {a, b, b, a};
    double seconds[2] = {0, 0};
    char x_text[32];
    bench__format_x(run->p.x, x_text, sizeof x_text);
    for (int slot = 0; slot < 4; slot++) {
        bench_case *c = run->sides[order[slot]];
        const double t = timed_slice(c, run->n[order[slot]]);
        if (t < 0) {
            fprintf(stderr, "FAILED %s/%s/%s: %s\n", cmp->name, c->variant->name, x_text, c->message);
            return -1;
        }
        seconds[order[slot]] += t;
    }
    run->seconds += seconds[0] + seconds[1];
    double per_item[2];
    for (int k = 0; k < 2; k++)
        per_item[k] = 1e9 * seconds[k] / (2.0 * (double)run->n[k] * (double)run->sides[k]->items);
    const double log_ratio = run->logs[run->rounds++] = log(per_item[0] / per_item[1]);
    const round_row row = {cmp->name, run->sides[0]->variant->name, run->sides[1]->variant->name, cmp->param, x_text,
                           s->process, run->rounds, (double)run->n[0], (double)run->n[1], a == 0 ? "ABBA" : "BAAB",
                           per_item[0], per_item[1], log_ratio, seconds[0] + seconds[1] + run->unbilled};
    csvout_row(out, round_table, ROUND_COLUMNS, &row);
    fputc('\n', out);
    run->unbilled = 0;
    return 0;
}

/* Whether a pair has had its share of this process: min_rounds rounds and pair_seconds of slices;
 * or, for a pair whose slices are long (an iteration of a large case), PAIRS_FLOOR_ROUNDS rounds and
 * PAIRS_LONG_FACTOR times pair_seconds, so that one slow pair does not hold the process up. */
static int pair_done(const pair_run *run, const pairs_settings *s) {
    if (run->rounds >= PAIRS_MAX_ROUNDS) return 1;
    if (run->rounds >= s->min_rounds && run->seconds >= s->pair_seconds) return 1;
    return run->rounds >= PAIRS_FLOOR_ROUNDS && run->seconds >= PAIRS_LONG_FACTOR * s->pair_seconds;
}

/* The pairs' rounds interleaved: one round of each pair in turn, so that every pair's rounds are
 * spread over the whole of this process's measuring, and a burst of a neighbour's load lands on a
 * few rounds of many pairs rather than on every round of one. 0, or -1 if a case failed. */
static int measure_pairs(const bench_comparison *cmp, pair_run *runs, size_t n, const pairs_settings *s, FILE *out) {
    for (size_t pending = n; pending > 0;) {
        pending = 0;
        for (size_t i = 0; i < n; i++) {
            if (pair_done(&runs[i], s)) continue;
            if (measure_round(cmp, &runs[i], s, out) != 0) return -1;
            pending++;
        }
    }
    for (size_t i = 0; i < n; i++) {
        char x_text[32];
        bench__format_x(runs[i].p.x, x_text, sizeof x_text);
        fprintf(stderr, "  [process %u] %s/%s/%s against %s: ratio %.4g over %u rounds\n", s->process, cmp->name,
                runs[i].sides[0]->variant->name, x_text, runs[i].sides[1]->variant->name,
                exp(stats_median(runs[i].logs, runs[i].rounds)), runs[i].rounds);
    }
    return 0;
}

int pairs_run(const bench_comparison *cmp, const char *plan_path, const char *out_dir, const pairs_settings *s) {
    plan_pair *pairs = NULL;
    const long n = plan_read(cmp, plan_path, &pairs);
    if (n < 0) return 2;
    rng r = rng_seeded(s->seed, STREAM_PAIR_ORDER + s->process);
    rng_shuffle(&r, pairs, (size_t)n, sizeof *pairs);
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.rounds.csv", out_dir, cmp->name);
    FILE *out = n > 0 ? fopen(path, "a") : NULL;
    if (n > 0 && out == NULL) {
        fprintf(stderr, "%s: cannot write %s: %s\n", cmp->name, path, strerror(errno));
        free(pairs);
        return 2;
    }
    int status = 0;
    pair_run *runs = calloc((size_t)n + 1, sizeof *runs);
    if (runs == NULL) status = 2;
    if (out) write_header_if_new(out);
    for (long i = 0; status == 0 && i < n; i++) {
        const double started = bench__now();
        runs[i].p = pairs[i];
        if (prepare_pair(cmp, &runs[i], s, &r) != 0) status = 1;
        runs[i].unbilled = bench__now() - started;
    }
    if (status == 0 && n > 0 && measure_pairs(cmp, runs, (size_t)n, s, out) != 0) status = 1;
    free(runs);
    if (out && (ferror(out) | fclose(out))) {
        fprintf(stderr, "%s: cannot write %s\n", cmp->name, path);
        status = 2;
    }
    free(pairs);
    return status;
}
