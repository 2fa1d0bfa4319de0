/* test_i64_vec.c: the growable int64 array keeps exactly what was pushed under every growth policy,
 * grows as its policy says, reserves and shrinks in one allocation, refuses sizes that cannot exist,
 * and is left untouched by a call that fails; and the growth rule itself saturates and clamps. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>

#include "growth.h"
#include "i64_vec.h"
#include "memcount.h"

static const growth_policy policies[] = {GROWTH_EXACT_FIT, GROWTH_DOUBLING, GROWTH_CPYTHON_LIST};
#define N_POLICIES (sizeof policies / sizeof policies[0])

static void growth_rule_grows_clamps_and_saturates(void **state) {
    (void)state;
    assert_int_equal(growth_next_size(GROWTH_DOUBLING, 0, 1, 100), 1);           /* from nothing: what is needed */
    assert_int_equal(growth_next_size(GROWTH_DOUBLING, 8, 9, 100), 16);
    assert_int_equal(growth_next_size(GROWTH_CPYTHON_LIST, 64, 65, 1000), 72);   /* 64 * 9 / 8 */
    assert_int_equal(growth_next_size(GROWTH_CPYTHON_LIST, 7, 8, 1000), 8);      /* 7 * 9 / 8 = 7: at least needed */
    assert_int_equal(growth_next_size(GROWTH_EXACT_FIT, 10, 11, 100), 11);
    assert_int_equal(growth_next_size(GROWTH_DOUBLING, 8, 50, 100), 50);         /* a big append: what it needs */
    assert_int_equal(growth_next_size(GROWTH_DOUBLING, 80, 81, 100), 100);       /* never past the limit */
    assert_int_equal(growth_next_size(GROWTH_DOUBLING, SIZE_MAX / 2 + 1, SIZE_MAX / 2 + 2, SIZE_MAX), SIZE_MAX);
    assert_true(growth_policy_valid(GROWTH_EXACT_FIT));
    assert_false(growth_policy_valid((growth_policy){1, 2}));
    assert_false(growth_policy_valid((growth_policy){1, 0}));
}

static void empty_vector_allocates_nothing(void **state) {
    (void)state;
    memcount_mark();
    i64_vec v;
    i64_vec_init(&v, GROWTH_DOUBLING);
    assert_null(v.items);
    assert_int_equal(i64_vec_reserve(&v, 0), I64_VEC_OK);
    assert_int_equal(i64_vec_shrink_to_fit(&v), I64_VEC_OK);
    assert_null(v.items);
    i64_vec_free(&v);
    i64_vec_free(&v); /* twice is safe */
    assert_int_equal(memcount_allocs_since_mark(), 0);
}

/* A million pushes under each geometric policy read back exactly, and exact fit keeps capacity ==
 * len (over fewer pushes: under ASan every realloc moves, so exact fit is quadratic there). */
static void pushes_read_back_under_every_policy(void **state) {
    (void)state;
    for (size_t p = 0; p < N_POLICIES; p++) {
        const int64_t N = p == 0 ? 20000 : 1000000;
        const size_t live = memcount_live_bytes();
        i64_vec v;
        i64_vec_init(&v, policies[p]);
        for (int64_t i = 0; i < N; i++) {
            assert_int_equal(i64_vec_push(&v, i * i - 7), I64_VEC_OK);
            if (p == 0) assert_int_equal(v.capacity, v.len);
        }
        assert_int_equal(v.len, N);
        for (int64_t i = 0; i < N; i++)
            if (v.items[i] != i * i - 7) fail_msg("policy %zu: element %lld is %lld", p, (long long)i, (long long)v.items[i]);
        i64_vec_free(&v);
        assert_int_equal(memcount_live_bytes(), live);
    }
}

/* Doubling grows log2(n) times; 1.125x about log(n) / log(1.125) times; each growth by its factor. */
static void growth_follows_the_policy(void **state) {
    (void)state;
    enum { N = 100000 };
    i64_vec doubling, ninth;
    i64_vec_init(&doubling, GROWTH_DOUBLING);
    i64_vec_init(&ninth, GROWTH_CPYTHON_LIST);
    size_t doubling_growths = 0, ninth_growths = 0;
    for (int i = 0; i < N; i++) {
        const size_t before_doubling = doubling.capacity, before_ninth = ninth.capacity;
        assert_int_equal(i64_vec_push(&doubling, i), I64_VEC_OK);
        assert_int_equal(i64_vec_push(&ninth, i), I64_VEC_OK);
        if (doubling.capacity != before_doubling) {
            doubling_growths++;
            assert_int_equal(doubling.capacity, before_doubling ? 2 * before_doubling : 1);
        }
        if (ninth.capacity != before_ninth) {
            ninth_growths++;
            const size_t grown = before_ninth * 9 / 8;
            assert_int_equal(ninth.capacity, grown > before_ninth ? grown : before_ninth + 1);
        }
    }
    assert_int_equal(doubling_growths, 18); /* 1, 2, 4, ... 131072 >= 100000 */
    assert_in_range(ninth_growths, 80, 100); /* 8 steps of +1 to reach 8, then ln(100000 / 8) / ln(1.125) = 80 */
    i64_vec_free(&doubling);
    i64_vec_free(&ninth);
}

