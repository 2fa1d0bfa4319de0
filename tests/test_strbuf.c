/* test_strbuf.c: the string builder keeps its contents exact (embedded NULs included), honours its
 * cap, grows by its policy, and is left untouched by an append that fails. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "memcount.h"
#include "strbuf.h"
#include "utstring_builder.h"

static const growth_policy policies[] = {GROWTH_EXACT_FIT, GROWTH_DOUBLING, GROWTH_CPYTHON_LIST};
#define N_POLICIES (sizeof policies / sizeof policies[0])

static void empty_builder_reads_empty_and_allocates_nothing(void **state) {
    (void)state;
    strbuf buf;
    strbuf_init(&buf, 100, GROWTH_DOUBLING);
    memcount_mark();
    assert_string_equal(strbuf_str(&buf), "");
    assert_int_equal(strbuf_append(&buf, "", 0), STRBUF_OK);
    assert_int_equal(strbuf_append_str(&buf, ""), STRBUF_OK);
    assert_int_equal(strbuf_append(&buf, NULL, 0), STRBUF_OK);
    assert_int_equal(buf.len, 0);
    assert_null(buf.bytes);
    assert_int_equal(memcount_allocs_since_mark(), 0);
    strbuf_free(&buf);
}

static void embedded_nuls_are_content(void **state) {
    (void)state;
    strbuf buf;
    strbuf_init(&buf, 100, GROWTH_EXACT_FIT);
    assert_int_equal(strbuf_append(&buf, "a\0b", 3), STRBUF_OK);
    assert_int_equal(strbuf_append(&buf, "\0", 1), STRBUF_OK);
    assert_int_equal(strbuf_append_str(&buf, "cd"), STRBUF_OK);
    assert_int_equal(buf.len, 6);
    assert_memory_equal(buf.bytes, "a\0b\0cd", 7); /* the NUL terminator included */
    strbuf_free(&buf);
    assert_string_equal(strbuf_str(&buf), "");
}

static void cap_is_a_hard_limit(void **state) {
    (void)state;
    for (size_t p = 0; p < N_POLICIES; p++) {
        strbuf buf;
        strbuf_init(&buf, 5, policies[p]);
        assert_int_equal(strbuf_append(&buf, "abc", 3), STRBUF_OK);
        assert_int_equal(strbuf_append(&buf, "def", 3), STRBUF_TOO_LONG);
        assert_string_equal(strbuf_str(&buf), "abc");
        assert_int_equal(strbuf_append(&buf, "de", 2), STRBUF_OK); /* exactly the cap */
        assert_string_equal(strbuf_str(&buf), "abcde");
        assert_true(buf.allocated <= 6); /* never allocates past cap + NUL */
        assert_int_equal(strbuf_append(&buf, "", 0), STRBUF_OK);
        assert_int_equal(strbuf_append(&buf, "x", 1), STRBUF_TOO_LONG);
        strbuf_free(&buf);
    }
    strbuf zero;
    strbuf_init(&zero, 0, GROWTH_DOUBLING);
    assert_int_equal(strbuf_append(&zero, "x", 1), STRBUF_TOO_LONG);
    assert_int_equal(strbuf_append(&zero, "", 0), STRBUF_OK);
    assert_null(zero.bytes);
}

/* Exact fit reallocs to len + 1 every time; doubling allocates O(log n) times. */
static void growth_follows_the_policy(void **state) {
    (void)state;
    enum { APPENDS = 1000 };
    strbuf exact, doubling;
    strbuf_init(&exact, 1 << 20, GROWTH_EXACT_FIT);
    strbuf_init(&doubling, 1 << 20, GROWTH_DOUBLING);
    size_t doubling_growths = 0;
    for (int i = 0; i < APPENDS; i++) {
        const size_t before = doubling.allocated;
        assert_int_equal(strbuf_append(&exact, "0123456789", 10), STRBUF_OK);
        assert_int_equal(exact.allocated, exact.len + 1);
        assert_int_equal(strbuf_append(&doubling, "0123456789", 10), STRBUF_OK);
        if (doubling.allocated != before) {
            doubling_growths++;
            assert_true(before == 0 || doubling.allocated >= 2 * before);
        }
    }
    assert_true(doubling_growths <= 11); /* 11, 22, 44, ... 11264 >= 10001 */
    assert_int_equal(exact.len, 10 * APPENDS);
    assert_memory_equal(exact.bytes, doubling.bytes, exact.len + 1);
    strbuf_free(&exact);
    strbuf_free(&doubling);
}

