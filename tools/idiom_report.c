/* idiom_report.c: writes results/REPORT.md, the page people cite: the verdicts at a glance, the
 * run's fingerprint and method, the A/A control and the harness calibration, the claims ledger
 * from summary.csv, then one section per comparison with its method, chart and key numbers. It
 * reads only files a run wrote, and knows comparisons only by what their facts files declare. */
#include "claims.h"
#include "csv.h"
#include "idiom_config.h"
#include "jsonfile.h"
#include "options.h"
#include "report_allocators.h"
#include "report_run.h"
#include "report_sections.h"
#include "stats.h"
#include "verdict.h"
#include "why.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


typedef struct report_inputs {
    const char *dir;        /* the results folder being reported */
    const char *plots_link; /* how REPORT.md reaches the charts, e.g. ../plots */
    cJSON *environment;     /* environment.json, or NULL */
    csv_table claims;       /* the claims, every comparison's claims.tsv gathered */
    csv_table summary;      /* summary.csv */
    csv_table python;       /* python.csv: the CPython side's figure per claim (empty if none) */
} report_inputs;

static const char *env(const report_inputs *in, const char *key) { return jsonfile_text_of(in->environment, key); }

/* The claims row of claim_id, or -1. */
static long claim_row(const report_inputs *in, const char *claim_id) {
    for (size_t i = 0; i < in->claims.n_rows; i++)
        if (strcmp(csv_field(&in->claims, i, "claim_id"), claim_id) == 0) return (long)i;
    return -1;
}

/* Which of the four headings a summary row falls under. */
typedef enum glance { GLANCE_AGREES, GLANCE_DISAGREES, GLANCE_NO_DIFFERENCE, GLANCE_INCONCLUSIVE, GLANCE_NOT_APPLICABLE } glance;
static const char *const glance_words[] = {"agree", "disagree", "find no difference", "inconclusive", "not applicable"};

static glance glance_of(const csv_table *s, size_t i) {
    if (strcmp(csv_field(s, i, "verdict"), "not_applicable") == 0) return GLANCE_NOT_APPLICABLE;
    if (strcmp(csv_field(s, i, "verdict"), "inconclusive") == 0) return GLANCE_INCONCLUSIVE;
    if (strcmp(csv_field(s, i, "outcome"), "no_difference") == 0) return GLANCE_NO_DIFFERENCE;
    return strcmp(csv_field(s, i, "verdict"), "agrees") == 0 ? GLANCE_AGREES : GLANCE_DISAGREES;
}

/* "`b` 299x faster than `a` at n=10000 (95% interval 290 to 310)", at idiom.conf's confidence: the
 * measured figure of row i. */
static void figure_text(const csv_table *s, size_t i, char *buffer, size_t size) {
    const double ratio = atof(csv_field(s, i, "ratio")), lo = atof(csv_field(s, i, "ratio_lo")), hi = atof(csv_field(s, i, "ratio_hi"));
    const char *metric = csv_field(s, i, "metric");
    const int contender_wins = ratio >= 1;
    char better[96]; /* what the winner is, in words */
    if (strcmp(metric, "ns_per_item") == 0) snprintf(better, sizeof better, "faster");
    else if (strstr(metric, "_bytes") != NULL) snprintf(better, sizeof better, "smaller"); /* a memory figure */
    else snprintf(better, sizeof better, "lower in %s", metric);
    if (!*csv_field(s, i, "ratio") || isnan(ratio)) {
        snprintf(buffer, size, "not measured");
        return;
    }
    if (strcmp(metric, "cpython_over_c") == 0) { /* one idiom's time per item, CPython here over C here */
        const int c_wins = ratio >= 1;
        snprintf(buffer, size, "%s %.3gx faster than %s (CPython here runs `%s`, C `%s`) at %s=%s (%.0f%% interval %.3g to %.3g)",
                 c_wins ? "C here" : "CPython here", c_wins ? ratio : 1 / ratio, c_wins ? "CPython here" : "C here",
                 csv_field(s, i, "baseline"), csv_field(s, i, "contender"), csv_field(s, i, "param"), csv_field(s, i, "x"),
                 IDIOM_CONFIDENCE_PCT, c_wins ? lo : 1 / hi, c_wins ? hi : 1 / lo);
        return;
    }
    if (strcmp(metric, "top_share") == 0) { /* a profile's top function and its share, counted exactly */
        snprintf(buffer, size, "the profile's top function holds %.1f%% of `%s`'s instructions at %s=%s (counted exactly)",
                 100 * ratio, csv_field(s, i, "baseline"), csv_field(s, i, "param"), csv_field(s, i, "x"));
        return;
    }
    if (isinf(ratio) || ratio == 0) { /* one side allocates nothing: no finite ratio to quote */
        snprintf(buffer, size, "`%s` needs no heap memory, `%s` does, at %s=%s",
                 ratio > 0 ? csv_field(s, i, "contender") : csv_field(s, i, "baseline"),
                 ratio > 0 ? csv_field(s, i, "baseline") : csv_field(s, i, "contender"), csv_field(s, i, "param"), csv_field(s, i, "x"));
        return;
    }
    if (strcmp(csv_field(s, i, "outcome"), "undecided") == 0 && lo <= 1 && hi >= 1) { /* no winner to name */
        snprintf(buffer, size, "%s of `%s` / `%s` = %.3f at %s=%s (%.0f%% interval %.3g to %.3g)",
                 strcmp(metric, "ns_per_item") == 0 ? "time" : metric, csv_field(s, i, "baseline"), csv_field(s, i, "contender"), ratio,
                 csv_field(s, i, "param"), csv_field(s, i, "x"), IDIOM_CONFIDENCE_PCT, lo, hi);
        return;
    }
    if (strcmp(csv_field(s, i, "outcome"), "no_difference") == 0) {
        snprintf(buffer, size, "no difference between `%s` and `%s` at %s=%s: ratio %.3g, %.0f%% interval %.3g to %.3g, "
                 "within %.0f%%", csv_field(s, i, "baseline"), csv_field(s, i, "contender"), csv_field(s, i, "param"), csv_field(s, i, "x"),
                 ratio, IDIOM_CONFIDENCE_PCT, lo, hi, 100 * (IDIOM_NOISE_FLOOR - 1));
        return;
    }
    snprintf(buffer, size, "`%s` %.3gx %s than `%s` at %s=%s (%.0f%% interval %.3g to %.3g)",
             contender_wins ? csv_field(s, i, "contender") : csv_field(s, i, "baseline"), contender_wins ? ratio : 1 / ratio,
             better, contender_wins ? csv_field(s, i, "baseline") : csv_field(s, i, "contender"),
             csv_field(s, i, "param"), csv_field(s, i, "x"), IDIOM_CONFIDENCE_PCT, contender_wins ? lo : 1 / hi,
             contender_wins ? hi : 1 / lo);
}