/* Reserve allocates once and pushes up to it allocate nothing; shrink gives the tail back. */
static void reserve_then_shrink(void **state) {
    (void)state;
    i64_vec v;
    i64_vec_init(&v, GROWTH_EXACT_FIT);
    memcount_mark();
    assert_int_equal(i64_vec_reserve(&v, 1000), I64_VEC_OK);
    for (int i = 0; i < 1000; i++) assert_int_equal(i64_vec_push(&v, i), I64_VEC_OK);
    assert_int_equal(memcount_allocs_since_mark(), 1);
    assert_int_equal(i64_vec_reserve(&v, 10), I64_VEC_OK); /* never shrinks */
    assert_int_equal(v.capacity, 1000);
    v.len = 600;
    assert_int_equal(i64_vec_shrink_to_fit(&v), I64_VEC_OK);
    assert_int_equal(v.capacity, 600);
    for (int i = 0; i < 600; i++) assert_int_equal(v.items[i], i);
    v.len = 0;
    assert_int_equal(i64_vec_shrink_to_fit(&v), I64_VEC_OK);
    assert_null(v.items);
    assert_int_equal(v.capacity, 0);
}

/* Sizes whose bytes overflow a size_t fail before any allocation and change nothing. (A size that
 * fits but realloc cannot give is the failed-allocation test's; ASan would abort on a real one.) */
static void impossible_sizes_fail_cleanly(void **state) {
    (void)state;
    i64_vec v;
    i64_vec_init(&v, GROWTH_DOUBLING);
    assert_int_equal(i64_vec_push(&v, 42), I64_VEC_OK);
    int64_t *const items = v.items;
    const size_t capacity = v.capacity;
    assert_int_equal(i64_vec_reserve(&v, I64_VEC_MAX_LEN + 1), I64_VEC_NO_MEMORY);
    assert_ptr_equal(v.items, items);
    assert_int_equal(v.capacity, capacity);
    assert_int_equal(v.items[0], 42);
    i64_vec_free(&v);
    /* A vector at the largest length cannot grow; push fails before touching the elements. */
    i64_vec full = {.items = NULL, .len = I64_VEC_MAX_LEN, .capacity = I64_VEC_MAX_LEN, .growth = GROWTH_DOUBLING};
    assert_int_equal(i64_vec_push(&full, 1), I64_VEC_NO_MEMORY);
    assert_int_equal(full.len, I64_VEC_MAX_LEN);
}

/* Every allocation fails in turn: push, reserve and shrink leave the vector as it was. */
static void failed_allocation_leaves_the_vector_as_it_was(void **state) {
    (void)state;
    for (size_t p = 0; p < N_POLICIES; p++) {
        const size_t live = memcount_live_bytes();
        i64_vec v;
        i64_vec_init(&v, policies[p]);
        size_t failures = 0;
        for (int i = 0; i < 100; i++) {
            const size_t len = v.len, capacity = v.capacity;
            int64_t *const items = v.items;
            memcount_fail_after(1);
            const i64_vec_status status = i64_vec_push(&v, i);
            memcount_fail_after(0);
            if (status == I64_VEC_NO_MEMORY) {
                failures++;
                assert_int_equal(v.len, len);
                assert_int_equal(v.capacity, capacity);
                assert_ptr_equal(v.items, items);
                assert_int_equal(i64_vec_push(&v, i), I64_VEC_OK);
            }
            for (int k = 0; k <= i; k++) assert_int_equal(v.items[k], k);
        }
        assert_true(failures > 0);
        memcount_fail_after(1);
        assert_int_equal(i64_vec_reserve(&v, 100000), I64_VEC_NO_MEMORY);
        memcount_fail_after(0);
        assert_int_equal(v.len, 100);
        if (v.capacity > v.len) {
            const size_t capacity = v.capacity;
            memcount_fail_after(1);
            assert_int_equal(i64_vec_shrink_to_fit(&v), I64_VEC_NO_MEMORY);
            memcount_fail_after(0);
            assert_int_equal(v.capacity, capacity);
        }
        for (int k = 0; k < 100; k++) assert_int_equal(v.items[k], k);
        i64_vec_free(&v);
        assert_int_equal(memcount_live_bytes(), live);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(growth_rule_grows_clamps_and_saturates),
        cmocka_unit_test(empty_vector_allocates_nothing),
        cmocka_unit_test(pushes_read_back_under_every_policy),
        cmocka_unit_test(growth_follows_the_policy),
        cmocka_unit_test(reserve_then_shrink),
        cmocka_unit_test(impossible_sizes_fail_cleanly),
        cmocka_unit_test(failed_allocation_leaves_the_vector_as_it_was),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
