/* test_rng.c: the seeded generator repeats, stays in bounds, and shuffles into a permutation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>

#include "rng.h"

static void same_seed_same_stream_repeats(void **state) {
    (void)state;
    rng a = rng_seeded(42, 1), b = rng_seeded(42, 1), c = rng_seeded(42, 2);
    int differs = 0;
    for (int i = 0; i < 100; i++) {
        const uint64_t x = rng_next(&a);
        assert_int_equal(x, rng_next(&b));
        differs |= x != rng_next(&c);
    }
    assert_true(differs);
}

static void between_is_inclusive_and_covers_the_range(void **state) {
    (void)state;
    rng r = rng_seeded(1, 0);
    int seen[101] = {0};
    for (int i = 0; i < 20000; i++) {
        const int64_t v = rng_between(&r, 0, 100);
        assert_true(v >= 0 && v <= 100);
        seen[v] = 1;
    }
    for (int v = 0; v <= 100; v++) assert_true(seen[v]);
    assert_int_equal(rng_between(&r, INT64_MIN, INT64_MIN), INT64_MIN);
    (void)rng_between(&r, INT64_MIN, INT64_MAX);
}

static void shuffle_is_a_permutation(void **state) {
    (void)state;
    rng r = rng_seeded(3, 0);
    size_t v[1000], count[1000] = {0};
    for (size_t i = 0; i < 1000; i++) v[i] = i;
    rng_shuffle(&r, v, 1000, sizeof *v);
    size_t moved = 0;
    for (size_t i = 0; i < 1000; i++) {
        count[v[i]]++;
        moved += v[i] != i;
    }
    for (size_t i = 0; i < 1000; i++) assert_int_equal(count[i], 1);
    assert_true(moved > 900);
    rng_shuffle(&r, v, 0, sizeof *v);
}

/* In [0, 1), on the grid of 2^-53, and spread over the whole interval: each tenth gets its share. */
static void unit_is_in_zero_one_on_the_53_bit_grid(void **state) {
    (void)state;
    rng r = rng_seeded(4, 0);
    size_t tenths[10] = {0};
    for (int i = 0; i < 10000; i++) {
        const double u = rng_unit(&r);
        assert_true(u >= 0 && u < 1);
        assert_true(u * 0x1p53 == (double)(uint64_t)(u * 0x1p53)); /* a whole number of 2^-53 */
        tenths[(int)(u * 10)]++;
    }
    for (int k = 0; k < 10; k++) assert_true(tenths[k] > 800 && tenths[k] < 1200);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_seed_same_stream_repeats),
        cmocka_unit_test(between_is_inclusive_and_covers_the_range),
        cmocka_unit_test(shuffle_is_a_permutation),
        cmocka_unit_test(unit_is_in_zero_one_on_the_53_bit_grid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