/* Where the rounds came from, for a timing claim. */
static void measured_by(const csv_table *s, size_t i, char *buffer, size_t size) {
    if (atoi(csv_field(s, i, "rounds")) > 0)
        snprintf(buffer, size, "%s rounds in %s processes", csv_field(s, i, "rounds"), csv_field(s, i, "processes"));
    else if (strcmp(csv_field(s, i, "metric"), "peak_bytes") == 0)
        snprintf(buffer, size, "counted bytes (exact)");
    else if (strcmp(csv_field(s, i, "metric"), "top_share") == 0)
        snprintf(buffer, size, "callgrind's count (exact)");
    else if (strcmp(csv_field(s, i, "metric"), "ns_per_item") != 0)
        snprintf(buffer, size, "the checked runs' %s", csv_field(s, i, "metric"));
    else
        snprintf(buffer, size, "not measured in pairs");
}

/* The instruction ratio of row i as a table cell: "12.3x (b / c instr. per item)", or "—". */
static void instr_cell(const csv_table *s, size_t i, char *buffer, size_t size) {
    if (!*csv_field(s, i, "instr_ratio")) {
        snprintf(buffer, size, "—");
        return;
    }
    snprintf(buffer, size, "%.3gx (%.4g / %.4g)", atof(csv_field(s, i, "instr_ratio")), atof(csv_field(s, i, "instr_baseline")),
             atof(csv_field(s, i, "instr_contender")));
}

/* A memory-bound claim's time in dependent loads at each side's working set, in words. */
static void loads_text(const csv_table *s, size_t i, char *buffer, size_t size) {
    buffer[0] = '\0';
    if (!*csv_field(s, i, "loads_baseline") || !*csv_field(s, i, "loads_contender")) return;
    snprintf(buffer, size, " In the machine's own units (its latency calibration): one item of `%s` takes as long as %.3g "
             "dependent random loads at its working set, one of `%s` as long as %.3g.", csv_field(s, i, "baseline"),
             atof(csv_field(s, i, "loads_baseline")), csv_field(s, i, "contender"), atof(csv_field(s, i, "loads_contender")));
}

#define WITNESS_GAP 2.0 /* time and instruction ratios parting by more than this get a diagnosis */

/* What the sentence of one claim quotes from its comparison's sweep: the rows and the facts, loaded
 * once per claim (loaded 0 if the comparison left none), and the claim's x. */
typedef struct claim_sweep {
    csv_table rows;
    cJSON *facts;
    int loaded;
    double x;
} claim_sweep;

static claim_sweep claim_sweep_load(const report_inputs *in, size_t i) {
    claim_sweep c = {.x = atof(csv_field(&in->summary, i, "x"))};
    c.loaded = claims_load_sweep(in->dir, csv_field(&in->summary, i, "comparison"), &c.facts, &c.rows) == 0;
    return c;
}

static void claim_sweep_free(claim_sweep *c) {
    if (c->loaded) {
        csv_free(&c->rows);
        cJSON_Delete(c->facts);
    }
    c->loaded = 0;
}

/* Where row i's time goes when its time ratio and instruction ratio part by more than WITNESS_GAP,
 * from the claim's own counters at its x: each side's ns per item and instructions per item (so ns
 * per instruction: the side with more waits, the other works), allocations per item, and working set
 * with the dependent loads its time is worth there. Says which side stalls; asserts no cause the
 * counters do not show. */
static void diagnosis_text(const report_inputs *in, size_t i, const claim_sweep *sweep, char *out, size_t size) {
    const csv_table *s = &in->summary;
    out[0] = '\0';
    if (!sweep->loaded) return;
    const csv_table *rows = &sweep->rows;
    const double x = sweep->x;
    const char *side[2] = {csv_field(s, i, "baseline"), csv_field(s, i, "contender")};
    const double instr[2] = {atof(csv_field(s, i, "instr_baseline")), atof(csv_field(s, i, "instr_contender"))};
    const char *loads_column[2] = {"loads_baseline", "loads_contender"};
    double ns[2], per_instr[2], allocs[2], working_set[2];
    for (int k = 0; k < 2; k++) {
        ns[k] = claims_sweep_value(rows, side[k], x, "ns_per_item");
        per_instr[k] = ns[k] / instr[k];
        allocs[k] = claims_sweep_value(rows, side[k], x, "allocs") / claims_sweep_value(rows, side[k], x, "items");
        working_set[k] = claims_sweep_value(rows, side[k], x, "working_set_bytes");
    }
    if (isnan(per_instr[0]) || isnan(per_instr[1])) return;
    const int waits = per_instr[1] > per_instr[0]; /* the side whose instructions take longer */
    size_t used = 0;
    const double gap = atof(csv_field(s, i, "ratio")) / atof(csv_field(s, i, "instr_ratio"));
    int n = snprintf(out, size, " **Time and instructions part by %.3gx**: per item (the sweep's medians), `%s` takes %.3g ns "
                     "for %.4g instructions (%.3g ns each) and `%s` %.3g ns for %.4g (%.3g ns each): `%s` spends %.3gx as "
                     "long per instruction, so it is the side that stalls", gap >= 1 ? gap : 1 / gap,
                     side[0], ns[0], instr[0], per_instr[0], side[1], ns[1], instr[1], per_instr[1], side[waits],
                     per_instr[waits] / per_instr[!waits]);
    used = n > 0 ? (size_t)n : 0;
    if (used < size && !isnan(working_set[waits]) && working_set[waits] > 0 && *csv_field(s, i, loads_column[waits]))
        n = snprintf(out + used, size - used, ": its working set is %.3g MB, where its item costs as long as %.3g dependent "
                     "random loads", working_set[waits] / 1e6, atof(csv_field(s, i, loads_column[waits])));
    else if (used < size && !isnan(working_set[waits]) && working_set[waits] > 0)
        n = snprintf(out + used, size - used, ": its working set is %.3g MB", working_set[waits] / 1e6);
    else
        n = 0;
    used += n > 0 ? (size_t)n : 0;
    if (used < size && !isnan(allocs[0]) && !isnan(allocs[1]))
        n = snprintf(out + used, size - used, "; allocations per item: %.3g for `%s`, %.3g for `%s`", allocs[0], side[0],
                     allocs[1], side[1]);
    else
        n = 0;
    used += n > 0 ? (size_t)n : 0;
    if (used < size) snprintf(out + used, size - used, ". Work in the kernel (system calls, page faults, process starts) and "
                                                        "sleeping are not counted instructions either.");
}

