/* key_numbers.c: see key_numbers.h. */
#include "key_numbers.h"

#include "claims.h"
#include "stats.h"

#include <math.h>
#include <string.h>

/* exp of the least-squares slope of log(per_iteration) against x over the upper half of the n points
 * (x ascending): exponential growth shows there, clear of fixed costs. NaN with fewer than 2 points. */
static double growth_per_step(const double *x, const double *per_iteration, size_t n) {
    double fx[CLAIMS_MAX_POINTS], fy[CLAIMS_MAX_POINTS], slope;
    size_t fitted = 0;
    for (size_t k = n / 2; k < n; k++)
        if (per_iteration[k] > 0) {
            fx[fitted] = x[k];
            fy[fitted++] = log(per_iteration[k]);
        }
    return fitted >= 2 && stats_linear_slope(fx, fy, fitted, &slope) == 0 ? exp(slope) : NAN;
}

int key_numbers_of(const csv_table *rows, const char *variant, key_numbers *out) {
    const int v = csv_column(rows, "variant"), xc = csv_column(rows, "x"), ns = csv_column(rows, "ns_per_item"),
              items = csv_column(rows, "items"), peak = csv_column(rows, "peak_bytes");
    double x[CLAIMS_MAX_POINTS], per_item[CLAIMS_MAX_POINTS], per_iteration[CLAIMS_MAX_POINTS], share[CLAIMS_MAX_POINTS],
        peak_bytes[CLAIMS_MAX_POINTS];
    size_t n = 0, largest = 0;
    for (size_t r = 0; v >= 0 && xc >= 0 && ns >= 0 && r < rows->n_rows && n < CLAIMS_MAX_POINTS; r++) {
        if (strcmp(csv_cell(rows, r, (size_t)v), variant) != 0) continue;
        x[n] = csv_number(rows, r, (size_t)xc);
        per_item[n] = csv_number(rows, r, (size_t)ns);
        per_iteration[n] = per_item[n] * (items >= 0 ? csv_number(rows, r, (size_t)items) : NAN);
        share[n] = 1 - x[n];
        peak_bytes[n] = peak >= 0 ? csv_number(rows, r, (size_t)peak) : NAN;
        if (n == 0 || x[n] > x[largest]) largest = n;
        n++;
    }
    if (n == 0) return -1;
    double slope;
    *out = (key_numbers){
        .x_smallest = x[0],
        .ns_per_item_smallest = per_item[0],
        .x_largest = x[largest],
        .ns_per_item_largest = per_item[largest],
        .growth_order = claims_growth_order(rows, variant),
        .bytes_per_x_largest = x[largest] > 0 ? peak_bytes[largest] / x[largest] : NAN,
        .slope = stats_linear_slope(share, per_item, n, &slope) == 0 ? slope : NAN,
        .growth_per_step = growth_per_step(x, per_iteration, n),
    };
    return 0;
}
