/* idiom_summary.c: the claims ledger. For each claim (every comparison's claims.tsv, gathered) whose comparison was
 * measured: its ratio, an interval at idiom.conf's IDIOM_CONFIDENCE and a verdict, into summary.csv. Timing claims come from the
 * paired rounds (<comparison>.rounds.csv), memory claims from the counting allocator's exact
 * figures (<comparison>.csv); what a comparison is, it says in <comparison>.facts.json. Also
 * <comparison>.pairs.csv: every measured pair's ratio and interval, for the report and charts.
 * Beside each timing claim, its instruction-count witness from <comparison>.instr.csv, and for a
 * memory-bound comparison, each side's time in dependent loads at its working set (the machine's
 * latency calibration), with <comparison>.memory.csv: that load's cost at every x, for its chart.
 * Where a claim names the CPython idioms that re-run the article's setup and the CPython side
 * measured them (<comparison>.cpython_rounds.csv), their ratio and interval too, and python.csv:
 * every such claim's CPython figure, the point it was measured at and how. And <comparison>.keys.csv:
 * each variant's key numbers (growth order, slopes), which the report lays out. The files beside
 * summary.csv (pairs, memory, keys) are written by summary_files.c; this file judges the claims. */
#include "claims.h"
#include "cpython.h"
#include "csv.h"
#include "csvout.h"
#include "idiom_config.h"
#include "jsonfile.h"
#include "options.h"
#include "memline.h"
#include "rounds.h"
#include "summary_files.h"
#include "verdict.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const char *const claim_columns[] = {"claim_id", "comparison", "metric", "baseline", "contender", "x",
                                            "article_favours", "article_ratio", NULL};

/* What one comparison's run left. */
typedef struct measured {
    cJSON *facts;
    csv_table rows;   /* <comparison>.csv */
    csv_table rounds; /* <comparison>.rounds.csv; empty if no pair was measured */
    csv_table instr;  /* <comparison>.instr.csv; empty if instructions were not counted */
    csv_table cpython; /* <comparison>.cpython_rounds.csv; empty if the CPython side did not measure it */
    char cpython_scale[16]; /* its sizes: full, quick or tiny (<comparison>.cpython.json) */
} measured;

/* One claim's row of summary.csv. */
typedef struct ledger_row {
    double x, x_lo, x_hi, ratio, lo, hi;
    double instr_baseline, instr_contender; /* instructions per item at x, or NaN */
    double loads_baseline, loads_contender; /* ns per item in dependent loads at the side's working set, or NaN */
    size_t rounds, processes;
    double sd_rounds, sd_processes; /* the paired spread's two levels (paired_estimate), or NaN */
    double largest_x;               /* a crossover's largest measured x, or NaN */
    verdict_outcome outcome;
    const char *verdict;
    char note[512];
} ledger_row;

static int load_measured(const char *dir, const char *name, measured *m) {
    char path[4096], error[1024];
    if (claims_load_sweep(dir, name, &m->facts, &m->rows) != 0) return -1; /* not measured */
    snprintf(path, sizeof path, "%s/%s.rounds.csv", dir, name);
    if (csv_load(path, ',', &m->rounds, error, sizeof error) != 0) m->rounds = (csv_table){0};
    snprintf(path, sizeof path, "%s/%s.instr.csv", dir, name);
    if (csv_load(path, ',', &m->instr, error, sizeof error) != 0) m->instr = (csv_table){0};
    if (cpython_load(dir, name, &m->cpython) != 0) m->cpython = (csv_table){0};
    snprintf(path, sizeof path, "%s/%s.cpython.json", dir, name);
    cJSON *about = jsonfile_load(path, error, sizeof error);
    jsonfile_text(about, "scale", "unknown", m->cpython_scale, sizeof m->cpython_scale);
    cJSON_Delete(about);
    return 0;
}

static void free_measured(measured *m) {
    cJSON_Delete(m->facts);
    csv_free(&m->rows);
    csv_free(&m->rounds);
    csv_free(&m->instr);
    csv_free(&m->cpython);
}

/* Add a sentence to the row's note; commas become semicolons, since summary.csv does not quote. */
static void __attribute__((format(printf, 2, 3))) append_note(ledger_row *r, const char *fmt, ...) {
    size_t used = strlen(r->note);
    if (used) used += (size_t)snprintf(r->note + used, sizeof r->note - used, "; ");
    va_list args;
    va_start(args, fmt);
    vsnprintf(r->note + used, sizeof r->note - used, fmt, args);
    va_end(args);
    for (char *c = r->note; *c; c++)
        if (*c == ',') *c = ';';
}