/* The witness in words: the two counts, and where the time ratio and the instruction ratio part by
 * more than WITNESS_GAP, that claim's own diagnosis. Empty without counts. */
static void witness_text(const report_inputs *in, size_t i, const claim_sweep *sweep, char *buffer, size_t size) {
    const csv_table *s = &in->summary;
    buffer[0] = '\0';
    if (!*csv_field(s, i, "instr_ratio") || !*csv_field(s, i, "ratio")) return;
    const double time_ratio = atof(csv_field(s, i, "ratio")), instr_ratio = atof(csv_field(s, i, "instr_ratio"));
    int used = snprintf(buffer, size, " Instructions per item, counted by callgrind over the timed region: %.4g for `%s`, "
                        "%.4g for `%s`, a ratio of %.3g.", atof(csv_field(s, i, "instr_baseline")),
                        csv_field(s, i, "baseline"), atof(csv_field(s, i, "instr_contender")), csv_field(s, i, "contender"), instr_ratio);
    const double gap = time_ratio / instr_ratio;
    if (used > 0 && (size_t)used < size && (gap > WITNESS_GAP || gap < 1 / WITNESS_GAP))
        diagnosis_text(in, i, sweep, buffer + used, size - (size_t)used);
}
/* A ratio as the report prints it: three significant digits, whole numbers from 1,000 up. */
static const char *ratio_text(double ratio, char *buffer, size_t size) {
    snprintf(buffer, size, ratio >= 1000 ? "%.0f" : "%.3g", ratio);
    return buffer;
}

/* The CPython-here cell of row i: "`a` / `b` = 17.4x (range 16.9 to 18; 7 rounds of timeit) at n=...",
 * with the article's profiler's reading of the same ratio; why there is none, if there is none. */
static void cpython_cell(const report_inputs *in, size_t i, char *buffer, size_t size) {
    const csv_table *s = &in->summary;
    if (!*csv_field(s, i, "python_ratio")) {
        const int skipped = strncmp(env(in, "cpython"), "skipped", 7) == 0;
        snprintf(buffer, size, "%s", skipped ? "not measured (CPYTHON=0)" : "—");
        return;
    }
    long p = -1;
    for (size_t k = 0; k < in->python.n_rows && p < 0; k++)
        if (strcmp(csv_field(&in->python, k, "claim_id"), csv_field(s, i, "claim_id")) == 0) p = (long)k;
    if (p < 0) {
        snprintf(buffer, size, "—");
        return;
    }
    const csv_table *py = &in->python;
    char r[32], lo[32], hi[32];
    char interval[32];
    if (strcmp(csv_field(py, (size_t)p, "interval"), "range") == 0) snprintf(interval, sizeof interval, "their range");
    else snprintf(interval, sizeof interval, "%.0f%% interval", IDIOM_CONFIDENCE_PCT);
    int used = snprintf(buffer, size, "`%s` / `%s` = **%sx** (%s %s to %s; %s rounds of %s) at %s=%s",
                        csv_field(py, (size_t)p, "python_baseline"), csv_field(py, (size_t)p, "python_contender"),
                        ratio_text(atof(csv_field(py, (size_t)p, "ratio")), r, sizeof r), interval,
                        ratio_text(atof(csv_field(py, (size_t)p, "ratio_lo")), lo, sizeof lo),
                        ratio_text(atof(csv_field(py, (size_t)p, "ratio_hi")), hi, sizeof hi), csv_field(py, (size_t)p, "rounds"),
                        csv_field(py, (size_t)p, "tool"), csv_field(s, i, "param"), csv_field(py, (size_t)p, "x"));
    if (used > 0 && (size_t)used < size && strcmp(csv_field(py, (size_t)p, "scale"), "full") != 0)
        used += snprintf(buffer + used, size - (size_t)used, ", a reduced size (%s run)", csv_field(py, (size_t)p, "scale"));
    if (used > 0 && (size_t)used < size && *csv_field(py, (size_t)p, "profiled_ratio"))
        snprintf(buffer + used, size - (size_t)used, "; under %s, as the article measured: %sx",
                 csv_field(py, (size_t)p, "profiler"), ratio_text(atof(csv_field(py, (size_t)p, "profiled_ratio")), r, sizeof r));
}

/* The gaps between the article's figure, CPython here and C here, as factors. Only the profiler's
 * share is measured (a profiled CPython run); the rest is stated as a factor, not attributed, since
 * no run here varies the machine, the interpreter's version or the language. Empty without a CPython
 * figure. */
