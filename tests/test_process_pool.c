/* test_process_pool.c: a pool's children each answer their own pipe, all are gone after stop (none
 * left to reap), a child that fails ends its pipe so the parent sees an error rather than hanging,
 * transfers move exactly the bytes asked for, and a child per item reports its result or its failure. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include "process_pool.h"

/* Answers each number with its double, until the task pipe ends. */
static int doubling_child(int task_fd, int result_fd) {
    int64_t v;
    while (process_pool_transfer(task_fd, &v, sizeof v, 0) == 0) {
        v *= 2;
        if (process_pool_transfer(result_fd, &v, sizeof v, 1) != 0) return 1;
    }
    return 0;
}

/* Exits at once without answering. */
static int failing_child(int task_fd, int result_fd) {
    (void)task_fd;
    (void)result_fd;
    return 3;
}

static void no_children_left(void) {
    errno = 0;
    assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
    assert_int_equal(errno, ECHILD);
}

static void children_answer_and_are_reaped(void **state) {
    (void)state;
    process_pool pool;
    assert_int_equal(process_pool_start(&pool, PROCESS_POOL_MAX, doubling_child), 0);
    assert_int_equal(pool.size, PROCESS_POOL_MAX);
    for (int64_t round = 0; round < 100; round++) {
        for (unsigned i = 0; i < pool.size; i++) {
            const int64_t v = round * 10 + i;
            assert_int_equal(process_pool_transfer(pool.task_fds[i], &v, sizeof v, 1), 0);
        }
        for (unsigned i = 0; i < pool.size; i++) {
            int64_t v;
            assert_int_equal(process_pool_transfer(pool.result_fds[i], &v, sizeof v, 0), 0);
            assert_int_equal(v, 2 * (round * 10 + i));
        }
    }
    process_pool_stop(&pool);
    assert_int_equal(pool.size, 0);
    no_children_left();
}

/* Two pools at once: stopping the first must not wait on the second's copies of its pipes. */
static void overlapping_pools_stop_without_hanging(void **state) {
    (void)state;
    process_pool first, second;
    assert_int_equal(process_pool_start(&first, 2, doubling_child), 0);
    assert_int_equal(process_pool_start(&second, 2, doubling_child), 0);
    process_pool_stop(&first);
    process_pool_stop(&second);
    no_children_left();
}

static void a_failed_child_is_an_error_not_a_hang(void **state) {
    (void)state;
    process_pool pool;
    assert_int_equal(process_pool_start(&pool, 1, failing_child), 0);
    int64_t v = 1;
    (void)process_pool_transfer(pool.task_fds[0], &v, sizeof v, 1); /* may succeed into the pipe buffer */
    assert_int_equal(process_pool_transfer(pool.result_fds[0], &v, sizeof v, 0), -1);
    process_pool_stop(&pool);
    no_children_left();
}

/* Squares its index; fails for index 3 when asked to. */
static int square_in_child(size_t index, void *arg, void *result) {
    if (arg != NULL && index == 3) return 1;
    *(int64_t *)result = (int64_t)(index * index);
    return 0;
}

static void fork_each_collects_every_result_and_reaps(void **state) {
    (void)state;
    int64_t results[20] = {0};
    assert_int_equal(process_pool_fork_each(20, square_in_child, NULL, results, sizeof results[0]), 0);
    for (int i = 0; i < 20; i++) assert_int_equal(results[i], i * i);
    no_children_left();
    int fail = 1;
    assert_int_equal(process_pool_fork_each(5, square_in_child, &fail, results, sizeof results[0]), -1);
    no_children_left();
    assert_int_equal(process_pool_fork_each(0, square_in_child, NULL, results, sizeof results[0]), 0);
}

static void an_empty_pool_is_fine(void **state) {
    (void)state;
    process_pool pool;
    assert_int_equal(process_pool_start(&pool, 0, doubling_child), 0);
    process_pool_stop(&pool);
    no_children_left();
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(children_answer_and_are_reaped),
        cmocka_unit_test(overlapping_pools_stop_without_hanging),
        cmocka_unit_test(a_failed_child_is_an_error_not_a_hang),
        cmocka_unit_test(fork_each_collects_every_result_and_reaps),
        cmocka_unit_test(an_empty_pool_is_fine),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