/* A claim on a column of the sweep CSV other than time: peak_bytes (the counting allocator's exact
 * figure) or a counter the comparison declares. A figure that repeats exactly is its own interval;
 * one with columns <metric>_lo and <metric>_hi carries an interval for each side, each at a
 * confidence that makes the ratio's interval [b_lo / c_hi, b_hi / c_lo] hold at IDIOM_CONFIDENCE. */
static void judge_counted(const measured *m, const char *metric, const char *baseline, const char *contender,
                          ledger_row *r) {
    if (claims_sweep_ratio(&m->rows, baseline, contender, r->x, metric, &r->ratio, &r->lo, &r->hi) == 0) {
        append_note(r, "no %s of both variants in this run", metric);
        return;
    }
    const double b = claims_sweep_value(&m->rows, baseline, r->x, metric);
    const double c = claims_sweep_value(&m->rows, contender, r->x, metric);
    r->outcome = isnan(r->lo) ? OUTCOME_UNDECIDED : verdict_outcome_of(r->lo, r->hi, IDIOM_NOISE_FLOOR);
    if (b == 0 || c == 0) {
        char text[256];
        if (strcmp(metric, "peak_bytes") == 0)
            snprintf(text, sizeof text, "%s allocates no heap bytes; %s peaks at %.0f bytes", c == 0 ? contender : baseline,
                     c == 0 ? baseline : contender, c == 0 ? b : c);
        else
            snprintf(text, sizeof text, "%s has %s 0; %s has %.6g", c == 0 ? contender : baseline, metric,
                     c == 0 ? baseline : contender, c == 0 ? b : c);
        append_note(r, "%s", text);
    }
}

/* A claim that CPython here is slower than C here at the same work (metric cpython_over_c): the
 * CPython idiom's time per item (the rounds' median, its interval at a confidence that leaves half
 * the error to each side) over the C variant's at the same x (the sweep's median, its repetitions'
 * range as its interval, which holds the median more often than that). */
static void judge_compiled(const measured *m, const char *idiom, const char *variant, double wanted, ledger_row *r) {
    const double side_confidence = 1 - (1 - IDIOM_CONFIDENCE) / 2;
    double py, py_lo, py_hi;
    if (m->cpython.n_rows == 0 || cpython_idiom_figure(&m->cpython, "ns_per_item", idiom, wanted, side_confidence, &r->x,
                                                      &py, &py_lo, &py_hi, &r->rounds) != 0) {
        r->x = NAN;
        append_note(r, "CPython here did not time %s in this run", idiom);
        return;
    }
    const double c = claims_sweep_value(&m->rows, variant, r->x, "ns_per_item");
    const double c_min = claims_sweep_value(&m->rows, variant, r->x, "ns_per_item_min");
    const double c_max = claims_sweep_value(&m->rows, variant, r->x, "ns_per_item_max");
    if (!(c > 0)) { /* time per item may grow with x: only the same point compares */
        append_note(r, "no sweep row of %s at x=%.15g; where CPython here timed %s", variant, r->x, idiom);
        return;
    }
    r->processes = 1;
    r->ratio = py / c;
    r->lo = py_lo / c_max;
    r->hi = py_hi / c_min;
    r->outcome = verdict_outcome_of(r->lo, r->hi, IDIOM_NOISE_FLOOR);
    append_note(r, "CPython here %.4g ns per item over %zu rounds; C here %.4g", py, r->rounds, c);
}

/* A claim that the profile of one case puts a stated share of its instructions in a known hot
 * function (metric top_share): the function callgrind counted most instructions in, exclusive of
 * what it calls, in the variant's timed region at x (<comparison>.instr.csv). The ratio is its
 * share, exact; the claim holds if the function's name holds `expected` and its share is at
 * least `stated`. */