static void cpython_gaps(const csv_table *s, size_t i, char *buffer, size_t size) {
    buffer[0] = '\0';
    if (!*csv_field(s, i, "python_ratio")) return;
    const double article = atof(csv_field(s, i, "article_ratio")), python = atof(csv_field(s, i, "python_ratio"));
    const double c = atof(csv_field(s, i, "ratio")), profiled = atof(csv_field(s, i, "python_profiled_ratio"));
    char a[32], p[32], cr[32], f1[32], f2[32], pr[32];
    int used = snprintf(buffer, size, " CPython here measures %sx (at %s=%s).", ratio_text(python, p, sizeof p),
                        csv_field(s, i, "param"), csv_field(s, i, "python_x"));
    if (article > 0 && used > 0 && (size_t)used < size) {
        used += snprintf(buffer + used, size - (size_t)used, " Article %sx against CPython here: a factor of %s",
                         ratio_text(article, a, sizeof a), ratio_text(article / python, f1, sizeof f1));
        if (*csv_field(s, i, "python_profiled_ratio") && used > 0 && (size_t)used < size)
            used += snprintf(buffer + used, size - (size_t)used, " (under the article's profiler this machine's CPython "
                             "reads %sx: the profiler alone moves the ratio by a factor of %s)",
                             ratio_text(profiled, pr, sizeof pr), ratio_text(profiled / python, f2, sizeof f2));
        if (used > 0 && (size_t)used < size) used += snprintf(buffer + used, size - (size_t)used, ".");
    }
    if (!*csv_field(s, i, "ratio") || !(c > 0) || used < 0 || (size_t)used >= size) return;
    if (isinf(c))
        snprintf(buffer + used, size - (size_t)used, " In C one side needs no heap at all, so no finite factor separates "
                 "CPython here from C here.");
    else
        snprintf(buffer + used, size - (size_t)used, " CPython here against C here (%sx): a factor of %s.",
                 ratio_text(c, cr, sizeof cr), ratio_text(c / python, f1, sizeof f1));
}

static void write_header(FILE *f, const report_inputs *in) {
    fprintf(f, "# idiombench report\n\n");
    fprintf(f, "Run `%s`, %s, commit `%s`%s, on `%s`.", env(in, "run_id"), env(in, "date_utc"), env(in, "commit"),
            strcmp(env(in, "dirty"), "true") == 0 ? " (with uncommitted changes)" : "", env(in, "host"));
    if (strcmp(env(in, "quick"), "true") == 0)
        fprintf(f, " **A QUICK run: reduced sweeps and short times, for checking the pipeline, not for citing.**");
    fprintf(f, "\n\n");
}

/* The counts, then the findings where C and the articles part ways, a sentence each. */
/* CPython here's verdict on row i's claim, by the rule C's is judged by: its interval against the
 * noise floor, then against the article's direction. */
static const char *cpython_verdict(const report_inputs *in, size_t i) {
    const csv_table *s = &in->summary;
    const long c = claim_row(in, csv_field(s, i, "claim_id"));
    if (strcmp(csv_field(s, i, "metric"), "top_share") == 0) /* a profile's share against the share the claim states */
        return atof(csv_field(s, i, "python_ratio")) >= atof(csv_field(s, i, "article_ratio")) ? "agrees" : "disagrees";
    return verdict_word(verdict_outcome_of(atof(csv_field(s, i, "python_ratio_lo")), atof(csv_field(s, i, "python_ratio_hi")),
                                           IDIOM_NOISE_FLOOR),
                        c >= 0 ? csv_field(&in->claims, (size_t)c, "article_favours") : "");
}

/* Summary row i graded against the article in words, on direction and on magnitude, for the ratio in
 * column (C's "ratio", or CPython here's "python_ratio" judged as C's is), by who: "C: same direction
 * as the article, 47x smaller than its figure of 64 (1.36x)." A verdict that only agrees in direction
 * must not read like one that matches. */
static void grade_text(const report_inputs *in, size_t i, const char *column, const char *who, char *out, size_t size) {
    const csv_table *s = &in->summary;
    const double ratio = atof(csv_field(s, i, column)), article = atof(csv_field(s, i, "article_ratio"));
    const char *verdict = strcmp(column, "ratio") == 0 ? csv_field(s, i, "verdict") : cpython_verdict(in, i);
    const int agrees = strcmp(verdict, "agrees") == 0;
    const char *direction = agrees ? "same direction as the article"
                            : strcmp(verdict, "disagrees") == 0      ? "not the article's direction"
                            : strcmp(verdict, "not_applicable") == 0 ? "not applicable to the article's claim"
                                                                     : "direction undecided";
    char r[32], a[32], k[32];
    if (!(article > 0) || !(ratio > 0) || isinf(ratio)) {
        snprintf(out, size, "%s: %s; the article gives no figure to set a size against.", who, direction);
        return;
    }
    const double factor = ratio / article;
    if (!agrees)
        snprintf(out, size, "%s: %s, %sx where the article has %sx.", who, direction, ratio_text(ratio, r, sizeof r),
                 ratio_text(article, a, sizeof a));
    else if (factor >= 0.5 && factor <= 2)
        snprintf(out, size, "%s: %s, and about its size (%sx against its %sx).", who, direction,
                 ratio_text(ratio, r, sizeof r), ratio_text(article, a, sizeof a));
    else
        snprintf(out, size, "%s: %s, but %sx %s than its figure of %sx (%sx).", who, direction,
                 ratio_text(factor > 1 ? factor : 1 / factor, k, sizeof k), factor > 1 ? "larger" : "smaller",
                 ratio_text(article, a, sizeof a), ratio_text(ratio, r, sizeof r));
}

/* Where in the sweep summary row i's winner wins: over the xs both variants were swept at, who has
 * the lower median (time, or the claim's counted metric), in words: "In the sweep (medians, not
 * paired), `b` wins from n=1000 to 1e+07; `a` below." "" for a crossover claim or without both rows.
 * This is the range of x a verdict holds over; the pairs decide the claim at its own x. */
