/* stats.c: see stats.h. Uses plain malloc: the harness's own memory is not the benchmarks'. */
#include "stats.h"

#include "rng.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int compare_doubles(const void *a, const void *b) {
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median_in_place(double *values, size_t n) {
    qsort(values, n, sizeof *values, compare_doubles);
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

/* O(n log n); aborts only if a copy of n doubles cannot be allocated (harness memory). */
double stats_median(const double *values, size_t n) {
    assert(n > 0);
    double *copy = malloc(n * sizeof *copy);
    if (copy == NULL) abort();
    memcpy(copy, values, n * sizeof *copy);
    const double m = median_in_place(copy, n);
    free(copy);
    return m;
}

double stats_min(const double *values, size_t n) {
    assert(n > 0);
    double m = values[0];
    for (size_t i = 1; i < n; i++) m = values[i] < m ? values[i] : m;
    return m;
}

double stats_max(const double *values, size_t n) {
    assert(n > 0);
    double m = values[0];
    for (size_t i = 1; i < n; i++) m = values[i] > m ? values[i] : m;
    return m;
}

double stats_mean(const double *values, size_t n) {
    assert(n > 0);
    double sum = 0;
    for (size_t i = 0; i < n; i++) sum += values[i];
    return sum / (double)n;
}

double stats_cv_pct(const double *values, size_t n) {
    if (n < 2) return 0.0;
    const double mean = stats_mean(values, n);
    double squares = 0;
    for (size_t i = 0; i < n; i++) squares += (values[i] - mean) * (values[i] - mean);
    return mean != 0 ? 100.0 * sqrt(squares / (double)(n - 1)) / fabs(mean) : 0.0;
}

static double resampled_median(rng *r, const double *values, size_t n, double *scratch) {
    for (size_t i = 0; i < n; i++) scratch[i] = values[rng_below(r, n)];
    return median_in_place(scratch, n);
}

int stats_bootstrap_ratio(const double *base, size_t n_base, const double *contender,
                          size_t n_contender, unsigned resamples, uint64_t seed, double *lo,
                          double *hi) {
    assert(n_base > 0 && n_contender > 0 && resamples > 0);
    double *ratios = malloc(resamples * sizeof *ratios);
    double *scratch = malloc((n_base > n_contender ? n_base : n_contender) * sizeof *scratch);
    if (ratios == NULL || scratch == NULL) {
        free(ratios);
        free(scratch);
        return -1;
    }
    rng r = rng_seeded(seed, 0);
    for (unsigned i = 0; i < resamples; i++) {
        const double b = resampled_median(&r, base, n_base, scratch);
        const double c = resampled_median(&r, contender, n_contender, scratch);
        ratios[i] = b / c;
    }
    qsort(ratios, resamples, sizeof *ratios, compare_doubles);
    *lo = ratios[(size_t)floor(0.025 * (resamples - 1))];
    *hi = ratios[(size_t)ceil(0.975 * (resamples - 1))];
    free(ratios);
    free(scratch);
    return 0;
}

/* Ordinary least squares over the n points; -1 if fewer than two or all x are equal. */
int stats_linear_slope(const double *x, const double *y, size_t n, double *slope) {
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < n; i++) {
        sx += x[i];
        sy += y[i];
        sxx += x[i] * x[i];
        sxy += x[i] * y[i];
    }
    const double denominator = (double)n * sxx - sx * sx;
    if (n < 2 || denominator == 0) return -1;
    *slope = ((double)n * sxy - sx * sy) / denominator;
    return 0;
}

/* The linear fit on the logs of the points that have them. */
int stats_loglog_slope(const double *x, const double *y, size_t n, double *slope) {
    double *logs = malloc(2 * (n ? n : 1) * sizeof *logs);
    if (logs == NULL) return -1;
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        if (!(x[i] > 0 && y[i] > 0)) continue;
        logs[used] = log(x[i]);
        logs[n + used++] = log(y[i]);
    }
    const int status = stats_linear_slope(logs, logs + n, used, slope);
    free(logs);
    return status;
}
