/* report_claim.c: what the report says of one claim, as cells and sentences: its figure, how it was
 * measured, its witness, CPython here's figure and the gaps, its grade against the article, its sweep
 * and its why-text. It words what the summary computed (summary.csv, python.csv); it judges nothing. */
#include "report_claim.h"

#include "claims.h"
#include "idiom_config.h"
#include "jsonfile.h"
#include "why.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "`b` 299x faster than `a` at n=10000 (95% interval 290 to 310)", at idiom.conf's confidence: the
 * measured figure of row i. */
void figure_text(const csv_table *s, size_t i, char *buffer, size_t size) {
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
void measured_by(const csv_table *s, size_t i, char *buffer, size_t size) {
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
void instr_cell(const csv_table *s, size_t i, char *buffer, size_t size) {
    if (!*csv_field(s, i, "instr_ratio")) {
        snprintf(buffer, size, "—");
        return;
    }
    snprintf(buffer, size, "%.3gx (%.4g / %.4g)", atof(csv_field(s, i, "instr_ratio")), atof(csv_field(s, i, "instr_baseline")),
             atof(csv_field(s, i, "instr_contender")));
}

/* A memory-bound claim's time in dependent loads at each side's working set, in words. */
void loads_text(const csv_table *s, size_t i, char *buffer, size_t size) {
    buffer[0] = '\0';
    if (!*csv_field(s, i, "loads_baseline") || !*csv_field(s, i, "loads_contender")) return;
    snprintf(buffer, size, " In the machine's own units (its latency calibration): one item of `%s` takes as long as %.3g "
             "dependent random loads at its working set, one of `%s` as long as %.3g.", csv_field(s, i, "baseline"),
             atof(csv_field(s, i, "loads_baseline")), csv_field(s, i, "contender"), atof(csv_field(s, i, "loads_contender")));
}

const char *report_env(const report_inputs *in, const char *key) { return jsonfile_text_of(in->environment, key); }

long claim_row(const report_inputs *in, const char *claim_id) { return csv_find_row(&in->claims, "claim_id", claim_id); }

#define WITNESS_GAP 2.0 /* time and instruction ratios parting by more than this get a diagnosis */



claim_sweep claim_sweep_load(const report_inputs *in, size_t i) {
    claim_sweep c = {.x = atof(csv_field(&in->summary, i, "x"))};
    c.loaded = claims_load_sweep(in->dir, csv_field(&in->summary, i, "comparison"), &c.facts, &c.rows) == 0;
    return c;
}

void claim_sweep_free(claim_sweep *c) {
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
void witness_text(const report_inputs *in, size_t i, const claim_sweep *sweep, char *buffer, size_t size) {
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
const char *ratio_text(double ratio, char *buffer, size_t size) {
    snprintf(buffer, size, ratio >= 1000 ? "%.0f" : "%.3g", ratio);
    return buffer;
}

/* The CPython-here cell of row i: "`a` / `b` = 17.4x (range 16.9 to 18; 7 rounds of timeit) at n=...",
 * with the article's profiler's reading of the same ratio; why there is none, if there is none. */
void cpython_cell(const report_inputs *in, size_t i, char *buffer, size_t size) {
    const csv_table *s = &in->summary;
    if (!*csv_field(s, i, "python_ratio")) {
        const int skipped = strncmp(report_env(in, "cpython"), "skipped", 7) == 0;
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
void cpython_gaps(const csv_table *s, size_t i, char *buffer, size_t size) {
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
/* Summary row i graded against the article in words, on direction and on magnitude, for the ratio in
 * column (C's "ratio", or CPython here's "python_ratio" judged as C's is), by who: "C: same direction
 * as the article, 47x smaller than its figure of 64 (1.36x)." A verdict that only agrees in direction
 * must not read like one that matches. */
void grade_text(const report_inputs *in, size_t i, const char *column, const char *who, char *out, size_t size) {
    const csv_table *s = &in->summary;
    const double ratio = atof(csv_field(s, i, column)), article = atof(csv_field(s, i, "article_ratio"));
    const char *verdict = csv_field(s, i, strcmp(column, "ratio") == 0 ? "verdict" : "python_verdict");
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

/* Where in the sweep summary row i's winner wins, as the summary found it (sweep_winner and its xs):
 * "In the sweep (medians of the rows, not paired), `b` is faster from n=1000 to 1e+07; at n=100 and
 * below, it is not." "" where the summary found none. The range of x a verdict holds over; the pairs
 * decide the claim at its own x. */
void sweep_range_text(const csv_table *s, size_t i, char *out, size_t size) {
    out[0] = '\0';
    const char *winner = csv_field(s, i, "sweep_winner"), *metric = csv_field(s, i, "metric"), *param = csv_field(s, i, "param");
    if (!*winner) return;
    char better[96];
    if (strcmp(metric, "ns_per_item") == 0) snprintf(better, sizeof better, "faster");
    else snprintf(better, sizeof better, "lower in %s", metric);
    const double loses_at = csv_field_number(s, i, "sweep_loses_at");
    int used = snprintf(out, size, " In the sweep (medians of the rows, not paired), `%s` is %s from %s=%g to %g", winner,
                        better, param, csv_field_number(s, i, "sweep_wins_from"), csv_field_number(s, i, "sweep_wins_to"));
    if (used > 0 && (size_t)used < size)
        snprintf(out + used, size - (size_t)used, isnan(loses_at) ? ", every x swept." : "; at %s=%g and below, it is not.",
                 param, loses_at);
}

/* The sweep's ratio at the claim's own x (summary's sweep_ratio) against the pairs': the chart draws
 * the first, the claim quotes the second. The sweep's interval is the rows' (baseline lo / contender
 * hi to baseline hi / contender lo). Where the two intervals do not meet, it says so and names how the
 * two regimes differ; where they meet, it says that too. "" where the summary has no sweep ratio. */
void sweep_agreement_text(const csv_table *s, size_t i, char *out, size_t size) {
    out[0] = '\0';
    const double ratio = csv_field_number(s, i, "sweep_ratio"), lo = csv_field_number(s, i, "sweep_ratio_lo"),
                 hi = csv_field_number(s, i, "sweep_ratio_hi");
    if (isnan(ratio) || isnan(lo) || isnan(hi)) return;
    const double paired_lo = atof(csv_field(s, i, "ratio_lo")), paired_hi = atof(csv_field(s, i, "ratio_hi"));
    char r[32], l[32], h[32];
    const int used = snprintf(out, size, " At %s=%g the sweep's rows read %sx [%s, %s]", csv_field(s, i, "param"),
                              atof(csv_field(s, i, "x")), ratio_text(ratio, r, sizeof r), ratio_text(lo, l, sizeof l),
                              ratio_text(hi, h, sizeof h));
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
void why_text(const report_inputs *in, size_t i, const claim_sweep *sweep, char *out, size_t size) {
    const long c = claim_row(in, csv_field(&in->summary, i, "claim_id"));
    out[0] = '\0';
    if (c < 0) return;
    const char *text = csv_field(&in->claims, (size_t)c, "why");
    if (!sweep->loaded || why_expand(text, why_lookup, (void *)sweep, out, size) < 0) snprintf(out, size, "%s", text);
}

/* "**agrees**, 1.23x [1.10, 1.35]": row i's verdict and its ratio (baseline / contender, as in
 * summary.csv) with its interval; "—" for no row. */
void answer_cell(const csv_table *s, long i, char *buffer, size_t size) {
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

/* CPython here's answer to row i: its verdict (as the summary judged it), ratio and interval. */
void cpython_answer_cell(const report_inputs *in, size_t i, char *buffer, size_t size) {
    const csv_table *s = &in->summary;
    if (!*csv_field(s, i, "python_ratio")) {
        snprintf(buffer, size, "—");
        return;
    }
    char r[32], l[32], h[32];
    snprintf(buffer, size, "**%s**, %sx [%s, %s]", csv_field(s, i, "python_verdict"),
             ratio_text(atof(csv_field(s, i, "python_ratio")), r, sizeof r),
             ratio_text(atof(csv_field(s, i, "python_ratio_lo")), l, sizeof l),
             ratio_text(atof(csv_field(s, i, "python_ratio_hi")), h, sizeof h));
}
