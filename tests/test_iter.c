/* test_iter.c: iterators yield exactly their values, in order, compose (map of map, filter of map),
 * and stay exhausted once they are. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "iter.h"

static int64_t square(int64_t v) { return v * v; }
static int64_t negate(int64_t v) { return -v; }
static int is_even(int64_t v) { return v % 2 == 0; }
static int never(int64_t v) { (void)v; return 0; }

/* Drain it into out (at most cap values); returns how many it yielded, and checks it stays done. */
static size_t drain(iter *it, int64_t *out, size_t cap) {
    size_t n = 0;
    int64_t v;
    while (iter_next(it, &v)) {
        assert_true(n < cap);
        out[n++] = v;
    }
    assert_int_equal(iter_next(it, &v), 0);
    assert_int_equal(iter_next(it, &v), 0);
    return n;
}

static void array_yields_its_values_in_order(void **state) {
    (void)state;
    const int64_t values[] = {3, -1, 4, INT64_MIN, 5};
    int64_t out[8];
    iter it = iter_over_array(values, 5);
    assert_int_equal(drain(&it, out, 8), 5);
    assert_memory_equal(out, values, sizeof values);
    iter empty = iter_over_array(NULL, 0);
    assert_int_equal(drain(&empty, out, 8), 0);
}

static void maps_and_filters_compose(void **state) {
    (void)state;
    const int64_t values[] = {1, 2, 3, 4, 5, 6};
    int64_t out[8];
    iter source = iter_over_array(values, 6);
    iter squares = iter_map(&source, square);
    iter negated = iter_map(&squares, negate);
    iter even = iter_filter(&negated, is_even);
    assert_int_equal(drain(&even, out, 8), 3);
    assert_int_equal(out[0], -4);
    assert_int_equal(out[1], -16);
    assert_int_equal(out[2], -36);

    iter again = iter_over_array(values, 6);
    iter none = iter_filter(&again, never);
    assert_int_equal(drain(&none, out, 8), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(array_yields_its_values_in_order),
        cmocka_unit_test(maps_and_filters_compose),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
