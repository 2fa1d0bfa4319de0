/* cpython.h: a claim's figure on the CPython side: the ratio of two idioms' figures from the rounds
 * a python/<comparison>.py script measured (<comparison>.cpython_rounds.csv), paired by round and
 * given the same interval as the C side's paired rounds, at the point nearest the claim's. */
#ifndef IDIOM_CPYTHON_H
#define IDIOM_CPYTHON_H

#include "csv.h"
#include "verdict.h"

/* What the CPython side says of one claim. */
typedef struct cpython_estimate {
    double x;              /* the point measured: the claim's x, or the nearest a reduced run had */
    paired_estimate e;     /* baseline idiom / contender idiom, paired by round (one process) */
    char tool[32];         /* what measured the figures: timeit, tracemalloc... */
    double profiled_ratio; /* the same ratio as the article's profiler reads it (metric profiled_<metric>), or NaN */
    char profiler[32];     /* that profiler, or "" */
} cpython_estimate;

/* Load <dir>/<comparison>.cpython_rounds.csv into rounds. 0; -1 if there is none (the CPython
 * side was skipped or has no script for it); a malformed file is -1 with the reason on stderr. */
int cpython_load(const char *dir, const char *comparison, csv_table *rounds);
/* The estimate of baseline / contender on metric from rounds, at wanted_x if both idioms have it,
 * else the largest x below it both have, else the smallest above. 0, or -1 if the idioms share no
 * x with positive figures on that metric. */
int cpython_estimate_of(const csv_table *rounds, const char *metric, const char *baseline, const char *contender,
                        double wanted_x, cpython_estimate *out);

/* One idiom's figure on metric alone, at wanted_x if it has it, else the largest x below, else the
 * smallest above: into *x, the rounds' median into *median, the median's interval at `confidence`
 * into [*lo, *hi] (the rounds' range when they are too few), and their number into *rounds. 0, or
 * -1 if the idiom has no positive figure on metric. */
int cpython_idiom_figure(const csv_table *rounds_table, const char *metric, const char *idiom, double wanted_x,
                         double confidence, double *x, double *median, double *lo, double *hi, size_t *rounds);

#endif /* IDIOM_CPYTHON_H */
