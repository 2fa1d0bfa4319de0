/* growth.c: the growth rule of every growable structure; see growth.h. */
#include "growth.h"

#include <assert.h>
#include <stdint.h>

int growth_policy_valid(growth_policy policy) {
    return policy.factor_den >= 1 && policy.factor_num >= policy.factor_den;
}

/* current * num / den, but never less than needed (a large append, or growing from 0) and never more
 * than limit (nothing beyond it can be used); saturates instead of overflowing. Units are whatever
 * the caller counts: bytes for the string builder, elements for the vector. Requires needed <= limit. */
size_t growth_next_size(growth_policy policy, size_t current, size_t needed, size_t limit) {
    assert(growth_policy_valid(policy) && needed <= limit);
    size_t target = current > SIZE_MAX / policy.factor_num ? SIZE_MAX
                                                           : current * policy.factor_num / policy.factor_den;
    if (target < needed) target = needed;
    if (target > limit) target = limit;
    return target;
}
