/* verdict.h: the rules that turn measurements into the ledger's words: a paired ratio's interval
 * from rounds in several processes, which side an interval favours, the verdict against what the
 * article says, and where a crossover lies. Small pure functions, tested on hand-made numbers. */
#ifndef IDIOM_VERDICT_H
#define IDIOM_VERDICT_H

#include <stddef.h>

/* What an interval of baseline / contender says. */
typedef enum verdict_outcome {
    OUTCOME_CONTENDER,     /* the whole interval above the floor: the contender is faster (smaller) */
    OUTCOME_BASELINE,      /* the whole interval below 1 / floor: the baseline is */
    OUTCOME_NO_DIFFERENCE, /* the whole interval within [1 / floor, floor] */
    OUTCOME_UNDECIDED,     /* the interval straddles the floor, or there is none */
} verdict_outcome;

/* A paired ratio from rounds measured in one or more processes. */
typedef struct paired_estimate {
    double ratio;        /* exp(mean of the processes' median log ratios); with one process, exp(its median) */
    double lo, hi;       /* the interval: see verdict_paired */
    size_t rounds;
    size_t processes;
    int below_level;     /* 1: too few processes (and rounds) for the confidence asked; [lo, hi] is their range */
    double sd_rounds;    /* the spread of one round's log ratio within its process (1.4826 MAD, pooled) */
    double sd_processes; /* the spread between processes' medians beyond what their rounds explain (0 if none) */
} paired_estimate;

/* The ratio of n rounds' log ratios (round i measured in process[i]), as a two-level random-effects
 * model (Kalibera and Jones, "Rigorous benchmarking in reasonable time", 2013): each process is one
 * sample, its median log ratio; the estimate is their mean and the interval Student's t interval of
 * that mean over the processes, so it covers both the spread within a process's rounds and the
 * spread between processes (a layout, a neighbour), and narrows as processes are added. With one
 * process the rounds are the samples: the sign-test interval of their median (their range if too
 * few). sd_rounds and sd_processes split the spread between the two levels. 0, or -1 if n is 0. */
int verdict_paired(const double *log_ratios, const unsigned *process, size_t n, double confidence,
                   paired_estimate *out);
/* Half the width of [lo, hi] relative to its centre, sqrt(hi / lo) - 1: 0.01 is "within 1%". */
double verdict_half_width(double lo, double hi);
/* Of the variance of one process's median (processes' spread plus its rounds' sampling), the share
 * that lies between processes, from a paired_estimate's sd_rounds and sd_processes: 0 to 1. */
double verdict_between_share(double sd_rounds, double sd_processes, double rounds_per_process);

/* What [lo, hi] says with this noise floor (> 1). NaN bounds are undecided. */
verdict_outcome verdict_outcome_of(double lo, double hi, double floor);
/* The outcome's name in summary.csv: contender, baseline, no_difference, undecided. */
const char *verdict_outcome_name(verdict_outcome outcome);
/* The contract's verdict on a claim whose article favours "contender", "baseline" or "neither"
 * (expects no difference): agrees, disagrees or inconclusive. */
const char *verdict_word(verdict_outcome outcome, const char *article_favours);

/* 1 if a ratio (baseline / contender) of this claim is inverted to say how many times faster (or
 * smaller) the side the article favours is: the article favours the baseline, and the metric is a
 * ratio (not a top_share, which is a share as it stands). summary.csv's factor columns, the site. */
int verdict_favours_inverted(const char *article_favours, const char *metric);

/* Which of the ledger's headings a claim falls under, from its summary.csv verdict and outcome: "no
 * difference" is an outcome that agrees or disagrees, so it is counted apart from both, once. */
typedef enum verdict_glance {
    GLANCE_AGREES, GLANCE_DISAGREES, GLANCE_NO_DIFFERENCE, GLANCE_INCONCLUSIVE, GLANCE_NOT_APPLICABLE, GLANCE_N
} verdict_glance;
verdict_glance verdict_glance_of(const char *verdict, const char *outcome);
/* The heading's words: "agree", "disagree", "find no difference", "inconclusive", "not applicable". */
const char *verdict_glance_words(verdict_glance glance);
/* Its name as a CSS class and in the site's counts: agrees, disagrees, no_difference, inconclusive,
 * not_applicable. */
const char *verdict_glance_name(verdict_glance glance);

/* Which side of 1 [lo, hi] lies wholly on: OUTCOME_CONTENDER above, OUTCOME_BASELINE below,
 * OUTCOME_UNDECIDED if it holds 1 (a crossover asks only who wins, not by how much). */
verdict_outcome verdict_side_of_one(double lo, double hi);

/* Where the contender starts to win, from who wins at each measured x (ascending). */
typedef enum crossover_kind {
    CROSSOVER_AT,        /* baseline wins at x_lo, contender at x_hi and at every x above: adjacent */
    CROSSOVER_RANGE,     /* as AT, with undecided points between x_lo and x_hi */
    CROSSOVER_AT_OR_BELOW, /* contender wins at every measured x from x_hi down; no baseline win below */
    CROSSOVER_NEVER,     /* the baseline wins at the largest x */
    CROSSOVER_UNDECIDED, /* undecided at the largest x */
} crossover_kind;

typedef struct crossover {
    crossover_kind kind;
    double x_lo, x_hi;   /* NaN where they do not apply */
    size_t at;           /* index of x_hi (or of the largest x for NEVER and UNDECIDED) */
} crossover;

crossover verdict_crossover(const double *xs, const verdict_outcome *winner, size_t n);
/* The crossover's verdict on the article's "the contender wins from some size on". */
const char *verdict_crossover_word(crossover_kind kind);

#endif /* IDIOM_VERDICT_H */
