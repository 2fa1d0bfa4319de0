/* test_pyset.c: the set model grows as CPython 3.11's set does when added to (the slots after each
 * resize, read here from sys.getsizeof of a set added to one by one), finds every member by identity
 * or by equality and no non-member, leaves itself unchanged when a resize cannot allocate, and
 * frees every object it holds. Also the list model's exact presizing, as list(range(n)) makes it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>

#include "memcount.h"
#include "pyint.h"
#include "pylist.h"
#include "pyset.h"

#define KEYS 200000

static size_t slots(const pyset *s) { return s->table ? s->mask + 1 : PYSET_MINSIZE; }

static void grows_as_cpython_does(void **state) {
    (void)state;
    /* (elements after the add that resized, slots then): CPython 3.11.2 here. */
    static const size_t steps[][2] = {{5, 32},      {19, 128},     {77, 512},      {307, 2048},     {1229, 8192},
                                      {4915, 32768}, {19661, 131072}, {78643, 262144}, {157286, 524288}};
    pyset s = {0};
    size_t step = 0;
    for (int64_t i = 0; i < KEYS; i++) {
        const size_t before = slots(&s);
        assert_int_equal(pyset_add(&s, pyint_new(i)), 0);
        if (slots(&s) != before) {
            assert_true(step < sizeof steps / sizeof steps[0]);
            assert_int_equal(s.used, steps[step][0]);
            assert_int_equal(slots(&s), steps[step][1]);
            step++;
        }
    }
    assert_int_equal(step, sizeof steps / sizeof steps[0]);
    assert_int_equal(s.resizes, step);
    pyset_free(&s);
}

static void finds_members_by_identity_and_by_equality(void **state) {
    (void)state;
    const size_t live = memcount_live_bytes();
    pyset s = {0};
    const int64_t *held[1000];
    for (int64_t i = 0; i < 1000; i++) {
        held[i] = pyint_new(i * 7 - 300); /* small ints from the cache, the rest objects of their own */
        assert_int_equal(pyset_add(&s, held[i]), 0);
    }
    for (int64_t i = 0; i < 1000; i++) {
        const int64_t copy = i * 7 - 300, absent = i * 7 - 299;
        assert_true(pyset_contains(&s, held[i])); /* the same object */
        assert_true(pyset_contains(&s, &copy));   /* an equal one */
        assert_false(pyset_contains(&s, &absent));
    }
    assert_int_equal(s.used, 1000);
    pyset_free(&s);
    assert_int_equal(s.used, 0);
    assert_int_equal(memcount_live_bytes(), live);
}

static void a_failed_add_changes_nothing(void **state) {
    (void)state;
    const size_t live = memcount_live_bytes();
    pyset s = {0};
    for (int64_t i = 1000; i < 3000; i++) {
        const int64_t *object = pyint_new(i);
        const size_t used = s.used, mask = s.mask;
        memcount_fail_after(1);
        const int status = pyset_add(&s, object);
        memcount_fail_after(0);
        if (status != 0) {
            assert_int_equal(s.used, used);
            assert_int_equal(s.mask, mask);
            assert_false(pyset_contains(&s, object));
            assert_int_equal(pyset_add(&s, object), 0);
        }
        assert_true(pyset_contains(&s, object));
    }
    assert_int_equal(s.used, 2000);
    pyset_free(&s);
    assert_int_equal(memcount_live_bytes(), live);
}

static void a_list_presized_exactly(void **state) {
    (void)state;
    pylist l = {0};
    static int items[100];
    assert_int_equal(pylist_reserve_exact(&l, 100), 0);
    assert_int_equal(l.allocated, 100);
    for (size_t i = 0; i < 100; i++) assert_int_equal(pylist_append(&l, &items[i]), 0);
    assert_int_equal(l.allocated, 100); /* no reallocation: what list(range(100)) holds */
    assert_int_equal(l.resizes, 1);
    pylist_free(&l);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(grows_as_cpython_does),
        cmocka_unit_test(finds_members_by_identity_and_by_equality),
        cmocka_unit_test(a_failed_add_changes_nothing),
        cmocka_unit_test(a_list_presized_exactly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