static void sweep_range_text(const report_inputs *in, size_t i, const claim_sweep *sweep, char *out, size_t size) {
    const csv_table *s = &in->summary;
    out[0] = '\0';
    const char *metric = csv_field(s, i, "metric");
    if (strcmp(metric, "crossover") == 0 || !sweep->loaded) return;
    const char *column = metric; /* ns_per_item, or the counted metric: each a sweep column */
    const char *baseline = csv_field(s, i, "baseline"), *contender = csv_field(s, i, "contender");
    double xs[CLAIMS_MAX_POINTS];
    int side[CLAIMS_MAX_POINTS]; /* 1: the contender's median is lower, -1: the baseline's, 0: equal */
    size_t n = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(sweep->facts, "xs")) {
        const double x = item->valuedouble;
        const double b = claims_sweep_value(&sweep->rows, baseline, x, column),
                     c = claims_sweep_value(&sweep->rows, contender, x, column);
        if (isnan(b) || isnan(c) || n == CLAIMS_MAX_POINTS) continue;
        xs[n] = x;
        side[n++] = b > c ? 1 : b < c ? -1 : 0;
    }
    if (n < 2) return;
    /* The run of xs, from the largest down, on which the largest x's winner wins. */
    size_t from = n - 1;
    while (from > 0 && side[from - 1] == side[n - 1]) from--;
    const char *winner = side[n - 1] > 0 ? contender : side[n - 1] < 0 ? baseline : NULL;
    const char *param = csv_field(s, i, "param");
    if (winner == NULL) return;
    char better[96];
    if (strcmp(column, "ns_per_item") == 0) snprintf(better, sizeof better, "faster");
    else snprintf(better, sizeof better, "lower in %s", column);
    int used = snprintf(out, size, " In the sweep (medians of the rows, not paired), `%s` is %s from %s=%g to %g", winner,
                        better, param, xs[from], xs[n - 1]);
    if (used > 0 && (size_t)used < size)
        snprintf(out + used, size - (size_t)used, from == 0 ? ", every x swept." : "; at %s=%g and below, it is not.", param,
                 xs[from - (from > 0)]);
}

/* The sweep's ratio at the claim's own x against the pairs': the chart draws the first, the claim
 * quotes the second. The sweep's interval is the rows' (baseline lo / contender hi to baseline hi /
 * contender lo). Where the two intervals do not meet, it says so and names how the two regimes
 * differ; where they meet, it says that too. "" for a claim not timed or without both rows. */
static void sweep_agreement_text(const report_inputs *in, size_t i, const claim_sweep *sweep, char *out, size_t size) {
    const csv_table *s = &in->summary;
    out[0] = '\0';
    if (strcmp(csv_field(s, i, "metric"), "ns_per_item") != 0 || !sweep->loaded || !*csv_field(s, i, "ratio")) return;
    const double x = sweep->x;
    double ratio, lo, hi;
    if (claims_sweep_ratio(&sweep->rows, csv_field(s, i, "baseline"), csv_field(s, i, "contender"), x, "ns_per_item",
                           &ratio, &lo, &hi) != 2 ||
        !(ratio > 0 && lo > 0 && isfinite(hi)))
        return;
    const double paired_lo = atof(csv_field(s, i, "ratio_lo")), paired_hi = atof(csv_field(s, i, "ratio_hi"));
    char r[32], l[32], h[32];
    const int used = snprintf(out, size, " At %s=%g the sweep's rows read %sx [%s, %s]", csv_field(s, i, "param"), x,
                              ratio_text(ratio, r, sizeof r), ratio_text(lo, l, sizeof l), ratio_text(hi, h, sizeof h));
    if (used < 0 || (size_t)used >= size) return;
    if (hi >= paired_lo && lo <= paired_hi)
        snprintf(out + used, size - (size_t)used, ", which meets the pairs' interval.");
    else
        snprintf(out + used, size - (size_t)used, ", apart from the pairs' interval: the chart's lines and the claim "
                 "measure in different regimes. The sweep times each side in rows of its own, in one process that "
                 "has run the comparison's other cases in random order, with the heap and caches they left; the "
                 "pairs alternate the two sides in slices of a few ms, in processes that run only the comparison's claimed "
                 "pairs. The claim is the pairs' figure.");
}

/* A why-text's lookups: the claim's comparison's sweep rows, at the claim's x. */
static double why_lookup(const char *variant, const char *column, void *ctx) {
    const claim_sweep *sweep = ctx;
    return claims_sweep_value(&sweep->rows, variant, sweep->x, column);
}

/* Summary row i's why-text with its figures filled in from this run (core/why.h); "" if the claim
 * has none. */
static void why_text(const report_inputs *in, size_t i, const claim_sweep *sweep, char *out, size_t size) {
    const long c = claim_row(in, csv_field(&in->summary, i, "claim_id"));
    out[0] = '\0';
    if (c < 0) return;
    const char *text = csv_field(&in->claims, (size_t)c, "why");
    if (!sweep->loaded || why_expand(text, why_lookup, (void *)sweep, out, size) < 0) snprintf(out, size, "%s", text);
}

/* The summary row of claim_id, or -1. */
static long summary_row(const csv_table *s, const char *claim_id) {
    for (size_t i = 0; i < s->n_rows; i++)
        if (strcmp(csv_field(s, i, "claim_id"), claim_id) == 0) return (long)i;
    return -1;
}

/* "**agrees**, 1.23x [1.10, 1.35]": row i's verdict and its ratio (baseline / contender, as in
 * summary.csv) with its interval; "—" for no row. */
static void answer_cell(const csv_table *s, long i, char *buffer, size_t size) {
    if (i < 0 || !*csv_field(s, (size_t)i, "ratio")) {
        snprintf(buffer, size, "—");
        return;
    }
    char r[32], lo[32], hi[32];
    snprintf(buffer, size, "**%s**, %sx [%s, %s]", csv_field(s, (size_t)i, "verdict"),
             ratio_text(atof(csv_field(s, (size_t)i, "ratio")), r, sizeof r),
             ratio_text(atof(csv_field(s, (size_t)i, "ratio_lo")), lo, sizeof lo),
             ratio_text(atof(csv_field(s, (size_t)i, "ratio_hi")), hi, sizeof hi));
}