/* Every allocation an append needs fails in turn: the contents, length and allocation stay as they
 * were, and the builder works again once memory is back. */
static void failed_allocation_leaves_the_buffer_as_it_was(void **state) {
    (void)state;
    for (size_t p = 0; p < N_POLICIES; p++) {
        const size_t live = memcount_live_bytes();
        strbuf buf;
        strbuf_init(&buf, 1 << 20, policies[p]);
        memcount_fail_after(1);
        assert_int_equal(strbuf_append(&buf, "abc", 3), STRBUF_NO_MEMORY);
        assert_null(buf.bytes);
        assert_int_equal(buf.len, 0);
        memcount_fail_after(0);
        assert_int_equal(strbuf_append(&buf, "abc", 3), STRBUF_OK);
        size_t failures = 0;
        for (int i = 0; i < 40; i++) {
            char before[64];
            const size_t len = buf.len, allocated = buf.allocated;
            memcpy(before, buf.bytes, len + 1);
            memcount_fail_after(1);
            const strbuf_status status = strbuf_append(&buf, "x", 1);
            memcount_fail_after(0);
            if (status == STRBUF_NO_MEMORY) { /* the append needed to grow: nothing may change */
                failures++;
                assert_int_equal(buf.len, len);
                assert_int_equal(buf.allocated, allocated);
                assert_memory_equal(buf.bytes, before, len + 1);
                assert_int_equal(strbuf_append(&buf, "x", 1), STRBUF_OK);
            } else {
                assert_int_equal(status, STRBUF_OK); /* it fitted without allocating */
            }
            assert_int_equal(buf.len, len + 1);
        }
        assert_true(failures > 0);
        strbuf_free(&buf);
        assert_int_equal(memcount_live_bytes(), live);
    }
}

/* utstring behind the builder face: same contents as strbuf, exact-fit reserve, and an append
 * whose realloc fails reports it and keeps the contents, where utstring alone would exit. */
static void utstring_builder_appends_and_survives_failure(void **state) {
    (void)state;
    const size_t live = memcount_live_bytes();
    utstring_builder b;
    memcount_fail_after(1);
    assert_int_equal(utstring_builder_init(&b), -1);
    memcount_fail_after(0);
    assert_null(b.bytes);
    assert_int_equal(utstring_builder_init(&b), 0);
    assert_int_equal(b.allocated, 100); /* utstring_init's first reserve */
    for (int i = 0; i < 30; i++) assert_int_equal(utstring_builder_append(&b, "0123456789", 10), 0);
    assert_int_equal(b.len, 300);
    const size_t allocated = b.allocated;
    char big[256] = "a\0b"; /* more than any slack, so the append must realloc */
    memcount_fail_after(1);
    assert_int_equal(utstring_builder_append(&b, big, sizeof big), -1);
    memcount_fail_after(0);
    assert_int_equal(b.len, 300);
    assert_int_equal(b.allocated, allocated);
    assert_int_equal(utstring_builder_append(&b, big, sizeof big), 0);
    assert_int_equal(b.len, 300 + sizeof big);
    assert_int_equal(b.allocated, allocated + sizeof big + 1); /* exactly what was asked for */
    assert_memory_equal(b.bytes + 290, "0123456789a\0b", 14);
    utstring_builder_free(&b);
    assert_int_equal(memcount_live_bytes(), live);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_builder_reads_empty_and_allocates_nothing),
        cmocka_unit_test(embedded_nuls_are_content),
        cmocka_unit_test(cap_is_a_hard_limit),
        cmocka_unit_test(growth_follows_the_policy),
        cmocka_unit_test(failed_allocation_leaves_the_buffer_as_it_was),
        cmocka_unit_test(utstring_builder_appends_and_survives_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
