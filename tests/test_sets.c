/* test_sets.c: the membership layouts (four of idiomatic C, and CPython's list, set and tuple of
 * int objects as the mechanism models them) agree with a reference on empty sets, duplicates,
 * extreme keys and random data, and give every byte back, including after failed allocations. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include "membership_layouts.h"

/* The layouts behind the face the benchmarks use, so the tests exercise the same calls. */
typedef struct named_layout {
    const char *name;
    const membership_layout *layout;
} named_layout;
static const named_layout layouts[] = {
    {"int_array", &linear_scan}, {"sorted_array", &sorted_bsearch},
    {"uthash_set", &uthash_layout}, {"oa_set", &open_addressing},
    {"boxed_list", &boxed_list_layout}, {"boxed_set", &boxed_set_layout}, {"boxed_tuple", &boxed_tuple_layout}};
#define N_LAYOUTS (sizeof layouts / sizeof layouts[0])

static int reference_contains(const int64_t *values, size_t n, int64_t key) {
    for (size_t i = 0; i < n; i++)
        if (values[i] == key) return 1;
    return 0;
}

/* Build each layout from values and compare contains() with the reference on probes. */
static void agree_with_reference(const int64_t *values, size_t n, const int64_t *probes, size_t n_probes) {
    for (size_t l = 0; l < N_LAYOUTS; l++) {
        const size_t live = memcount_live_bytes();
        membership_set set;
        assert_int_equal(layouts[l].layout->build(&set, values, n), 0);
        for (size_t i = 0; i < n_probes; i++) {
            if ((int)layouts[l].layout->count_hits(&set, &probes[i], 1) != reference_contains(values, n, probes[i]))
                fail_msg("%s: contains(%lld) is wrong", layouts[l].name, (long long)probes[i]);
        }
        layouts[l].layout->free(&set);
        assert_int_equal(memcount_live_bytes(), live);
    }
}

static void empty_set_contains_nothing(void **state) {
    (void)state;
    const int64_t probes[] = {0, 1, -1, INT64_MIN, INT64_MAX};
    agree_with_reference(NULL, 0, probes, 5);
}

static void duplicates_and_extreme_keys(void **state) {
    (void)state;
    const int64_t values[] = {7, 7, INT64_MIN, INT64_MAX, 0, INT64_MIN, -1, 7};
    const int64_t probes[] = {7, INT64_MIN, INT64_MAX, 0, -1, 1, INT64_MIN + 1, INT64_MAX - 1, 8};
    agree_with_reference(values, 8, probes, 9);
}

static void random_keys_against_reference(void **state) {
    (void)state;
    enum { N = 3000, PROBES = 6000 };
    static int64_t values[N], probes[PROBES];
    rng r = rng_seeded(99, 0);
    for (size_t i = 0; i < N; i++) values[i] = rng_between(&r, -5000, 5000); /* many duplicates */
    for (size_t i = 0; i < PROBES; i++) probes[i] = rng_between(&r, -6000, 6000);
    agree_with_reference(values, N, probes, PROBES);
}

static void failed_allocation_leaves_nothing_behind(void **state) {
    (void)state;
    enum { N = 300 };
    int64_t values[N];
    for (size_t i = 0; i < N; i++) values[i] = (int64_t)(i * 7919);
    for (size_t l = 0; l < N_LAYOUTS; l++) {
        /* Fail each allocation the build makes in turn, until one build needs no failure. */
        for (uint64_t fail_at = 1;; fail_at++) {
            const size_t live = memcount_live_bytes();
            membership_set set;
            memcount_fail_after(fail_at);
            const int status = layouts[l].layout->build(&set, values, N);
            memcount_fail_after(0);
            if (status == 0) {
                layouts[l].layout->free(&set);
                assert_int_equal(memcount_live_bytes(), live);
                break;
            }
            assert_int_equal(status, -1);
            if (memcount_live_bytes() != live)
                fail_msg("%s leaked after failing allocation %llu", layouts[l].name, (unsigned long long)fail_at);
        }
    }
}

/* list_contains takes and drops a reference around each comparison; after a scan every element's
 * count is what it was. */
static void a_list_scan_leaves_reference_counts_as_they_were(void **state) {
    (void)state;
    enum { N = 1000 };
    int64_t values[N];
    for (size_t i = 0; i < N; i++) values[i] = (int64_t)i - 10; /* some shared small ints among them */
    boxed_int_list list;
    assert_int_equal(boxed_int_list_build(&list, values, N), 0);
    int64_t before[N];
    for (size_t i = 0; i < N; i++) before[i] = pyint_refcount(list.list.items[i]);
    assert_int_equal(boxed_int_list_contains(&list, N - 11), 1); /* the last: every element compared */
    assert_int_equal(boxed_int_list_contains(&list, N + 5), 0);
    for (size_t i = 0; i < N; i++) assert_int_equal(pyint_refcount(list.list.items[i]), before[i]);
    boxed_int_list_free(&list);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_set_contains_nothing),
        cmocka_unit_test(duplicates_and_extreme_keys),
        cmocka_unit_test(random_keys_against_reference),
        cmocka_unit_test(failed_allocation_leaves_nothing_behind),
        cmocka_unit_test(a_list_scan_leaves_reference_counts_as_they_were),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