static void judge_top_share(const measured *m, const char *variant, const char *expected, double stated, double wanted,
                            ledger_row *r) {
    r->x = claims_resolve_x(m->facts, variant, variant, wanted);
    const int v = csv_column(&m->instr, "variant"), xc = csv_column(&m->instr, "x"), f = csv_column(&m->instr, "top_function"),
              share = csv_column(&m->instr, "top_share");
    for (size_t row = 0; v >= 0 && xc >= 0 && f >= 0 && share >= 0 && row < m->instr.n_rows; row++) {
        if (strcmp(csv_cell(&m->instr, row, (size_t)v), variant) != 0 || csv_number(&m->instr, row, (size_t)xc) != r->x)
            continue;
        const char *top = csv_cell(&m->instr, row, (size_t)f);
        r->ratio = r->lo = r->hi = csv_number(&m->instr, row, (size_t)share);
        r->outcome = strstr(top, expected) != NULL && r->ratio >= stated ? OUTCOME_CONTENDER : OUTCOME_BASELINE;
        append_note(r, "the top function of %s's timed region is %s with %.1f%% of its instructions (callgrind; "
                    "the claim: a function of %s with at least %.0f%%)", variant, top, 100 * r->ratio, expected, 100 * stated);
        return;
    }
    append_note(r, "no instruction profile of %s in this run (INSTR=0?)", variant);
}

/* The paired estimate's figures into the claim's row. */
static void take_estimate(ledger_row *r, const paired_estimate *e) {
    r->ratio = e->ratio;
    r->lo = e->lo;
    r->hi = e->hi;
    r->rounds = e->rounds;
    r->processes = e->processes;
    r->sd_rounds = e->sd_rounds;
    r->sd_processes = e->sd_processes;
}

/* A timing claim: the paired rounds at x, over every process. */
static void judge_time(const measured *m, const char *baseline, const char *contender, ledger_row *r) {
    paired_estimate e;
    if (rounds_paired_at(&m->rounds, baseline, contender, r->x, &e) != 0) {
        append_note(r, "no paired rounds of both variants in this run");
        return;
    }
    take_estimate(r, &e);
    r->outcome = verdict_outcome_of(r->lo, r->hi, IDIOM_NOISE_FLOOR);
    if (e.below_level)
        append_note(r, "too few processes and rounds for a %.0f%% interval: the interval is their range", IDIOM_CONFIDENCE_PCT);
    if (r->outcome == OUTCOME_UNDECIDED)
        append_note(r, "the interval straddles the noise floor: a round varies by %.2g%% within its process and the "
                    "processes by %.2g%% beyond that", 100 * e.sd_rounds, 100 * e.sd_processes);
}

/* Who wins at x in every workload: the contender where every interval lies above 1, the baseline
 * where any lies below, else undecided. estimate gets the first workload's. 0, or -1 if a workload
 * has no rounds at x. */
static int winner_at(const measured *m, const char *baseline, const char *contender, double x,
                     verdict_outcome *winner, paired_estimate *estimate) {
    *winner = OUTCOME_CONTENDER;
    int first = 1;
    const cJSON *w;
    cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(m->facts, "workloads")) {
        char b[256], c[256];
        paired_estimate e;
        if (rounds_paired_at(&m->rounds, claims_workload_variant(w, baseline, b, sizeof b),
                      claims_workload_variant(w, contender, c, sizeof c), x, &e) != 0)
            return -1;
        if (first) *estimate = e;
        first = 0;
        const verdict_outcome side = verdict_side_of_one(e.lo, e.hi);
        if (side == OUTCOME_BASELINE) *winner = OUTCOME_BASELINE;
        else if (side == OUTCOME_UNDECIDED && *winner == OUTCOME_CONTENDER) *winner = OUTCOME_UNDECIDED;
    }
    return first ? -1 : 0;
}

/* The measured xs of the pair in the main workload, ascending and distinct. */
static size_t measured_xs(const csv_table *rounds, const char *baseline, const char *contender, double *xs) {
    const int b = csv_column(rounds, "baseline"), c = csv_column(rounds, "contender"), xc = csv_column(rounds, "x");
    size_t n = 0;
    for (size_t row = 0; b >= 0 && c >= 0 && xc >= 0 && row < rounds->n_rows; row++) {
        if (strcmp(csv_cell(rounds, row, (size_t)b), baseline) || strcmp(csv_cell(rounds, row, (size_t)c), contender))
            continue;
        const double x = csv_number(rounds, row, (size_t)xc);
        size_t at = 0;
        while (at < n && xs[at] < x) at++;
        if ((at < n && xs[at] == x) || n == CLAIMS_MAX_POINTS) continue;
        memmove(&xs[at + 1], &xs[at], (n - at) * sizeof *xs);
        xs[at] = x;
        n++;
    }
    return n;
}

