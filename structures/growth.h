/* growth.h: how a growable buffer (the string builder, the int vector) picks its next allocation
 * when an append does not fit: a geometric factor num/den of the old size, or exact fit. One rule
 * for every growable structure, so that a "1.125x" means the same thing in every comparison. */
#ifndef IDIOM_GROWTH_H
#define IDIOM_GROWTH_H

#include <stddef.h>

/* Grow to at least factor_num / factor_den times the old allocation; 1/1 is exact fit. */
typedef struct growth_policy {
    unsigned factor_num; /* numerator of the growth factor, >= factor_den */
    unsigned factor_den; /* denominator of the growth factor, >= 1 */
} growth_policy;

#define GROWTH_EXACT_FIT ((growth_policy){1, 1})
#define GROWTH_DOUBLING ((growth_policy){2, 1})     /* sds (below 1 MB), Go's append for small slices */
#define GROWTH_CPYTHON_LIST ((growth_policy){9, 8}) /* CPython's list over-allocation, about 1.125x */

/* 1 if the policy is well formed (den >= 1, num >= den). */
int growth_policy_valid(growth_policy policy);
/* The size to grow an allocation of `current` units to so that `needed` fit, at most `limit`. */
size_t growth_next_size(growth_policy policy, size_t current, size_t needed, size_t limit);

#endif /* IDIOM_GROWTH_H */
