/* test_string_map.c: the string map's three ways of reading agree, a repeated key keeps its last
 * value as a dict does, a miss longjmps where asked to, and a failed build leaves nothing behind. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "memcount.h"
#include "string_map.h"

static const char *const keys[] = {"apple", "pear", "apple", "", "a\0b"};
static const size_t lens[] = {5, 4, 5, 0, 3};
static const int values[] = {1, 2, 3, 4, 5};
#define N_KEYS (sizeof keys / sizeof keys[0])

static void lookups_agree_and_last_value_wins(void **state) {
    (void)state;
    string_map map;
    assert_int_equal(string_map_build(&map, keys, lens, values, N_KEYS), 0);
    assert_int_equal(map.len, 4);
    int value = -1;
    assert_true(string_map_contains(&map, "apple", 5));
    assert_int_equal(string_map_get(&map, "apple", 5), 3);
    assert_int_equal(string_map_find(&map, "apple", 5, &value), 1);
    assert_int_equal(value, 3);
    assert_int_equal(string_map_get(&map, "", 0), 4);
    assert_int_equal(string_map_get(&map, "a\0b", 3), 5);
    assert_false(string_map_contains(&map, "a", 1)); /* a prefix is another key */
    assert_false(string_map_contains(&map, "appl", 4));
    value = -1;
    assert_int_equal(string_map_find(&map, "plum", 4, &value), 0);
    assert_int_equal(value, -1); /* untouched on a miss */
    string_map_free(&map);
    assert_null(map.head);
}

static void a_miss_longjmps_and_a_hit_returns(void **state) {
    (void)state;
    string_map map;
    assert_int_equal(string_map_build(&map, keys, lens, values, N_KEYS), 0);
    jmp_buf on_missing;
    volatile int jumped = 0;
    if (setjmp(on_missing) == 0) {
        assert_int_equal(string_map_get_or_longjmp(&map, "pear", 4, &on_missing), 2);
        (void)string_map_get_or_longjmp(&map, "plum", 4, &on_missing);
        fail_msg("a missing key returned instead of jumping");
    } else {
        jumped = 1;
    }
    assert_true(jumped);
    string_map_free(&map);
}

static void failed_build_leaves_nothing_behind(void **state) {
    (void)state;
    const size_t live = memcount_live_bytes();
    for (uint64_t fail_at = 1; fail_at < 12; fail_at++) {
        string_map map;
        memcount_fail_after(fail_at);
        const int status = string_map_build(&map, keys, lens, values, N_KEYS);
        memcount_fail_after(0);
        if (status == 0) {
            string_map_free(&map);
            continue;
        }
        assert_int_equal(status, -1);
        assert_null(map.head);
        assert_int_equal(map.len, 0);
        assert_int_equal(memcount_live_bytes(), live);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lookups_agree_and_last_value_wins),
        cmocka_unit_test(a_miss_longjmps_and_a_hit_returns),
        cmocka_unit_test(failed_build_leaves_nothing_behind),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