/* CPython here's answer to row i: its verdict (cpython_verdict), ratio and interval. */
static void cpython_answer_cell(const report_inputs *in, size_t i, char *buffer, size_t size) {
    const csv_table *s = &in->summary;
    if (!*csv_field(s, i, "python_ratio")) {
        snprintf(buffer, size, "—");
        return;
    }
    char r[32], l[32], h[32];
    snprintf(buffer, size, "**%s**, %sx [%s, %s]", cpython_verdict(in, i),
             ratio_text(atof(csv_field(s, i, "python_ratio")), r, sizeof r),
             ratio_text(atof(csv_field(s, i, "python_ratio_lo")), l, sizeof l),
             ratio_text(atof(csv_field(s, i, "python_ratio_hi")), h, sizeof h));
}

/* The articles' claims, each answered three ways: in CPython here, by the C model of what CPython
 * does underneath (mechanism) and by what a C programmer would write (idiomatic). A claim's
 * idiomatic row, where it differs from the mechanism row, is named <claim>.idiomatic. */
static void write_three_answers(FILE *f, const report_inputs *in) {
    const csv_table *s = &in->summary;
    static const char idiomatic_suffix[] = ".idiomatic";
    fprintf(f, "Each article claim answered three ways, as baseline / contender with its interval: in CPython "
               "here; in C that does what CPython does underneath (*mechanism*); and in C as a C programmer "
               "would write it (*idiomatic*). Where the two C models differ in verdict, the modelling choice "
               "decides the answer, and the claim's sentence in the ledger says which.\n\n"
               "| claim | CPython here | C, mechanism | C, idiomatic |\n|---|---|---|---|\n");
    for (size_t i = 0; i < s->n_rows; i++) {
        const char *id = csv_field(s, i, "claim_id"), *model = csv_field(s, i, "model");
        if (strcmp(csv_field(s, i, "kind"), "article") != 0) continue;
        const size_t len = strlen(id), suffix = sizeof idiomatic_suffix - 1;
        if (len > suffix && strcmp(id + len - suffix, idiomatic_suffix) == 0) continue; /* with its claim */
        char sibling_id[256], python[128], mechanism[128], idiomatic[128];
        snprintf(sibling_id, sizeof sibling_id, "%s%s", id, idiomatic_suffix);
        const long sibling = summary_row(s, sibling_id);
        cpython_answer_cell(in, i, python, sizeof python);
        answer_cell(s, strcmp(model, "mechanism") == 0 ? (long)i : -1, mechanism, sizeof mechanism);
        answer_cell(s, sibling >= 0 ? sibling : strcmp(model, "idiomatic") == 0 ? (long)i : -1, idiomatic, sizeof idiomatic);
        fprintf(f, "| `%s` | %s | %s | %s |\n", id, python, mechanism, idiomatic);
    }
    fprintf(f, "\n");
}

/* Article 002's "compiling Python brings massive speed gains" across the comparisons: the claims
 * on metric cpython_over_c (CPython here's time per item over C here's for the same work), their
 * geometric mean and their range. */
static void write_compiled_summary(FILE *f, const csv_table *s) {
    size_t n = 0, lowest = 0, highest = 0;
    double log_sum = 0;
    for (size_t i = 0; i < s->n_rows; i++) {
        const double ratio = atof(csv_field(s, i, "ratio"));
        if (strcmp(csv_field(s, i, "metric"), "cpython_over_c") != 0 || !(ratio > 0)) continue;
        if (n == 0 || ratio < atof(csv_field(s, lowest, "ratio"))) lowest = i;
        if (n == 0 || ratio > atof(csv_field(s, highest, "ratio"))) highest = i;
        log_sum += log(ratio);
        n++;
    }
    if (n == 0) return;
    fprintf(f, "**Compiled against interpreted** (002 \"Cython and Numba\": compiling Python brings massive speed "
               "gains): over the %zu comparisons where CPython here and C here time the same work, C runs it %.3gx "
               "faster than CPython (the geometric mean of the `cpython_over_c` rows), from %.3gx (`%s`) to %.3gx "
               "(`%s`). C here is the mechanism model: the same objects and calls without the interpreter, as "
               "compiled Python that keeps its objects would run.\n\n",
            n, exp(log_sum / (double)n), atof(csv_field(s, lowest, "ratio")), csv_field(s, lowest, "claim_id"),
            atof(csv_field(s, highest, "ratio")), csv_field(s, highest, "claim_id"));
}

static void write_glance(FILE *f, const report_inputs *in) {
    const csv_table *s = &in->summary;
    size_t counts[5] = {0, 0, 0, 0, 0};
    for (size_t i = 0; i < s->n_rows; i++) counts[glance_of(s, i)]++;
    fprintf(f, "## Verdicts at a glance\n\nOf %zu claims: **%zu %s**, **%zu %s** (a difference the other way), "
               "**%zu %s**, **%zu %s** and **%zu %s** (measured, but the claim is about something this C does not "
               "have).\n\n", s->n_rows, counts[GLANCE_AGREES], glance_words[GLANCE_AGREES],
            counts[GLANCE_DISAGREES], glance_words[GLANCE_DISAGREES], counts[GLANCE_NO_DIFFERENCE],
            glance_words[GLANCE_NO_DIFFERENCE], counts[GLANCE_INCONCLUSIVE], glance_words[GLANCE_INCONCLUSIVE],
            counts[GLANCE_NOT_APPLICABLE], glance_words[GLANCE_NOT_APPLICABLE]);
    size_t parted = 0;
    for (size_t i = 0; i < s->n_rows; i++) {
        if (strcmp(csv_field(s, i, "verdict"), "disagrees") != 0 || strcmp(csv_field(s, i, "kind"), "article") != 0) continue;
        const long c = claim_row(in, csv_field(s, i, "claim_id"));
        char figure[512];
        figure_text(s, i, figure, sizeof figure);
        if (parted++ == 0) fprintf(f, "Where C and the articles part ways:\n\n");
        fprintf(f, "- **%s**: the article says %s; in C, %s.\n", csv_field(s, i, "claim_id"),
                c >= 0 ? csv_field(&in->claims, (size_t)c, "article_figure") : "", figure);
    }
    if (parted == 0) fprintf(f, "No article claim is contradicted by this run.\n");
    fprintf(f, "\n");
    write_three_answers(f, in);
    write_compiled_summary(f, s);
}

