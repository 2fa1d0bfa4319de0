/* results.h: collects every repetition of every benchmark of one comparison, prints progress, and
 * writes results/<comparison>.csv (the contract's columns and more) and <comparison>.reps.csv (raw
 * samples). */
#ifndef IDIOM_RESULTS_H
#define IDIOM_RESULTS_H

#include "bench_internal.h"

#include <stdio.h>

typedef struct results results;

/* Empty results for cmp, whose inputs were drawn with seed; NULL if out of memory. */
results *results_create(const bench_comparison *cmp, uint64_t seed);
void results_destroy(results *r);
/* Declare the benchmark <cmp>/<variant>/<x> that will run; returns its name, or NULL if out of memory. */
const char *results_expect(results *r, size_t variant, double x);
/* A bench__sink: file one benchmark's repetitions and print a progress line. */
void results_add(const bench__sample *samples, size_t n, void *results);
/* A bench__heartbeat: print a line if nothing was printed for a while. */
void results_heartbeat(const char *name, void *results);

/* Benchmarks that failed their check or bench_fail; each was named on stderr as it failed. */
size_t results_failures(const results *r);
/* Benchmarks that reported repetitions. */
size_t results_completed(const results *r);
/* Write <dir>/<cmp>.csv and <dir>/<cmp>.reps.csv. 0, or -1 with errno set. */
int results_write(const results *r, const char *dir);
/* Name the unstable rows on out and say what to try; nothing if there are none. */
void results_print_unstable(const results *r, FILE *out);

#endif /* IDIOM_RESULTS_H */
