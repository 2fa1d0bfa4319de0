/* test_stats.c: medians, spread, sign-test intervals, robust spread and growth orders against hand-worked values. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>

#include "stats.h"

static void median_of_odd_and_even_counts(void **state) {
    (void)state;
    const double odd[] = {5, 1, 3}, even[] = {4, 1, 3, 2};
    assert_float_equal(stats_median(odd, 3), 3, 0);
    assert_float_equal(stats_median(even, 4), 2.5, 0);
    assert_float_equal(odd[0], 5, 0); /* input untouched */
}

static void extremes_mean_and_cv(void **state) {
    (void)state;
    const double v[] = {2, 4, 4, 4, 5, 5, 7, 9};
    assert_float_equal(stats_min(v, 8), 2, 0);
    assert_float_equal(stats_max(v, 8), 9, 0);
    assert_float_equal(stats_mean(v, 8), 5, 1e-12);
    /* sample standard deviation sqrt(32/7) over mean 5 */
    assert_float_equal(stats_cv_pct(v, 8), 100 * sqrt(32.0 / 7) / 5, 1e-9);
    assert_float_equal(stats_cv_pct(v, 1), 0, 0);
}

static void median_interval_is_the_sign_test_order_statistics(void **state) {
    (void)state;
    /* n = 15: P(Binomial(15, 1/2) <= 3) = 0.0176 <= 0.025 < P(<= 4) = 0.059, so x(4) and x(12). */
    const double v[] = {15, 1, 14, 2, 13, 3, 12, 4, 11, 5, 10, 6, 9, 7, 8};
    double lo, hi;
    assert_int_equal(stats_median_interval(v, 15, 0.95, &lo, &hi), 0);
    assert_float_equal(lo, 4, 0);
    assert_float_equal(hi, 12, 0);
    /* n = 5: even x(1)..x(5) holds the median with only 1 - 2/32 = 94%: the full range, flagged. */
    assert_int_equal(stats_median_interval(v, 5, 0.95, &lo, &hi), 1);
    assert_float_equal(lo, 1, 0);
    assert_float_equal(hi, 15, 0);
    /* n = 6: 1 - 2/64 = 96.9% >= 95%, so x(1) and x(6). */
    assert_int_equal(stats_median_interval(v, 6, 0.95, &lo, &hi), 0);
    assert_float_equal(lo, 1, 0);
    assert_float_equal(hi, 15, 0);
}

static void mdape_ignores_one_outlier(void **state) {
    (void)state;
    const double v[] = {100, 101, 99, 100, 1000}; /* errors 0, 1, 1, 0, 900 percent: median 1 */
    assert_float_equal(stats_mdape_pct(v, 5), 1, 1e-9);
}

static void loglog_slope_finds_growth_order(void **state) {
    (void)state;
    const double x[] = {10, 100, 1000, 10000}, quadratic[] = {300, 30000, 3e6, 3e8}, linear[] = {7, 70, 700, 7000};
    double slope;
    assert_int_equal(stats_loglog_slope(x, quadratic, 4, &slope), 0);
    assert_float_equal(slope, 2, 1e-9);
    assert_int_equal(stats_loglog_slope(x, linear, 4, &slope), 0);
    assert_float_equal(slope, 1, 1e-9);
    const double zero_x[] = {0, 5};
    assert_int_equal(stats_loglog_slope(zero_x, linear, 2, &slope), -1); /* one usable point */
}

static void linear_slope_is_least_squares(void **state) {
    (void)state;
    const double miss_share[] = {0, 0.5, 1}, ns[] = {100, 151, 200}; /* noisy line: slope 100 */
    double slope;
    assert_int_equal(stats_linear_slope(miss_share, ns, 3, &slope), 0);
    assert_float_equal(slope, 100, 1e-9);
    const double same_x[] = {1, 1};
    assert_int_equal(stats_linear_slope(same_x, ns, 2, &slope), -1);
    assert_int_equal(stats_linear_slope(miss_share, ns, 1, &slope), -1);
}

/* The interval holds the statistic of the sample, lies within what resampling can give, repeats for
 * the same seed, and is a point for values that never vary. */
static void bootstrap_interval_brackets_the_statistic(void **state) {
    (void)state;
    double v[41];
    for (int i = 0; i < 41; i++) v[i] = 100 + (i % 7) * 3 + (i == 40 ? 50 : 0);
    double lo, hi, lo2, hi2;
    stats_bootstrap_interval(v, 41, stats_median, 2000, 0.95, 7, &lo, &hi);
    assert_true(lo <= stats_median(v, 41) && stats_median(v, 41) <= hi);
    assert_true(lo >= stats_min(v, 41) && hi <= stats_max(v, 41) && lo < hi);
    stats_bootstrap_interval(v, 41, stats_median, 2000, 0.95, 7, &lo2, &hi2);
    assert_float_equal(lo, lo2, 0);
    assert_float_equal(hi, hi2, 0);
    stats_bootstrap_interval(v, 41, stats_cv_pct, 2000, 0.95, 7, &lo, &hi);
    assert_true(lo < stats_cv_pct(v, 41) && stats_cv_pct(v, 41) < hi);
    const double same[5] = {3, 3, 3, 3, 3};
    stats_bootstrap_interval(same, 5, stats_cv_pct, 100, 0.95, 1, &lo, &hi);
    assert_float_equal(lo, 0, 0);
    assert_float_equal(hi, 0, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(median_of_odd_and_even_counts),
        cmocka_unit_test(extremes_mean_and_cv),
        cmocka_unit_test(median_interval_is_the_sign_test_order_statistics),
        cmocka_unit_test(mdape_ignores_one_outlier),
        cmocka_unit_test(loglog_slope_finds_growth_order),
        cmocka_unit_test(linear_slope_is_least_squares),
        cmocka_unit_test(bootstrap_interval_brackets_the_statistic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
