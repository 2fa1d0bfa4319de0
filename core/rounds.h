/* rounds.h: a comparison's paired rounds (<comparison>.rounds.csv, as the paired runner writes
 * them) turned into one pair's estimate: what the summary judges and what the run's pending-pairs
 * check reads between passes. */
#ifndef IDIOM_ROUNDS_H
#define IDIOM_ROUNDS_H

#include "csv.h"
#include "verdict.h"

/* The paired estimate (verdict_paired, at IDIOM_CONFIDENCE) of baseline against contender at x over
 * every round and process the table holds. 0, or -1 if it holds none of that pair or lacks a column. */
int rounds_paired_at(const csv_table *rounds, const char *baseline, const char *contender, double x,
                     paired_estimate *out);

/* The seconds the table's rounds of that pair cost (column "seconds": each round's slices, and the
 * pair's setup and calibration in each process), or 0 if it has no such column or rounds. */
double rounds_seconds_at(const csv_table *rounds, const char *baseline, const char *contender, double x);

#endif /* IDIOM_ROUNDS_H */
