/* test_memcount.c: the counting allocator counts what glibc grants, peaks per mark, fails on request. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <malloc.h>
#include <string.h>

#include "memcount.h"

static void counts_live_bytes_and_peak_since_mark(void **state) {
    (void)state;
    memcount_mark();
    const size_t before = memcount_live_bytes();
    char *a = memcount_malloc(100), *b = memcount_malloc(1000);
    assert_non_null(a);
    assert_non_null(b);
    const size_t granted = malloc_usable_size(a) + malloc_usable_size(b);
    assert_true(granted >= 1100);
    assert_int_equal(memcount_live_bytes() - before, granted);
    memcount_free(b);
    assert_int_equal(memcount_peak_since_mark(), granted);
    assert_int_equal(memcount_allocs_since_mark(), 2);
    memcount_free(a);
    assert_int_equal(memcount_live_bytes(), before);
}

static void mark_restarts_peak_and_count(void **state) {
    (void)state;
    void *big = memcount_malloc(1 << 20);
    assert_non_null(big);
    memcount_free(big);
    memcount_mark();
    assert_int_equal(memcount_peak_since_mark(), 0);
    assert_int_equal(memcount_allocs_since_mark(), 0);
}

static void realloc_moves_count_and_failure_keeps_block(void **state) {
    (void)state;
    memcount_mark();
    const size_t before = memcount_live_bytes();
    char *p = memcount_realloc(NULL, 16); /* from NULL: an allocation */
    assert_non_null(p);
    memset(p, 'x', 16);
    memcount_fail_after(1);
    assert_null(memcount_realloc(p, 1 << 20));
    memcount_fail_after(0);
    assert_int_equal(p[15], 'x'); /* still ours, still counted */
    assert_int_equal(memcount_live_bytes() - before, malloc_usable_size(p));
    const size_t small_usable = malloc_usable_size(p);
    assert_int_equal(memcount_moved_bytes_since_mark(), 0);
    char *const old = p;
    p = memcount_realloc(p, 1 << 20); /* 16 bytes to 1 MiB cannot grow in place */
    assert_non_null(p);
    assert_ptr_not_equal(p, old);
    assert_int_equal(memcount_moved_bytes_since_mark(), small_usable);
    assert_int_equal(memcount_live_bytes() - before, malloc_usable_size(p));
    memcount_free(p);
    assert_int_equal(memcount_live_bytes(), before);
    memcount_free(NULL);
}

static void calloc_zeroes_and_counts(void **state) {
    (void)state;
    memcount_mark();
    unsigned char *p = memcount_calloc(64, 4);
    assert_non_null(p);
    for (int i = 0; i < 256; i++) assert_int_equal(p[i], 0);
    assert_int_equal(memcount_allocs_since_mark(), 1);
    memcount_free(p);
    assert_null(memcount_calloc(SIZE_MAX / 2, 4)); /* overflow is a failure, not a wrap */
}

static void fail_after_counts_down(void **state) {
    (void)state;
    memcount_fail_after(3);
    void *a = memcount_malloc(8), *b = memcount_malloc(8), *c = memcount_malloc(8);
    assert_non_null(a);
    assert_non_null(b);
    assert_null(c);
    assert_null(memcount_malloc(8)); /* and every one after */
    memcount_fail_after(0);
    memcount_free(a);
    memcount_free(b);
}

static void counting_off_is_plain_malloc(void **state) {
    (void)state;
    memcount_mark();
    const size_t before = memcount_live_bytes();
    memcount_set_counting(0);
    void *p = memcount_malloc(4096);
    assert_non_null(p);
    memcount_free(p);
    memcount_set_counting(1);
    assert_int_equal(memcount_live_bytes(), before);
    assert_int_equal(memcount_allocs_since_mark(), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counts_live_bytes_and_peak_since_mark),
        cmocka_unit_test(mark_restarts_peak_and_count),
        cmocka_unit_test(realloc_moves_count_and_failure_keeps_block),
        cmocka_unit_test(calloc_zeroes_and_counts),
        cmocka_unit_test(fail_after_counts_down),
        cmocka_unit_test(counting_off_is_plain_malloc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