static void write_method(FILE *f, const report_inputs *in) {
    fprintf(f, "## Method\n\n");
    fprintf(f, "A timing claim is measured in pairs: its baseline and contender are set up once, each checked "
               "against its reference, then timed in alternating slices of a fixed iteration count (about %.0f ms "
               "each, in ABBA or BAAB order from a random start), so that the machine's drift lands on both sides "
               "of every round alike. Each round gives a log ratio. The pairs run in passes, one process per "
               "comparison per pass, the comparisons and the pairs in a shuffled order in each: every pair gets at "
               "least %d processes; then only the pairs not yet sure get more, up to %d, while the pairs' budget of "
               "%d s lasts. A timing claim is sure once its interval is within %d%% of its ratio; a crossover's or a "
               "chart's pair once its interval lies on one side of 1. Each process's median log ratio is one sample "
               "(Kalibera and Jones's two-level model): the claim's ratio is their mean, and its %.0f%% interval "
               "Student's t interval of that mean over the processes, so it covers the spread within a process's "
               "rounds and the spread between processes (a heap layout, a neighbour's load), and narrows only as "
               "processes are added. "
               "A claim whose interval lies wholly beyond %.2f on one side is a difference; wholly within "
               "[1/%.2f, %.2f] it is *no difference* (which disagrees with an article that claims one); an "
               "interval that straddles the floor is *inconclusive*. A crossover is stated where the paired "
               "intervals on both sides of it exclude 1, else as a range of x. Memory claims come from the "
               "counting allocator, whose figures repeat exactly. The charts' sweeps are Google Benchmark's: "
               "up to %d repetitions per point in random interleaved order (at least %d where one iteration is long); "
               "a point is their median, its bar the "
               "%.0f%% sign-test interval of that median. Beside each timing claim's time ratio stands an instruction "
               "ratio: each side's instructions per item over the timed region alone, counted by valgrind's callgrind "
               "at the claim's x (one iteration, setup uncounted; instructions: %s). A count repeats exactly for the "
               "same build; where it and the time ratio part, the time went to memory, the kernel or waiting. "
               "Debian's Google Benchmark is built without NDEBUG (its assertions are on); no figure here rests on "
               "its loop, since every timed loop is idiombench's own batch loop, and the harness's calibration "
               "(below) measures what Google Benchmark's loop adds.\n\n",
            1000 * IDIOM_SLICE_SECONDS, IDIOM_MIN_PROCESSES, IDIOM_MAX_PROCESSES, IDIOM_PAIRS_BUDGET,
            IDIOM_SURE_HALF_WIDTH_PCT, IDIOM_CONFIDENCE_PCT, IDIOM_NOISE_FLOOR, IDIOM_NOISE_FLOOR, IDIOM_NOISE_FLOOR,
            IDIOM_SWEEP_REPETITIONS, IDIOM_SWEEP_MIN_REPETITIONS, IDIOM_CONFIDENCE_PCT, env(in, "instruction_counts"));
    fprintf(f, "| | |\n|---|---|\n");
    fprintf(f, "| Machine | %s, %s cores; caches %s |\n", env(in, "cpu_model"), env(in, "cores"), env(in, "caches"));
    fprintf(f, "| State | load average %s; frequency governor: %s; transparent huge pages: %s; DAMON: %s; %s; "
               "clock source %s (available: %s) |\n",
            env(in, "load_average"), env(in, "frequency_governor"), env(in, "transparent_hugepages"),
            env(in, "damon_monitor"), env(in, "kernel"), env(in, "clocksource"), env(in, "clocksources_available"));
    fprintf(f, "| Build | %s, `%s` (%s); C++ wrapper `%s` |\n", env(in, "c_compiler"), env(in, "c_flags"),
            env(in, "build_type"), env(in, "cxx_flags"));
    fprintf(f, "| Libraries | Google Benchmark %s; uthash %s; cJSON %s; glibc %s (malloc's mmap threshold fixed at %s "
               "bytes, trim threshold at %s); %s |\n", env(in, "google_benchmark"), env(in, "uthash"), env(in, "cjson"),
            env(in, "glibc"), env(in, "malloc_mmap_threshold"), env(in, "malloc_trim_threshold"), env(in, "gnuplot"));
    fprintf(f, "| CPython side | %s |\n", env(in, "cpython"));
    fprintf(f, "| Inputs | SplitMix64, seed %s; extra flags: `%s` |\n", env(in, "seed"),
            strlen(env(in, "bench_args")) ? env(in, "bench_args") : "none");
    report_run_fingerprint(f, in->environment);
}

/* The claims that check the suite itself: what "no difference" measures like today. */
static void write_controls(FILE *f, const report_inputs *in) {
    const csv_table *s = &in->summary;
    for (size_t i = 0; i < s->n_rows; i++) {
        if (strcmp(csv_field(s, i, "kind"), "control") != 0) continue;
        char figure[512], by[128];
        figure_text(s, i, figure, sizeof figure);
        measured_by(s, i, by, sizeof by);
        char why[2048];
        claim_sweep sweep = claim_sweep_load(in, i);
        why_text(in, i, &sweep, why, sizeof why);
        claim_sweep_free(&sweep);
        fprintf(f, "## Control: %s\n\n%s Measured: %s, from %s: **%s**. A control that does not read *no difference* means "
                   "the suite would see differences where there are none today; read every verdict with that in "
                   "mind.\n\n", csv_field(s, i, "claim_id"), why, figure, by,
                strcmp(csv_field(s, i, "outcome"), "no_difference") == 0 ? "no difference, as it should" : "NOT no difference");
    }
}

