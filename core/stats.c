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

/* The number k of values below the interval: the largest k with P(Binomial(n, 1/2) < k) at most
 * (1 - confidence) / 2, by summing the binomial's lower tail. 0 when n is too small for any. */
static size_t sign_test_k(size_t n, double confidence) {
    const double tail = (1 - confidence) / 2;
    double p = pow(0.5, (double)n), below = 0; /* p = P(X = i), below = P(X < i) */
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (below + p > tail) break;
        below += p;
        k = i + 1;
        p *= (double)(n - i) / (double)(i + 1);
    }
    return k;
}

/* Distribution-free: the order statistics x(k) and x(n-k+1) bound the median with at least the asked
 * confidence whatever the distribution, as long as the values are independent (the sign test's
 * interval, as in nanobench). With too few values for that confidence, the interval is [min, max]
 * and the return is 1, so callers can say the interval is not at the asked level. */
int stats_median_interval(const double *values, size_t n, double confidence, double *lo, double *hi) {
    assert(n > 0 && confidence > 0 && confidence < 1);
    double *sorted = malloc(n * sizeof *sorted);
    if (sorted == NULL) abort();
    memcpy(sorted, values, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, compare_doubles);
    const size_t k = sign_test_k(n, confidence);
    *lo = sorted[k ? k - 1 : 0];
    *hi = sorted[k ? n - k : n - 1];
    free(sorted);
    return k ? 0 : 1;
}

/* nanobench's err%: robust to the one slow repetition that a standard deviation magnifies. */
double stats_mdape_pct(const double *values, size_t n) {
    assert(n > 0);
    const double m = stats_median(values, n);
    if (m == 0) return 0;
    double *errors = malloc(n * sizeof *errors);
    if (errors == NULL) abort();
    for (size_t i = 0; i < n; i++) errors[i] = fabs(values[i] - m) / fabs(m);
    const double e = 100 * median_in_place(errors, n);
    free(errors);
    return e;
}

enum { STREAM_BOOTSTRAP = 0xb007 }; /* the PRNG stream of bootstrap resamples */

/* Aborts only if harness memory for the resamples cannot be allocated. */
void stats_bootstrap_interval(const double *values, size_t n, stats_statistic_fn *statistic, size_t resamples,
                              double confidence, uint64_t seed, double *lo, double *hi) {
    assert(n > 0 && resamples > 0 && confidence > 0 && confidence < 1);
    double *sample = malloc(n * sizeof *sample), *stat = malloc(resamples * sizeof *stat);
    if (sample == NULL || stat == NULL) abort();
    rng r = rng_seeded(seed, STREAM_BOOTSTRAP);
    for (size_t b = 0; b < resamples; b++) {
        for (size_t i = 0; i < n; i++) sample[i] = values[rng_below(&r, n)];
        stat[b] = statistic(sample, n);
    }
    qsort(stat, resamples, sizeof *stat, compare_doubles);
    const double tail = (1 - confidence) / 2 * (double)(resamples - 1);
    *lo = stat[(size_t)floor(tail)];
    *hi = stat[(size_t)ceil((double)(resamples - 1) - tail)];
    free(sample);
    free(stat);
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
