/* key_numbers.h: the numbers a comparison's section of the report gives for each variant, computed
 * once from its sweep (idiom_summary writes them to <comparison>.keys.csv, which the report lays out). */
#ifndef IDIOM_KEY_NUMBERS_H
#define IDIOM_KEY_NUMBERS_H

#include "csv.h"

typedef struct key_numbers {
    double x_smallest, ns_per_item_smallest; /* the variant's first sweep row (the sweep runs up from its smallest x) */
    double x_largest, ns_per_item_largest;   /* its row at the largest x */
    double growth_order;        /* claims_growth_order: log-log slope of time per iteration, top two decades */
    double bytes_per_x_largest; /* peak heap bytes over x at the largest x; NaN where that x is not positive */
    double slope;               /* least-squares slope of ns per item against 1 - x, whole sweep (x a share) */
    double growth_per_step;     /* exp of the slope of log(time per iteration) against x over the upper half of
                                   the points: the factor one more unit of x multiplies the time by */
} key_numbers;

/* variant's key numbers from a sweep's rows (columns variant, x, ns_per_item, items, peak_bytes), NaN
 * for any that cannot be fitted. 0; -1 if the sweep has no row of variant. */
int key_numbers_of(const csv_table *rows, const char *variant, key_numbers *out);

#endif /* IDIOM_KEY_NUMBERS_H */
