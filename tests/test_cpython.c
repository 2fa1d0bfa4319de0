/* test_cpython.c: a claim's CPython-side figure from hand-made rounds: pairing by round, the point
 * chosen when the claim's x was not measured, the profiler's reading, and what has no figure. */
#include "cpython.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <cmocka.h>

/* Rounds where a takes 3x b's time in every round at x=100 (b's rounds in the other order), 2x at
 * x=10, a profiled reading of 6x at 100, and c measured at x=100 only. */
static const char rounds_csv[] =
    "comparison,idiom,x,metric,tool,round,value\n"
    "t,a,100,ns_per_item,timeit,1,30\n"
    "t,b,100,ns_per_item,timeit,2,11\n"
    "t,b,100,ns_per_item,timeit,1,10\n"
    "t,a,100,ns_per_item,timeit,2,33\n"
    "t,a,100,ns_per_item,timeit,3,36\n"
    "t,b,100,ns_per_item,timeit,3,12\n"
    "t,a,10,ns_per_item,timeit,1,20\n"
    "t,b,10,ns_per_item,timeit,1,10\n"
    "t,a,100,profiled_ns_per_item,line_profiler,1,60\n"
    "t,b,100,profiled_ns_per_item,line_profiler,1,10\n"
    "t,c,100,peak_bytes,tracemalloc,1,0\n"
    "t,a,100,peak_bytes,tracemalloc,1,800\n";

static int load(csv_table *t) {
    char dir[] = "/tmp/test_cpython.XXXXXX", path[64];
    if (mkdtemp(dir) == NULL) return -1;
    snprintf(path, sizeof path, "%s/t.cpython_rounds.csv", dir);
    FILE *f = fopen(path, "w");
    if (f == NULL) return -1;
    fputs(rounds_csv, f);
    fclose(f);
    const int status = cpython_load(dir, "t", t);
    remove(path);
    rmdir(dir);
    return status;
}

static void pairs_rounds_at_the_claims_x(void **state) {
    (void)state;
    csv_table t;
    cpython_estimate e;
    assert_int_equal(load(&t), 0);
    assert_int_equal(cpython_estimate_of(&t, "ns_per_item", "a", "b", 100, &e), 0);
    assert_float_equal(e.x, 100, 0);
    assert_int_equal(e.e.rounds, 3);
    assert_float_equal(e.e.ratio, 3.0, 1e-9);
    assert_true(e.e.below_level); /* three rounds: the interval is their range */
    assert_float_equal(e.e.lo, 3.0, 1e-9);
    assert_string_equal(e.tool, "timeit");
    assert_float_equal(e.profiled_ratio, 6.0, 1e-9);
    assert_string_equal(e.profiler, "line_profiler");
    csv_free(&t);
}

static void takes_the_nearest_x_below_then_above(void **state) {
    (void)state;
    csv_table t;
    cpython_estimate e;
    assert_int_equal(load(&t), 0);
    assert_int_equal(cpython_estimate_of(&t, "ns_per_item", "a", "b", 50, &e), 0);
    assert_float_equal(e.x, 10, 0);
    assert_float_equal(e.e.ratio, 2.0, 1e-9);
    assert_true(isnan(e.profiled_ratio));
    assert_int_equal(cpython_estimate_of(&t, "ns_per_item", "a", "b", 1, &e), 0);
    assert_float_equal(e.x, 10, 0);
    assert_int_equal(cpython_estimate_of(&t, "ns_per_item", "a", "b", 1000, &e), 0);
    assert_float_equal(e.x, 100, 0);
    csv_free(&t);
}

static void no_figure_without_both_idioms_positive(void **state) {
    (void)state;
    csv_table t;
    cpython_estimate e;
    assert_int_equal(load(&t), 0);
    assert_int_equal(cpython_estimate_of(&t, "ns_per_item", "a", "nobody", 100, &e), -1);
    assert_int_equal(cpython_estimate_of(&t, "peak_bytes", "a", "c", 100, &e), -1); /* c measured 0 bytes */
    assert_int_equal(cpython_estimate_of(&t, "spread_pct", "a", "b", 100, &e), -1);
    csv_free(&t);
}

static void one_idioms_figure_alone(void **state) {
    (void)state;
    csv_table t;
    double x, median, lo, hi;
    size_t rounds;
    assert_int_equal(load(&t), 0);
    assert_int_equal(cpython_idiom_figure(&t, "ns_per_item", "a", 100, 0.975, &x, &median, &lo, &hi, &rounds), 0);
    assert_float_equal(x, 100, 0);
    assert_int_equal(rounds, 3);
    assert_float_equal(median, 33, 1e-9);
    assert_float_equal(lo, 30, 1e-9); /* three rounds: their range */
    assert_float_equal(hi, 36, 1e-9);
    assert_int_equal(cpython_idiom_figure(&t, "ns_per_item", "a", 50, 0.975, &x, &median, &lo, &hi, &rounds), 0);
    assert_float_equal(x, 10, 0); /* the nearest x below, as for a pair */
    assert_float_equal(median, 20, 1e-9);
    assert_int_equal(cpython_idiom_figure(&t, "peak_bytes", "c", 100, 0.975, &x, &median, &lo, &hi, &rounds), -1);
    assert_int_equal(cpython_idiom_figure(&t, "ns_per_item", "nobody", 100, 0.975, &x, &median, &lo, &hi, &rounds), -1);
    csv_free(&t);
}

static void a_missing_file_is_no_figure(void **state) {
    (void)state;
    csv_table t;
    assert_int_equal(cpython_load("/nonexistent", "t", &t), -1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pairs_rounds_at_the_claims_x),
        cmocka_unit_test(takes_the_nearest_x_below_then_above),
        cmocka_unit_test(no_figure_without_both_idioms_positive),
        cmocka_unit_test(one_idioms_figure_alone),
        cmocka_unit_test(a_missing_file_is_no_figure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
