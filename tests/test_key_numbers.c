/* test_key_numbers.c: the key numbers the report lays out (core/key_numbers.c), from sweeps whose
 * answers are known: a quadratic variant's growth order is 2, a linear one's 1, a variant whose time
 * doubles per step of x grows by 2x per step, a straight line in 1 - x has its slope, and a variant with
 * too few points leaves what it cannot fit missing. */
#include "key_numbers.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <cmocka.h>

/* A sweep CSV of text, loaded; the file is removed at once. */
static void load(const char *text, csv_table *t) {
    char path[64], error[256];
    snprintf(path, sizeof path, "/tmp/idiom_test_keys_XXXXXX");
    const int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    assert_int_equal(csv_load(path, ',', t, error, sizeof error), 0);
    unlink(path);
}

/* quadratic: time per iteration n^2 (ns per item n over n items); linear: constant ns per item. */
static void growth_orders_and_the_sweep_ends(void **state) {
    (void)state;
    csv_table t;
    load("variant,x,ns_per_item,items,peak_bytes\n"
         "quadratic,10,10,10,80\nquadratic,100,100,100,800\nquadratic,1000,1000,1000,8000\n"
         "linear,10,3,10,0\nlinear,100,3,100,0\nlinear,1000,3,1000,0\n",
         &t);
    key_numbers k;
    assert_int_equal(key_numbers_of(&t, "quadratic", &k), 0);
    assert_float_equal(k.growth_order, 2.0, 1e-9);
    assert_float_equal(k.x_smallest, 10, 0);
    assert_float_equal(k.ns_per_item_smallest, 10, 0);
    assert_float_equal(k.x_largest, 1000, 0);
    assert_float_equal(k.ns_per_item_largest, 1000, 0);
    assert_float_equal(k.bytes_per_x_largest, 8, 1e-12);
    assert_int_equal(key_numbers_of(&t, "linear", &k), 0);
    assert_float_equal(k.growth_order, 1.0, 1e-9);
    assert_float_equal(k.bytes_per_x_largest, 0, 0);
    assert_int_equal(key_numbers_of(&t, "absent", &k), -1);
    csv_free(&t);
}

/* Time per iteration 2^x: the factor per step is 2. ns per item 5 + 10 (1 - x): the slope is 10. */
static void growth_per_step_and_slope(void **state) {
    (void)state;
    csv_table t;
    load("variant,x,ns_per_item,items\n"
         "doubling,1,2,1\ndoubling,2,4,1\ndoubling,3,8,1\ndoubling,4,16,1\n"
         "share,0,15,1\nshare,0.5,10,1\nshare,1,5,1\n",
         &t);
    key_numbers k;
    assert_int_equal(key_numbers_of(&t, "doubling", &k), 0);
    assert_float_equal(k.growth_per_step, 2.0, 1e-9);
    assert_int_equal(key_numbers_of(&t, "share", &k), 0);
    assert_float_equal(k.slope, 10.0, 1e-9);
    csv_free(&t);
}

/* One point: nothing can be fitted, and no column of peak bytes: no bytes per x. */
static void what_cannot_be_fitted_is_missing(void **state) {
    (void)state;
    csv_table t;
    load("variant,x,ns_per_item,items\nalone,100,7,100\n", &t);
    key_numbers k;
    assert_int_equal(key_numbers_of(&t, "alone", &k), 0);
    assert_float_equal(k.ns_per_item_largest, 7, 0);
    assert_true(isnan(k.growth_order));
    assert_true(isnan(k.growth_per_step));
    assert_true(isnan(k.slope));
    assert_true(isnan(k.bytes_per_x_largest));
    csv_free(&t);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(growth_orders_and_the_sweep_ends),
        cmocka_unit_test(growth_per_step_and_slope),
        cmocka_unit_test(what_cannot_be_fitted_is_missing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
