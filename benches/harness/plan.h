/* plan.h: the pairs a run measures, as idiom_plan wrote them (plan.tsv), read for one comparison:
 * by the paired runner, which times them, and by the counted runner, which counts their instructions. */
#ifndef IDIOM_PLAN_H
#define IDIOM_PLAN_H

#include "bench.h"

#include <stddef.h>

typedef struct plan_pair {
    size_t baseline, contender; /* variant indices */
    double x;
} plan_pair;

/* The pairs of the plan at path (a TSV with columns comparison, baseline, contender, x) whose
 * comparison is cmp's, without repeats, into *out (for free). Returns how many, or -1 after saying
 * on stderr why (unreadable, a column missing, an unknown variant). */
long plan_read(const bench_comparison *cmp, const char *path, plan_pair **out);

#endif /* IDIOM_PLAN_H */
