/* sweep.h: registers a comparison's sweep with Google Benchmark: every variant that is not
 * pairs-only at every x of the sweep (full or QUICK) up to its max_x. */
#ifndef IDIOM_SWEEP_H
#define IDIOM_SWEEP_H

#include "results.h"

/* Register <cmp>/<variant>/<x> for the sweep and declare each to r. 0, or -1 if out of memory. */
int sweep_register(const bench_comparison *cmp, int quick, results *r);

#endif /* IDIOM_SWEEP_H */
