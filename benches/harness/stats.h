/* stats.h: the statistics a run's figures rest on: medians and spread over repetitions, bootstrap
 * intervals for ratios of medians, and growth orders fitted on log-log axes. */
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

/* 95% percentile-bootstrap interval of median(base) / median(contender), resampling each side
 * independently `resamples` times from a fixed seed. Returns 0, or -1 if out of memory. */
int stats_bootstrap_ratio(const double *base, size_t n_base, const double *contender,
                          size_t n_contender, unsigned resamples, uint64_t seed, double *lo,
                          double *hi);

/* Least-squares slope of y against x over n points. 0, or -1 if n < 2 or every x is the same. */
int stats_linear_slope(const double *x, const double *y, size_t n, double *slope);
/* Least-squares slope of log(y) against log(x) over the n points with x > 0 and y > 0: the growth
 * order k of y ~ x^k. Returns 0, or -1 with fewer than two such points. */
int stats_loglog_slope(const double *x, const double *y, size_t n, double *slope);

#endif /* IDIOM_STATS_H */
