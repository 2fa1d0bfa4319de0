/* test_pylist.c: the list model grows as CPython 3.11's list does when appended to (the slots after
 * each reallocation, read here from sys.getsizeof of a list appended to one by one), keeps its items
 * in order, and leaves itself unchanged when an append cannot allocate. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>

#include "memcount.h"
#include "pylist.h"

static void grows_as_cpython_does(void **state) {
    (void)state;
    /* (items after the append that reallocated, slots then): CPython 3.11.2 here. */
    static const size_t steps[][2] = {{1, 4},   {5, 8},   {9, 16},  {17, 24}, {25, 32}, {33, 40},
                                      {41, 52}, {53, 64}, {65, 76}, {77, 92}, {93, 108}};
    pylist l = {0};
    static int items[100];
    size_t step = 0;
    for (size_t i = 0; i < 100; i++) {
        const size_t before = l.allocated;
        assert_int_equal(pylist_append(&l, &items[i]), 0);
        if (l.allocated != before) {
            assert_true(step < sizeof steps / sizeof steps[0]);
            assert_int_equal(l.n, steps[step][0]);
            assert_int_equal(l.allocated, steps[step][1]);
            step++;
        }
    }
    assert_int_equal(step, sizeof steps / sizeof steps[0]);
    assert_int_equal(l.resizes, step);
    for (size_t i = 0; i < 100; i++) assert_ptr_equal(l.items[i], &items[i]);
    pylist_free(&l);
    assert_null(l.items);
    assert_int_equal(l.n, 0);
}

static void a_failed_append_changes_nothing(void **state) {
    (void)state;
    const size_t live = memcount_live_bytes();
    pylist l = {0};
    static int items[1000];
    for (size_t i = 0; i < 1000; i++) {
        const pylist before = l;
        memcount_fail_after(1);
        const int status = pylist_append(&l, &items[i]);
        memcount_fail_after(0);
        if (status != 0) {
            assert_ptr_equal(l.items, before.items);
            assert_int_equal(l.n, before.n);
            assert_int_equal(pylist_append(&l, &items[i]), 0);
        }
    }
    assert_int_equal(l.n, 1000);
    pylist_free(&l);
    assert_int_equal(memcount_live_bytes(), live);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(grows_as_cpython_does),
        cmocka_unit_test(a_failed_append_changes_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
