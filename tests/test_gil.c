/* test_gil.c: the GIL model lets one thread run at a time (a counter bumped without atomics by two
 * threads loses nothing), hands the lock over when a waiter has waited its switch interval, and
 * lets a lone thread run with no switch at all. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>

#include "gil.h"

enum { STEPS = 50000000 }; /* about 0.1 s a thread: hundreds of switch intervals */

typedef struct worker {
    gil *g;
    volatile long *counter; /* bumped under the GIL only */
    long switches;
} worker;

static void *work(void *arg) {
    worker *w = arg;
    gil_take(w->g, w);
    for (long i = 0; i < STEPS; i++) {
        w->switches += gil_yield_if_asked(w->g, w);
        *w->counter = *w->counter + 1;
    }
    gil_drop(w->g, w);
    return NULL;
}

static void one_thread_at_a_time_with_switches(void **state) {
    (void)state;
    gil g;
    assert_int_equal(gil_init(&g, 200), 0); /* 0.2 ms, so that a short test sees several switches */
    volatile long counter = 0;
    worker a = {&g, &counter, 0}, b = {&g, &counter, 0};
    pthread_t ta, tb;
    assert_int_equal(pthread_create(&ta, NULL, work, &a), 0);
    assert_int_equal(pthread_create(&tb, NULL, work, &b), 0);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    assert_int_equal(counter, 2L * STEPS);
    assert_true(a.switches + b.switches >= 1);
    gil_destroy(&g);
}

static void a_lone_thread_never_switches(void **state) {
    (void)state;
    gil g;
    assert_int_equal(gil_init(&g, GIL_SWITCH_INTERVAL_US), 0);
    volatile long counter = 0;
    worker a = {&g, &counter, 0};
    work(&a);
    assert_int_equal(counter, STEPS);
    assert_int_equal(a.switches, 0);
    gil_destroy(&g);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_thread_at_a_time_with_switches),
        cmocka_unit_test(a_lone_thread_never_switches),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
