/* sweep.h: registers a comparison's sweep with Google Benchmark: every variant that is not
 * pairs-only at every x of the sweep (full or QUICK) up to its max_x. */
#ifndef IDIOM_SWEEP_H
#define IDIOM_SWEEP_H

#include "results.h"

/* Register <cmp>/<variant>/<x> for the sweep and declare each to r. With repetitions > 0 every case
 * is set up first, and each row is given that many repetitions, or fewer if its checked run took
 * long (see row_repetitions in sweep.c); with 0, --benchmark_repetitions decides, and cases are set
 * up as they are first measured. Returns how many rows, or -1 if out of memory. */
long sweep_register(const bench_comparison *cmp, int quick, int repetitions, results *r);

#endif /* IDIOM_SWEEP_H */