static void write_ledger(FILE *f, const report_inputs *in) {
    const csv_table *s = &in->summary;
    fprintf(f, "## Claims ledger\n\n");
    if (s->n_rows == 0) {
        fprintf(f, "No claim's comparison was measured in this run.\n\n");
        return;
    }
    fprintf(f, "Three columns side by side: the article's figure, the article's own setup re-run in CPython on this "
               "machine in this run (*CPython here*: %s), and the C analogue (*C here*). The machine, the interpreter's "
               "version and the language all differ between them, and no run here varies one at a time: the report "
               "gives the gaps as factors and attributes only what it measured (the profiler's share, where the "
               "CPython side ran the article's profiler too).\n\n",
            env(in, "cpython"));
    fprintf(f, "| claim | article | article's figure | CPython here | C here | measured by | instruction ratio (per item) | verdict |\n"
               "|---|---|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < s->n_rows; i++) {
        const long c = claim_row(in, csv_field(s, i, "claim_id"));
        char figure[512], by[128], instr[128], python[512];
        figure_text(s, i, figure, sizeof figure);
        measured_by(s, i, by, sizeof by);
        instr_cell(s, i, instr, sizeof instr);
        cpython_cell(in, i, python, sizeof python);
        fprintf(f, "| `%s` | %s | %s | %s | %s%s%s%s | %s | %s | **%s**", csv_field(s, i, "claim_id"),
                c >= 0 ? csv_field(&in->claims, (size_t)c, "article") : "",
                c >= 0 ? csv_field(&in->claims, (size_t)c, "article_figure") : "", python, figure,
                *csv_field(s, i, "model") ? " (" : "", csv_field(s, i, "model"), *csv_field(s, i, "model") ? " model)" : "",
                by, instr, csv_field(s, i, "verdict"));
        if (*csv_field(s, i, "note")) fprintf(f, "; %s", csv_field(s, i, "note"));
        fprintf(f, " |\n");
    }
    fprintf(f, "\nEach claim in one sentence, ready to paste:\n\n");
    for (size_t i = 0; i < s->n_rows; i++) {
        const char *verdict = csv_field(s, i, "verdict");
        char figure[512], by[128];
        figure_text(s, i, figure, sizeof figure);
        measured_by(s, i, by, sizeof by);
        fprintf(f, "- **%s**: %s, from %s; the claim %s%s%s%s", csv_field(s, i, "claim_id"), figure, by,
                strcmp(verdict, "agrees") == 0           ? "holds in C"
                : strcmp(verdict, "disagrees") == 0      ? "does not hold in C"
                : strcmp(verdict, "not_applicable") == 0 ? "does not apply to this C"
                                                    : "is neither confirmed nor refuted here",
                *csv_field(s, i, "model") ? " (the " : "", csv_field(s, i, "model"), *csv_field(s, i, "model") ? " model)" : "");
        if (*csv_field(s, i, "note")) fprintf(f, " (%s)", csv_field(s, i, "note"));
        fprintf(f, ".");
        char grade[512];
        const int article_claim = strcmp(csv_field(s, i, "kind"), "article") == 0;
        if (article_claim) {
            grade_text(in, i, "ratio", "C", grade, sizeof grade);
            fprintf(f, " %s", grade);
        }
        if (article_claim && *csv_field(s, i, "python_ratio")) {
            grade_text(in, i, "python_ratio", "CPython here", grade, sizeof grade);
            fprintf(f, " %s", grade);
        }
        claim_sweep sweep = claim_sweep_load(in, i); /* what the why-text, range and diagnosis quote */
        char why[2048];
        why_text(in, i, &sweep, why, sizeof why);
        if (*why) fprintf(f, " %s", why);
        char range[512];
        sweep_range_text(in, i, &sweep, range, sizeof range);
        fprintf(f, "%s", range);
        sweep_agreement_text(in, i, &sweep, range, sizeof range);
        fprintf(f, "%s", range);
        char witness[2048], loads[512], gaps[1024];
        witness_text(in, i, &sweep, witness, sizeof witness);
        claim_sweep_free(&sweep);
        loads_text(s, i, loads, sizeof loads);
        cpython_gaps(s, i, gaps, sizeof gaps);
        fprintf(f, "%s%s%s\n", gaps, witness, loads);
    }
    fprintf(f, "\n");
}

int main(int argc, char **argv) {
    report_inputs in = {0};
    const char *claims_path = NULL;
    const option_spec specs[] = {{"results", "DIR", &in.dir, 1}, {"claims", "CLAIMS.tsv", &claims_path, 1},
                                 {"plots-link", "LINK", &in.plots_link, 1}};
    options_parse(argc, argv, specs, sizeof specs / sizeof specs[0],
                  "DIR/REPORT.md from the run's summary and results; charts linked as LINK/<comparison>.svg.", "", 0);
    char path[4096], error[1024];
    snprintf(path, sizeof path, "%s/environment.json", in.dir);
    in.environment = jsonfile_load(path, error, sizeof error);
    snprintf(path, sizeof path, "%s/summary.csv", in.dir);
    if (csv_load(claims_path, '\t', &in.claims, error, sizeof error) != 0 ||
        csv_load(path, ',', &in.summary, error, sizeof error) != 0) {
        fprintf(stderr, "idiom_report: %s\n", error);
        return 1;
    }
    snprintf(path, sizeof path, "%s/python.csv", in.dir);
    if (csv_load(path, ',', &in.python, error, sizeof error) != 0) in.python = (csv_table){0}; /* older results */
    snprintf(path, sizeof path, "%s/REPORT.md", in.dir);
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        perror(path);
        return 1;
    }
    write_header(f, &in);
    write_glance(f, &in);
    write_method(f, &in);
    write_controls(f, &in);
    report_run_spread(f, &in.summary);
    const report_place place = {in.dir, in.plots_link};
    report_sections(f, &place, 1);
    write_ledger(f, &in);
    report_allocators(f, in.dir, in.plots_link, &in.claims);
    report_sections(f, &place, 0);
    cJSON_Delete(in.environment);
    csv_free(&in.claims);
    csv_free(&in.summary);
    csv_free(&in.python);
    return fclose(f) == 0 ? 0 : 1;
}
