/* verdict.c: see verdict.h. */
#include "verdict.h"

#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Plain malloc: the tools' memory is not a benchmark's. Aborts if n doubles cannot be had. */
int verdict_paired(const double *log_ratios, const unsigned *process, size_t n, double confidence,
                   paired_estimate *out) {
    if (n == 0) return -1;
    double lo, hi, *own = malloc(n * sizeof *own);
    unsigned *seen = malloc(n * sizeof *seen);
    if (own == NULL || seen == NULL) abort();
    *out = (paired_estimate){.ratio = exp(stats_median(log_ratios, n)), .rounds = n};
    out->below_level = stats_median_interval(log_ratios, n, confidence, &lo, &hi);
    out->rounds_lo = exp(lo);
    out->rounds_hi = exp(hi);
    double p_lo = INFINITY, p_hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        size_t p = 0;
        while (p < out->processes && seen[p] != process[i]) p++;
        if (p < out->processes) continue;
        seen[out->processes++] = process[i];
        size_t m = 0;
        for (size_t j = i; j < n; j++)
            if (process[j] == process[i]) own[m++] = log_ratios[j];
        const double median = stats_median(own, m);
        p_lo = median < p_lo ? median : p_lo;
        p_hi = median > p_hi ? median : p_hi;
    }
    out->processes_lo = exp(p_lo);
    out->processes_hi = exp(p_hi);
    lo = p_lo < lo ? p_lo : lo;
    hi = p_hi > hi ? p_hi : hi;
    out->lo = exp(lo);
    out->hi = exp(hi);
    free(own);
    free(seen);
    return 0;
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