/* A crossover claim: where, judged by paired intervals, the contender starts to win in every workload. */
static void judge_crossover(const measured *m, const char *baseline, const char *contender, const char *param,
                            ledger_row *r) {
    double xs[CLAIMS_MAX_POINTS];
    verdict_outcome winner[CLAIMS_MAX_POINTS];
    paired_estimate estimates[CLAIMS_MAX_POINTS];
    size_t n = 0;
    const size_t found = measured_xs(&m->rounds, baseline, contender, xs);
    for (size_t i = 0; i < found; i++)
        if (winner_at(m, baseline, contender, xs[i], &winner[n], &estimates[n]) == 0) xs[n++] = xs[i];
    if (n == 0) {
        append_note(r, "no paired rounds of both variants in this run");
        r->verdict = "inconclusive";
        return;
    }
    const crossover c = verdict_crossover(xs, winner, n);
    const paired_estimate *e = &estimates[c.at];
    r->x = xs[c.at];
    r->largest_x = xs[n - 1];
    r->x_lo = c.x_lo;
    r->x_hi = c.x_hi;
    take_estimate(r, e);
    r->outcome = verdict_side_of_one(e->lo, e->hi);
    r->verdict = verdict_crossover_word(c.kind);
    char text[400];
    switch (c.kind) {
    case CROSSOVER_AT:
        snprintf(text, sizeof text, "crossover at %s=%.15g: %s wins there and above, %s at %.15g, in every workload",
                 param, c.x_hi, contender, baseline, c.x_lo);
        break;
    case CROSSOVER_RANGE:
        snprintf(text, sizeof text, "crossover between %s=%.15g and %.15g: %s wins from %.15g up, %s at %.15g, "
                 "undecided between", param, c.x_lo, c.x_hi, contender, c.x_hi, baseline, c.x_lo);
        break;
    case CROSSOVER_AT_OR_BELOW:
        snprintf(text, sizeof text, "crossover at or below %s=%.15g: %s wins at every measured %s from there up",
                 param, c.x_hi, contender, param);
        break;
    case CROSSOVER_NEVER:
        snprintf(text, sizeof text, "no crossover: %s still wins at %s=%.15g, the largest measured", baseline, param, r->x);
        break;
    case CROSSOVER_UNDECIDED:
        snprintf(text, sizeof text, "undecided at %s=%.15g, the largest measured: the interval holds 1", param, r->x);
        break;
    }
    append_note(r, "%s", text);
}

/* The instruction-count witness of a timing claim at r->x: each side's instructions per item, and
 * why a side has none where the count leaves it out. */
static void witness(const measured *m, const char *baseline, const char *contender, const char *param, ledger_row *r) {
    if (isnan(r->x)) return;
    const char *const sides[2] = {baseline, contender};
    double *const counts[2] = {&r->instr_baseline, &r->instr_contender};
    for (int k = 0; k < 2; k++) {
        if (claims_variant_in_children(m->facts, sides[k])) {
            append_note(r, "no instruction count: %s works in child processes; callgrind counts the measuring process",
                        sides[k]);
            continue;
        }
        *counts[k] = m->instr.n_rows ? claims_sweep_value(&m->instr, sides[k], r->x, "instructions_per_item") : NAN;
    }
    if (r->x == r->largest_x && m->instr.n_rows && (isnan(r->instr_baseline) || isnan(r->instr_contender)))
        append_note(r, "no instruction count at the largest %s: the count skips a crossover's largest x, "
                    "where its pairs only check that the contender still wins", param);
}

/* A memory-bound comparison's claim: each side's ns per item at x over one dependent load's latency
 * at that side's working set. */
static void in_loads(const measured *m, const memline *latency, const char *baseline, const char *contender,
                     ledger_row *r) {
    if (isnan(r->x) || !*jsonfile_string(m->facts, "memory_variant", "")) return;
    const char *const sides[2] = {baseline, contender};
    double *const loads[2] = {&r->loads_baseline, &r->loads_contender};
    for (int k = 0; k < 2; k++)
        *loads[k] = claims_sweep_value(&m->rows, sides[k], r->x, "ns_per_item") /
                    memline_at(latency, claims_sweep_value(&m->rows, sides[k], r->x, "working_set_bytes"));
}

