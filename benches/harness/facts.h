/* facts.h: what a comparison declares about itself, written beside its CSV as
 * <comparison>.facts.json, so that the tools read facts instead of knowing comparisons by name. */
#ifndef IDIOM_FACTS_H
#define IDIOM_FACTS_H

#include "bench.h"

#include <stdint.h>

/* Write <dir>/<cmp>.facts.json for a run with this seed (and sweep, QUICK or not). 0, or -1. */
int facts_write(const bench_comparison *cmp, const char *dir, uint64_t seed, int quick);

#endif /* IDIOM_FACTS_H */
