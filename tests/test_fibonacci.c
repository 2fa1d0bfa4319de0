/* test_fibonacci.c: every Fibonacci variant returns F(n) exactly, from F(0) to F(93), the largest in
 * 64 bits; the reference agrees with known values; and the memo tables give back all they allocate,
 * also when an allocation fails, which they report instead of returning a wrong number. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>

#include "fibonacci.h"
#include "memcount.h"

static void reference_matches_known_values(void **state) {
    (void)state;
    assert_int_equal(fibonacci_reference(0), 0);
    assert_int_equal(fibonacci_reference(1), 1);
    assert_int_equal(fibonacci_reference(2), 1);
    assert_int_equal(fibonacci_reference(10), 55);
    assert_int_equal(fibonacci_reference(35), 9227465);
    assert_true(fibonacci_reference(90) == UINT64_C(2880067194370816120));
    assert_true(fibonacci_reference(FIBONACCI_MAX_N) == UINT64_C(12200160415121876738));
    for (unsigned n = 2; n <= FIBONACCI_MAX_N; n++)
        assert_true(fibonacci_reference(n) == fibonacci_reference(n - 1) + fibonacci_reference(n - 2));
}

/* Every variant, every n up to the largest; the naive recursion only as far as it is quick. */
static void every_variant_is_exact(void **state) {
    (void)state;
    const size_t live = memcount_live_bytes();
    for (unsigned n = 0; n <= FIBONACCI_MAX_N; n++) {
        const uint64_t want = fibonacci_reference(n);
        uint64_t got;
        assert_int_equal(fibonacci_memo_hash(n, &got), 0);
        assert_true(got == want);
        assert_int_equal(fibonacci_memo_array(n, &got), 0);
        assert_true(got == want);
        assert_true(fibonacci_iterative(n) == want);
        if (n <= 25) assert_true(fibonacci_naive(n) == want);
    }
    assert_int_equal(memcount_live_bytes(), live);
}

/* The naive recursion makes every call the recursion says: 2 F(n + 1) - 1, as CPython's fib(n). */
static void naive_recursion_makes_every_call(void **state) {
    (void)state;
    for (unsigned n = 0; n <= 25; n++) {
        uint64_t calls = 99;
        assert_true(fibonacci_naive_counted(n, &calls) == fibonacci_reference(n));
        if (calls != 2 * fibonacci_reference(n + 1) - 1)
            fail_msg("fib(%u) made %llu calls, expected %llu", n, (unsigned long long)calls,
                     (unsigned long long)(2 * fibonacci_reference(n + 1) - 1));
    }
}

/* The hash memo allocates a node per n from 2 up and uthash's table; the array memo one table. */
static void memo_tables_allocate_what_they_should(void **state) {
    (void)state;
    uint64_t got;
    memcount_mark();
    assert_int_equal(fibonacci_memo_array(35, &got), 0);
    assert_int_equal(memcount_allocs_since_mark(), 1);
    memcount_mark();
    assert_int_equal(fibonacci_memo_hash(35, &got), 0);
    assert_in_range(memcount_allocs_since_mark(), 34, 34 + 4); /* 34 nodes, a table, buckets and their regrowths */
    memcount_mark();
    assert_int_equal(fibonacci_memo_hash(1, &got), 0); /* F(0) and F(1) need no cache */
    assert_int_equal(memcount_allocs_since_mark(), 0);
    assert_int_equal(got, 1);
}

/* The k-th allocation fails, for every k a call makes: -1, and nothing leaked. */
static void failed_allocations_are_reported_and_leak_nothing(void **state) {
    (void)state;
    uint64_t got;
    size_t failures = 0;
    for (uint64_t countdown = 1;; countdown++) {
        const size_t live = memcount_live_bytes();
        memcount_fail_after(countdown);
        const int status = fibonacci_memo_hash(FIBONACCI_MAX_N, &got);
        memcount_fail_after(0);
        assert_int_equal(memcount_live_bytes(), live);
        if (status == 0) break;
        assert_int_equal(status, -1);
        failures++;
    }
    assert_true(failures >= FIBONACCI_MAX_N - 1);
    assert_true(got == fibonacci_reference(FIBONACCI_MAX_N));
    memcount_fail_after(1);
    assert_int_equal(fibonacci_memo_array(10, &got), -1);
    memcount_fail_after(0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reference_matches_known_values),
        cmocka_unit_test(every_variant_is_exact),
        cmocka_unit_test(naive_recursion_makes_every_call),
        cmocka_unit_test(memo_tables_allocate_what_they_should),
        cmocka_unit_test(failed_allocations_are_reported_and_leak_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
