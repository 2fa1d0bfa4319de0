/* stats.h: the statistics a run's figures rest on: medians, their distribution-free
 * intervals and robust spread, and growth orders fitted on log-log axes. */
#ifndef IDIOM_STATS_H
#define IDIOM_STATS_H

#include <stddef.h>
#include <stdint.h>

/* Median of n > 0 values (the mean of the middle two when n is even); values are not changed. */
double stats_median(const double *values, size_t n);
double stats_min(const double *values, size_t n);
double stats_max(const double *values, size_t n);
double stats_mean(const double *values, size_t n);
/* Coefficient of variation in percent: sample standard deviation / mean; 0 when n < 2. */
double stats_cv_pct(const double *values, size_t n);

/* An interval [lo, hi] that holds the median of the n values with at least `confidence` (e.g.
 * 0.95): order statistics picked by the sign test. Returns 0, or 1 when n is too small for that
 * confidence (then lo and hi are the minimum and maximum). */
int stats_median_interval(const double *values, size_t n, double confidence, double *lo, double *hi);
/* Median absolute percentage error: median(|v - median| / median) in percent (nanobench's err%). */
double stats_mdape_pct(const double *values, size_t n);

/* A statistic of n values, such as stats_mdape_pct. */
typedef double stats_statistic_fn(const double *values, size_t n);
/* A percentile-bootstrap interval [lo, hi] for statistic(values) at `confidence`: the statistic of
 * `resamples` resamples with replacement, drawn from a generator seeded with seed (the same values
 * and seed give the same interval). n > 0. */
void stats_bootstrap_interval(const double *values, size_t n, stats_statistic_fn *statistic, size_t resamples,
                              double confidence, uint64_t seed, double *lo, double *hi);

/* Least-squares slope of y against x over n points. 0, or -1 if n < 2 or every x is the same. */
int stats_linear_slope(const double *x, const double *y, size_t n, double *slope);
/* Least-squares slope of log(y) against log(x) over the n points with x > 0 and y > 0: the growth
 * order k of y ~ x^k. Returns 0, or -1 with fewer than two such points. */
int stats_loglog_slope(const double *x, const double *y, size_t n, double *slope);

#endif /* IDIOM_STATS_H */