/* A line of python.csv. */
typedef struct python_line {
    const char *claim_id, *comparison, *python_baseline, *python_contender, *metric;
    double x;
    const char *scale, *tool;
    size_t rounds;
    double ratio, ratio_lo, ratio_hi;
    const char *interval, *profiler;
    double profiled_ratio;
} python_line;
static const csvout_column python_table[] = {
    CSVOUT_TEXT(python_line, claim_id), CSVOUT_TEXT(python_line, comparison), CSVOUT_TEXT(python_line, python_baseline),
    CSVOUT_TEXT(python_line, python_contender), CSVOUT_TEXT(python_line, metric), CSVOUT_NUMBER(python_line, x, CSVOUT_EXACT),
    CSVOUT_TEXT(python_line, scale), CSVOUT_TEXT(python_line, tool), CSVOUT_COUNT(python_line, rounds),
    CSVOUT_NUMBER(python_line, ratio, CSVOUT_G6), CSVOUT_NUMBER(python_line, ratio_lo, CSVOUT_G6),
    CSVOUT_NUMBER(python_line, ratio_hi, CSVOUT_G6), CSVOUT_TEXT(python_line, interval), CSVOUT_TEXT(python_line, profiler),
    CSVOUT_OPTIONAL(python_line, profiled_ratio, CSVOUT_G6),
};

/* The claim's CPython figure, when the claim names its idioms and they were measured: into *py,
 * and a line of python.csv. 0, or -1 if there is none. */
static int cpython_side(const measured *m, const char *comparison, const char *claim_id, const char *metric,
                        const char *baseline, const char *contender, double wanted_x, FILE *python_csv,
                        cpython_estimate *py) {
    if (!*baseline || !*contender || m->cpython.n_rows == 0 ||
        cpython_estimate_of(&m->cpython, metric, baseline, contender, wanted_x, py) != 0)
        return -1;
    const python_line line = {claim_id, comparison, baseline, contender, metric, py->x, m->cpython_scale, py->tool,
                              py->e.rounds, py->e.ratio, py->e.lo, py->e.hi, py->e.below_level ? "range" : "sign_test",
                              py->profiler, py->profiled_ratio};
    csvout_line(python_csv, python_table, CSVOUT_N(python_table), &line, 0);
    return 0;
}

static const char *magnitude(double ratio, double article_ratio) {
    if (!(article_ratio > 0) || isnan(ratio)) return "";
    const double factor = ratio / article_ratio;
    return factor < 0.5 ? "smaller" : factor > 2.0 ? "larger" : "similar";
}

/* A line of summary.csv: a claim's row of the ledger, with the claim's words beside it. A figure
 * not measured is an empty field; x in full, ratios to six digits. */
