/* test_stats.c: medians, spread, bootstrap intervals and growth orders against hand-worked values. */
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

static void bootstrap_of_constant_samples_is_the_ratio(void **state) {
    (void)state;
    const double base[] = {10, 10, 10, 10, 10}, contender[] = {2, 2, 2};
    double lo, hi;
    assert_int_equal(stats_bootstrap_ratio(base, 5, contender, 3, 1000, 1, &lo, &hi), 0);
    assert_float_equal(lo, 5, 0);
    assert_float_equal(hi, 5, 0);
}

static void bootstrap_interval_brackets_the_ratio_and_repeats(void **state) {
    (void)state;
    const double base[] = {9.5, 10, 10.2, 10.4, 11}, contender[] = {4.8, 5, 5.1, 5.3, 4.9};
    double lo, hi, lo2, hi2;
    assert_int_equal(stats_bootstrap_ratio(base, 5, contender, 5, 5000, 7, &lo, &hi), 0);
    const double ratio = stats_median(base, 5) / stats_median(contender, 5);
    assert_true(lo <= ratio && ratio <= hi);
    assert_true(lo > 1.7 && hi < 2.4);
    assert_int_equal(stats_bootstrap_ratio(base, 5, contender, 5, 5000, 7, &lo2, &hi2), 0);
    assert_float_equal(lo, lo2, 0);
    assert_float_equal(hi, hi2, 0);
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

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(median_of_odd_and_even_counts),
        cmocka_unit_test(extremes_mean_and_cv),
        cmocka_unit_test(bootstrap_of_constant_samples_is_the_ratio),
        cmocka_unit_test(bootstrap_interval_brackets_the_ratio_and_repeats),
        cmocka_unit_test(loglog_slope_finds_growth_order),
        cmocka_unit_test(linear_slope_is_least_squares),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
