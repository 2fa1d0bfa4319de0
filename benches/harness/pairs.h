/* pairs.h: paired measurement of two variants of a comparison at one x, in alternating short
 * slices (ABBA, from a random start), the way tango and nanobench's compare() measure: the drift of
 * a shared machine then lands on both sides of every round alike. */
#ifndef IDIOM_PAIRS_H
#define IDIOM_PAIRS_H

#include "bench.h"

#include <stdint.h>

typedef struct pairs_settings {
    double slice_seconds; /* one slice of one side lasts about this long (at least one iteration) */
    double pair_seconds;  /* a pair's rounds go on until its slices have taken this long ... */
    unsigned min_rounds;  /* ... and it has at least this many rounds (see pair_done in pairs.c) */
    unsigned process;     /* which replicate process this is: 1, 2, ... (written with each round) */
    uint64_t seed;        /* with process, decides the order of pairs and each pair's first side */
} pairs_settings;

/* Measure every pair of the plan (a TSV with columns comparison, baseline, contender, x) whose
 * comparison is cmp's: one round of each in turn, in an order shuffled by seed and process, until
 * each has had its share (min_rounds rounds and pair_seconds of slices), appending each round to
 * <out_dir>/<cmp>.rounds.csv. Returns 0; 1 if a variant failed its check or a pair names an unknown
 * variant (each said on stderr); 2 if the plan cannot be read. */
int pairs_run(const bench_comparison *cmp, const char *plan_path, const char *out_dir, const pairs_settings *s);

#endif /* IDIOM_PAIRS_H */