typedef struct summary_line {
    const char *claim_id, *comparison, *baseline, *contender, *param;
    double x, ratio, ratio_lo, ratio_hi;
    const char *article_ratio, *verdict, *metric, *magnitude, *note, *outcome;
    size_t rounds, processes;
    double x_lo, x_hi;
    const char *kind;
    double instr_baseline, instr_contender, instr_ratio, loads_baseline, loads_contender;
    double python_ratio, python_ratio_lo, python_ratio_hi, python_x, python_profiled_ratio;
    const char *model;
    double sd_rounds, sd_processes;
    const char *python_verdict; /* CPython here's verdict, by the rule C's is judged by */
    double sweep_ratio, sweep_ratio_lo, sweep_ratio_hi; /* the sweep's rows' ratio at x, for the chart's reader */
    const char *sweep_winner;  /* who has the lower median at the sweep's largest x (sweep_range) */
    double sweep_wins_from, sweep_wins_to, sweep_loses_at;
    /* One orientation for every reader: how many times faster (or smaller) the side the article
     * favours is, in C here, CPython here and the article; k > 1: the article is right (favoured). */
    double factor, factor_lo, factor_hi, python_factor, python_factor_lo, python_factor_hi, article_factor;
} summary_line;
#define SUMMARY_TEXT(field) CSVOUT_TEXT(summary_line, field)
#define SUMMARY_NUMBER(field, format) CSVOUT_OPTIONAL(summary_line, field, format)
static const csvout_column summary_table[] = {
    SUMMARY_TEXT(claim_id), SUMMARY_TEXT(comparison), SUMMARY_TEXT(baseline), SUMMARY_TEXT(contender),
    SUMMARY_TEXT(param), SUMMARY_NUMBER(x, CSVOUT_EXACT), SUMMARY_NUMBER(ratio, CSVOUT_G6),
    SUMMARY_NUMBER(ratio_lo, CSVOUT_G6), SUMMARY_NUMBER(ratio_hi, CSVOUT_G6), SUMMARY_TEXT(article_ratio),
    SUMMARY_TEXT(verdict), SUMMARY_TEXT(metric), SUMMARY_TEXT(magnitude), SUMMARY_TEXT(note), SUMMARY_TEXT(outcome),
    CSVOUT_COUNT(summary_line, rounds), CSVOUT_COUNT(summary_line, processes), SUMMARY_NUMBER(x_lo, CSVOUT_EXACT),
    SUMMARY_NUMBER(x_hi, CSVOUT_EXACT), SUMMARY_TEXT(kind), SUMMARY_NUMBER(instr_baseline, CSVOUT_G6),
    SUMMARY_NUMBER(instr_contender, CSVOUT_G6), SUMMARY_NUMBER(instr_ratio, CSVOUT_G6),
    SUMMARY_NUMBER(loads_baseline, CSVOUT_G4), SUMMARY_NUMBER(loads_contender, CSVOUT_G4),
    SUMMARY_NUMBER(python_ratio, CSVOUT_G6), SUMMARY_NUMBER(python_ratio_lo, CSVOUT_G6),
    SUMMARY_NUMBER(python_ratio_hi, CSVOUT_G6), SUMMARY_NUMBER(python_x, CSVOUT_EXACT),
    SUMMARY_NUMBER(python_profiled_ratio, CSVOUT_G6), SUMMARY_TEXT(model), SUMMARY_NUMBER(sd_rounds, CSVOUT_G4),
    SUMMARY_NUMBER(sd_processes, CSVOUT_G4), SUMMARY_TEXT(python_verdict), SUMMARY_NUMBER(sweep_ratio, CSVOUT_G6),
    SUMMARY_NUMBER(sweep_ratio_lo, CSVOUT_G6), SUMMARY_NUMBER(sweep_ratio_hi, CSVOUT_G6), SUMMARY_TEXT(sweep_winner),
    SUMMARY_NUMBER(sweep_wins_from, CSVOUT_EXACT), SUMMARY_NUMBER(sweep_wins_to, CSVOUT_EXACT),
    SUMMARY_NUMBER(sweep_loses_at, CSVOUT_EXACT), SUMMARY_NUMBER(factor, CSVOUT_G6), SUMMARY_NUMBER(factor_lo, CSVOUT_G6),
    SUMMARY_NUMBER(factor_hi, CSVOUT_G6), SUMMARY_NUMBER(python_factor, CSVOUT_G6),
    SUMMARY_NUMBER(python_factor_lo, CSVOUT_G6), SUMMARY_NUMBER(python_factor_hi, CSVOUT_G6),
    SUMMARY_NUMBER(article_factor, CSVOUT_G6),
};

/* A ratio baseline / contender [lo, hi] turned to the article's side (favoured): as it is where the
 * article favours the contender, inverted (its bounds swapped) where it favours the baseline, as it is
 * where it favours neither or the metric is a share (top_share), which has no winner. */
static void favoured(const char *article_favours, const char *metric, double ratio, double lo, double hi, double *k,
                     double *k_lo, double *k_hi) {
    const int invert = verdict_favours_inverted(article_favours, metric);
    *k = invert ? 1 / ratio : ratio;
    *k_lo = invert ? 1 / hi : lo;
    *k_hi = invert ? 1 / lo : hi;
}

/* CPython here's verdict on a claim, by the rule C's is judged by: its interval against the noise
 * floor, then against the article's direction; a profile's share against the share the claim states. */
static const char *python_verdict(const char *metric, const paired_estimate *e, double article_ratio,
                                  const char *article_favours) {
    if (strcmp(metric, "top_share") == 0) return e->ratio >= article_ratio ? "agrees" : "disagrees";
    return verdict_word(verdict_outcome_of(e->lo, e->hi, IDIOM_NOISE_FLOOR), article_favours);
}

/* Where in the sweep the claim's winner wins: over the xs both variants were swept at (facts "xs"),
 * who has the lower median of the claim's metric (a sweep column) at the largest, and the run of xs
 * down from there on which it stays lower: [*from, *to], and *loses_at the next x below (NaN if it
 * wins at every x). NULL for a crossover claim or fewer than two shared xs. The range of x a verdict
 * holds over; the pairs decide the claim at its own x. */
