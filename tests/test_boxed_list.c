/* test_boxed_list.c: boxed lists hold their values, double correctly, share cached boxes, scatter,
 * and give every byte back, including after failed allocations. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "boxed_list.h"
#include "memcount.h"

static const int64_t values[] = {0, 1, 100, 256, 257, -5, -6, INT64_MAX / 2, INT64_MIN / 2};
#define N (sizeof values / sizeof values[0])

static void builds_and_doubles_without_cache(void **state) {
    (void)state;
    const size_t live = memcount_live_bytes();
    boxed_list list, doubled;
    assert_int_equal(boxed_list_from_values(&list, values, N, NULL), 0);
    assert_int_equal(list.len, N);
    for (size_t i = 0; i < N; i++) assert_int_equal(*list.items[i], values[i]);
    assert_int_equal(boxed_list_double(&list, &doubled, NULL), 0);
    for (size_t i = 0; i < N; i++) {
        assert_int_equal(*doubled.items[i], 2 * values[i]);
        assert_ptr_not_equal(doubled.items[i], list.items[i]); /* a new box each */
    }
    boxed_list_free(&doubled, NULL);
    boxed_list_free(&list, NULL);
    assert_int_equal(memcount_live_bytes(), live);
}

static void cache_shares_small_ints_only(void **state) {
    (void)state;
    static boxed_cache cache;
    boxed_cache_init(&cache);
    const size_t live = memcount_live_bytes();
    memcount_mark();
    boxed_list list, doubled;
    assert_int_equal(boxed_list_from_values(&list, values, N, &cache), 0);
    /* pointer array + boxes for 257, -6 and the two large values */
    assert_int_equal(memcount_allocs_since_mark(), 1 + 4);
    assert_ptr_equal(list.items[2], &cache.boxes[100 - BOXED_CACHE_MIN]);
    assert_int_equal(boxed_list_double(&list, &doubled, &cache), 0);
    assert_int_equal(*doubled.items[2], 200);
    assert_ptr_equal(doubled.items[2], &cache.boxes[200 - BOXED_CACHE_MIN]);
    assert_int_equal(*doubled.items[5], -10);
    boxed_list_free(&doubled, &cache);
    boxed_list_free(&list, &cache);
    assert_int_equal(memcount_live_bytes(), live);
}

static void scattered_boxes_follow_the_order(void **state) {
    (void)state;
    const size_t order[N] = {8, 7, 6, 5, 4, 3, 2, 1, 0};
    boxed_list in_order, scattered;
    assert_int_equal(boxed_list_from_values(&in_order, values, N, NULL), 0);
    assert_int_equal(boxed_list_from_values_scattered(&scattered, values, N, order), 0);
    for (size_t i = 0; i < N; i++) assert_int_equal(*scattered.items[i], values[i]);
    /* boxes allocated in order, handed out backwards: addresses fall along the list */
    assert_true((uintptr_t)scattered.items[0] > (uintptr_t)scattered.items[N - 1]);
    boxed_list_free(&scattered, NULL);
    boxed_list_free(&in_order, NULL);
}

static void empty_list(void **state) {
    (void)state;
    boxed_list list, doubled;
    assert_int_equal(boxed_list_from_values(&list, NULL, 0, NULL), 0);
    assert_int_equal(boxed_list_double(&list, &doubled, NULL), 0);
    assert_int_equal(doubled.len, 0);
    boxed_list_free(&doubled, NULL);
    boxed_list_free(&list, NULL);
}

static void failed_allocation_leaves_nothing_behind(void **state) {
    (void)state;
    boxed_list list;
    assert_int_equal(boxed_list_from_values(&list, values, N, NULL), 0);
    const size_t live = memcount_live_bytes();
    for (uint64_t fail_at = 1; fail_at <= N + 1; fail_at++) {
        boxed_list untouched = {(int64_t **)0x1, 77}, doubled = untouched;
        memcount_fail_after(fail_at);
        assert_int_equal(boxed_list_double(&list, &doubled, NULL), -1);
        memcount_fail_after(fail_at);
        assert_int_equal(boxed_list_from_values(&untouched, values, N, NULL), -1);
        memcount_fail_after(0);
        assert_int_equal(doubled.len, 77); /* output untouched on failure */
        assert_int_equal(untouched.len, 77);
        assert_int_equal(memcount_live_bytes(), live);
    }
    boxed_list_free(&list, NULL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(builds_and_doubles_without_cache),
        cmocka_unit_test(cache_shares_small_ints_only),
        cmocka_unit_test(scattered_boxes_follow_the_order),
        cmocka_unit_test(empty_list),
        cmocka_unit_test(failed_allocation_leaves_nothing_behind),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
