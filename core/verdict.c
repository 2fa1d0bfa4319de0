/* verdict.c: see verdict.h. */
#include "verdict.h"

#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MATHLIB_STANDALONE /* R's nmath, from Debian's r-mathlib: Student's t quantile */
#include <Rmath.h>

/* The variance of the median of m rounds whose spread is sd: about pi/2 times that of their mean. */
static double median_variance(double sd, double m) { return 1.5707963267948966 * sd * sd / m; }

/* The median of each process's rounds into medians[], their rounds into counts[], and the pooled
 * robust spread of a round (1.4826 MAD within each process, the root mean square over processes)
 * into *sd. Returns how many processes. Plain malloc: aborts if scratch memory cannot be had. */
static size_t process_medians(const double *log_ratios, const unsigned *process, size_t n, double *medians,
                              size_t *counts, double *sd) {
    double *own = malloc(n * sizeof *own);
    unsigned *seen = malloc(n * sizeof *seen);
    if (own == NULL || seen == NULL) abort();
    size_t k = 0;
    double squares = 0;
    for (size_t i = 0; i < n; i++) {
        size_t p = 0;
        while (p < k && seen[p] != process[i]) p++;
        if (p < k) continue;
        seen[k] = process[i];
        size_t m = 0;
        for (size_t j = i; j < n; j++)
            if (process[j] == process[i]) own[m++] = log_ratios[j];
        medians[k] = stats_median(own, m);
        counts[k] = m;
        for (size_t j = 0; j < m; j++) own[j] = fabs(own[j] - medians[k]);
        const double mad = 1.4826 * stats_median(own, m);
        squares += mad * mad;
        k++;
    }
    *sd = sqrt(squares / (double)k);
    free(own);
    free(seen);
    return k;
}

int verdict_paired(const double *log_ratios, const unsigned *process, size_t n, double confidence,
                   paired_estimate *out) {
    if (n == 0) return -1;
    double *medians = malloc(n * sizeof *medians);
    size_t *counts = malloc(n * sizeof *counts);
    if (medians == NULL || counts == NULL) abort();
    *out = (paired_estimate){.rounds = n};
    const size_t k = out->processes = process_medians(log_ratios, process, n, medians, counts, &out->sd_rounds);
    double centre, lo, hi;
    if (k == 1) {
        centre = medians[0];
        out->below_level = stats_median_interval(log_ratios, n, confidence, &lo, &hi);
    } else {
        centre = stats_mean(medians, k);
        double squares = 0, explained = 0;
        for (size_t p = 0; p < k; p++) {
            squares += (medians[p] - centre) * (medians[p] - centre);
            explained += median_variance(out->sd_rounds, (double)counts[p]);
        }
        const double sd_medians = sqrt(squares / (double)(k - 1));
        const double between = sd_medians * sd_medians - explained / (double)k;
        out->sd_processes = between > 0 ? sqrt(between) : 0;
        const double half = qt((1 + confidence) / 2, (double)(k - 1), 1, 0) * sd_medians / sqrt((double)k);
        lo = centre - half;
        hi = centre + half;
    }
    out->ratio = exp(centre);
    out->lo = exp(lo);
    out->hi = exp(hi);
    free(medians);
    free(counts);
    return 0;
}

double verdict_half_width(double lo, double hi) { return sqrt(hi / lo) - 1; }

double verdict_between_share(double sd_rounds, double sd_processes, double rounds_per_process) {
    const double between = sd_processes * sd_processes;
    const double total = between + median_variance(sd_rounds, rounds_per_process);
    return total > 0 ? between / total : 0;
}

verdict_outcome verdict_outcome_of(double lo, double hi, double floor) {
    if (isnan(lo) || isnan(hi)) return OUTCOME_UNDECIDED;
    if (lo > floor) return OUTCOME_CONTENDER;
    if (hi < 1 / floor) return OUTCOME_BASELINE;
    if (lo >= 1 / floor && hi <= floor) return OUTCOME_NO_DIFFERENCE;
    return OUTCOME_UNDECIDED;
}

const char *verdict_outcome_name(verdict_outcome outcome) {
    static const char *const names[] = {"contender", "baseline", "no_difference", "undecided"};
    return names[outcome];
}

const char *verdict_word(verdict_outcome outcome, const char *article_favours) {
    if (outcome == OUTCOME_UNDECIDED) return "inconclusive";
    const verdict_outcome expected = strcmp(article_favours, "contender") == 0  ? OUTCOME_CONTENDER
                                     : strcmp(article_favours, "baseline") == 0 ? OUTCOME_BASELINE
                                                                                : OUTCOME_NO_DIFFERENCE;
    return outcome == expected ? "agrees" : "disagrees";
}

int verdict_favours_inverted(const char *article_favours, const char *metric) {
    return strcmp(article_favours, "baseline") == 0 && strcmp(metric, "top_share") != 0;
}

verdict_outcome verdict_side_of_one(double lo, double hi) {
    if (lo > 1) return OUTCOME_CONTENDER;
    if (hi < 1) return OUTCOME_BASELINE;
    return OUTCOME_UNDECIDED;
}

crossover verdict_crossover(const double *xs, const verdict_outcome *winner, size_t n) {
    crossover c = {CROSSOVER_UNDECIDED, NAN, NAN, n ? n - 1 : 0};
    if (n == 0) return c;
    if (winner[n - 1] != OUTCOME_CONTENDER) {
        c.kind = winner[n - 1] == OUTCOME_BASELINE ? CROSSOVER_NEVER : CROSSOVER_UNDECIDED;
        return c;
    }
    size_t i = n - 1;
    while (i > 0 && winner[i - 1] == OUTCOME_CONTENDER) i--;
    c.at = i;
    c.x_hi = xs[i];
    size_t below = i;
    while (below > 0 && winner[below - 1] != OUTCOME_BASELINE) below--;
    if (below == 0) {
        c.kind = CROSSOVER_AT_OR_BELOW;
        return c;
    }
    c.x_lo = xs[below - 1];
    c.kind = below == i ? CROSSOVER_AT : CROSSOVER_RANGE;
    return c;
}

const char *verdict_crossover_word(crossover_kind kind) {
    return kind == CROSSOVER_NEVER ? "disagrees" : kind == CROSSOVER_UNDECIDED ? "inconclusive" : "agrees";
}

verdict_glance verdict_glance_of(const char *verdict, const char *outcome) {
    if (strcmp(verdict, "not_applicable") == 0) return GLANCE_NOT_APPLICABLE;
    if (strcmp(verdict, "inconclusive") == 0) return GLANCE_INCONCLUSIVE;
    if (strcmp(outcome, "no_difference") == 0) return GLANCE_NO_DIFFERENCE;
    return strcmp(verdict, "agrees") == 0 ? GLANCE_AGREES : GLANCE_DISAGREES;
}

const char *verdict_glance_words(verdict_glance glance) {
    static const char *const words[GLANCE_N] = {"agree", "disagree", "find no difference", "inconclusive", "not applicable"};
    return glance < GLANCE_N ? words[glance] : "";
}

const char *verdict_glance_name(verdict_glance glance) {
    static const char *const names[GLANCE_N] = {"agrees", "disagrees", "no_difference", "inconclusive", "not_applicable"};
    return glance < GLANCE_N ? names[glance] : "";
}