static const char *sweep_range(const measured *m, const char *metric, const char *baseline, const char *contender,
                               double *from, double *to, double *loses_at) {
    if (strcmp(metric, "crossover") == 0) return NULL;
    double xs[CLAIMS_MAX_POINTS];
    int side[CLAIMS_MAX_POINTS]; /* 1: the contender's median is lower, -1: the baseline's, 0: equal */
    size_t n = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(m->facts, "xs")) {
        const double x = item->valuedouble;
        const double b = claims_sweep_value(&m->rows, baseline, x, metric), c = claims_sweep_value(&m->rows, contender, x, metric);
        if (isnan(b) || isnan(c) || n == CLAIMS_MAX_POINTS) continue;
        xs[n] = x;
        side[n++] = b > c ? 1 : b < c ? -1 : 0;
    }
    if (n < 2 || side[n - 1] == 0) return NULL;
    size_t first = n - 1;
    while (first > 0 && side[first - 1] == side[n - 1]) first--;
    *from = xs[first];
    *to = xs[n - 1];
    *loses_at = first > 0 ? xs[first - 1] : NAN;
    return side[n - 1] > 0 ? contender : baseline;
}
#undef SUMMARY_TEXT
#undef SUMMARY_NUMBER

int main(int argc, char **argv) {
    const char *dir = NULL, *claims_path = NULL;
    const option_spec specs[] = {{"results", "DIR", &dir, 1}, {"claims", "CLAIMS.tsv", &claims_path, 1}};
    options_parse(argc, argv, specs, sizeof specs / sizeof specs[0],
                  "The claims ledger: DIR/summary.csv, DIR/python.csv and each comparison's pairs.csv and keys.csv.", "", 0);
    csv_table claims;
    char error[1024], out_path[4096];
    if (csv_load(claims_path, '\t', &claims, error, sizeof error) != 0 ||
        csv_require(&claims, claims_path, claim_columns, error, sizeof error) != 0) {
        fprintf(stderr, "idiom_summary: %s\n", error);
        return 1;
    }
    snprintf(out_path, sizeof out_path, "%s/python.csv", dir);
    FILE *python_csv = fopen(out_path, "w");
    snprintf(out_path, sizeof out_path, "%s/summary.csv", dir);
    FILE *out = fopen(out_path, "w");
    if (out == NULL || python_csv == NULL) {
        perror(out_path);
        return 1;
    }
    csvout_line(python_csv, python_table, CSVOUT_N(python_table), NULL, 1);
    csvout_line(out, summary_table, CSVOUT_N(summary_table), NULL, 1);
    memline latency, bandwidth;
    memline_load(dir, "load_latency", &latency);
    memline_load(dir, "copy_bandwidth", &bandwidth);
    const int has_kind = csv_column(&claims, "kind") >= 0;
#define FIELD(name) csv_cell(&claims, row, (size_t)csv_column(&claims, name))
#define OPTIONAL_FIELD(name) (csv_column(&claims, name) >= 0 ? FIELD(name) : "")
    for (size_t row = 0; row < claims.n_rows; row++) {
        measured m;
        if (load_measured(dir, FIELD("comparison"), &m) != 0) continue; /* not measured: no row */
        const char *baseline = FIELD("baseline"), *contender = FIELD("contender"), *metric = FIELD("metric");
        const char *param = jsonfile_string(m.facts, "param", "x");
        const double wanted = atof(FIELD("x")), article_ratio = atof(FIELD("article_ratio"));
        ledger_row r = {.x = NAN, .x_lo = NAN, .x_hi = NAN, .ratio = NAN, .lo = NAN, .hi = NAN,
                        .instr_baseline = NAN, .instr_contender = NAN, .loads_baseline = NAN,
                        .loads_contender = NAN, .sd_rounds = NAN, .sd_processes = NAN, .largest_x = NAN,
                        .outcome = OUTCOME_UNDECIDED};
        if (strcmp(metric, "crossover") == 0) {
            judge_crossover(&m, baseline, contender, param, &r);
        } else {
            r.x = claims_resolve_x(m.facts, baseline, contender, wanted);
            if (strcmp(metric, "ns_per_item") == 0) judge_time(&m, baseline, contender, &r);
            else if (strcmp(metric, "cpython_over_c") == 0) judge_compiled(&m, baseline, contender, wanted, &r);
            else if (strcmp(metric, "top_share") == 0) judge_top_share(&m, baseline, contender, article_ratio, wanted, &r);
            else judge_counted(&m, metric, baseline, contender, &r);
            r.verdict = verdict_word(r.outcome, FIELD("article_favours"));
            if (*OPTIONAL_FIELD("not_applicable")) { /* measured all the same, but not a test of the claim */
                r.verdict = "not_applicable";
                append_note(&r, "not applicable: %s", OPTIONAL_FIELD("not_applicable"));
            }
            if (!isnan(r.x) && r.x != wanted)
                append_note(&r, "measured at %s=%.15g: the article's %.15g is not in this run's sweep", param, r.x, wanted);
        }
        const int timing = strcmp(metric, "ns_per_item") == 0 || strcmp(metric, "crossover") == 0;
        if (timing) {
            witness(&m, baseline, contender, param, &r);
            in_loads(&m, &latency, baseline, contender, &r);
        }
        summary_line line = {FIELD("claim_id"), FIELD("comparison"), baseline, contender, param, r.x, r.ratio, r.lo, r.hi,
                             article_ratio > 0 ? FIELD("article_ratio") : "", r.verdict, metric,
                             magnitude(r.ratio, article_ratio), r.note, verdict_outcome_name(r.outcome), r.rounds,
                             r.processes, r.x_lo, r.x_hi, has_kind ? FIELD("kind") : "article", r.instr_baseline,
                             r.instr_contender, r.instr_baseline / r.instr_contender, r.loads_baseline, r.loads_contender,
                             NAN, NAN, NAN, NAN, NAN,
                             OPTIONAL_FIELD("model"), /* mechanism, idiomatic, or '' (not an article claim) */
                             r.sd_rounds, r.sd_processes, "", NAN, NAN, NAN, "", NAN, NAN, NAN,
                             NAN, NAN, NAN, NAN, NAN, NAN, NAN};
        double sweep_ratio, sweep_lo, sweep_hi;
        if (strcmp(metric, "ns_per_item") == 0 && !isnan(r.ratio) &&
            claims_sweep_ratio(&m.rows, baseline, contender, r.x, metric, &sweep_ratio, &sweep_lo, &sweep_hi) == 2 &&
            sweep_ratio > 0 && sweep_lo > 0 && isfinite(sweep_hi)) {
            line.sweep_ratio = sweep_ratio;
            line.sweep_ratio_lo = sweep_lo;
            line.sweep_ratio_hi = sweep_hi;
        }
        const char *winner = sweep_range(&m, metric, baseline, contender, &line.sweep_wins_from, &line.sweep_wins_to,
                                         &line.sweep_loses_at);
        if (winner) line.sweep_winner = winner;
        cpython_estimate py;
        if (strcmp(metric, "crossover") != 0 &&
            cpython_side(&m, FIELD("comparison"), FIELD("claim_id"), metric, OPTIONAL_FIELD("python_baseline"),
                         OPTIONAL_FIELD("python_contender"), wanted, python_csv, &py) == 0) {
            line.python_ratio = py.e.ratio;
            line.python_ratio_lo = py.e.lo;
            line.python_ratio_hi = py.e.hi;
            line.python_x = py.x;
            line.python_profiled_ratio = py.profiled_ratio;
            line.python_verdict = python_verdict(metric, &py.e, article_ratio, FIELD("article_favours"));
        }
        const char *favours = FIELD("article_favours");
        favoured(favours, metric, line.ratio, line.ratio_lo, line.ratio_hi, &line.factor, &line.factor_lo, &line.factor_hi);
        favoured(favours, metric, line.python_ratio, line.python_ratio_lo, line.python_ratio_hi, &line.python_factor,
                 &line.python_factor_lo, &line.python_factor_hi);
        double unused_lo, unused_hi;
        favoured(favours, metric, article_ratio > 0 ? article_ratio : NAN, NAN, NAN, &line.article_factor, &unused_lo,
                 &unused_hi);
        csvout_line(out, summary_table, CSVOUT_N(summary_table), &line, 0);
        free_measured(&m);
    }
#undef FIELD
#undef OPTIONAL_FIELD
    csv_free(&claims);
    if ((ferror(python_csv) | fclose(python_csv)) != 0 || fclose(out) != 0 || summary_write_pairs(dir) != 0 ||
        summary_write_memory_lines(dir, &latency, &bandwidth) != 0 || summary_write_key_numbers(dir) != 0) {
        perror(out_path);
        return 1;
    }
    return 0;
}
