/* test_compact_dict.c: the CPython dict model holds what it is given in insertion order, finds every
 * key and no other, replaces a value in place, grows as CPython's dict grows (sizes 8, 16, 32... at
 * two thirds full, to the power of two above 3 x used), widens its index slots with the table as
 * CPython does, survives every allocation failing with the dict unchanged, and probes once per
 * lookup of consecutive ints, which hash to themselves. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>
#include <string.h>

#include "compact_dict.h"
#include "memcount.h"

/* An int key, as the dict takes it: its hash, then itself. */
#define H(k) compact_dict_hash_int(k), (intptr_t)(k)

/* A value that is a pointer to something distinct per key, as a Python object would be. */
static int64_t values[4096];

static void holds_finds_and_orders(void **state) {
    (void)state;
    compact_dict d = {0};
    assert_null(compact_dict_get(&d, H(0)));
    for (int64_t k = 0; k < 4096; k++) {
        values[k] = 3 * k;
        assert_int_equal(compact_dict_set(&d, H(k * 7 - 2000), &values[k]), 0); /* negatives and -1 among them */
    }
    assert_int_equal(d.used, 4096);
    for (int64_t k = 0; k < 4096; k++) {
        assert_ptr_equal(compact_dict_get(&d, H(k * 7 - 2000)), &values[k]);
        assert_int_equal(compact_dict_entry_at(&d, (size_t)k)->key, k * 7 - 2000); /* insertion order */
        assert_null(compact_dict_get(&d, H(k * 7 - 1999)));                            /* absent */
    }
    int64_t other = 0;
    assert_int_equal(compact_dict_set(&d, H(1001 * 7 - 2000), &other), 0); /* a key held: replaced, not added */
    assert_int_equal(d.used, 4096);
    assert_ptr_equal(compact_dict_get(&d, H(1001 * 7 - 2000)), &other);
    compact_dict_free(&d);
    assert_int_equal(d.used, 0);
    assert_null(d.table);
    compact_dict_free(&d); /* twice is safe */
}

/* CPython's sizes: 8 slots hold 5 entries; the 6th insertion resizes to 16 (3 x 5 = 15 rounded up),
 * which holds 10; the 11th to 32, which holds 21; and so on; int8 slots up to 128, int16 from 256 up
 * to 32,768, int32 above. */
static void grows_as_cpython_does(void **state) {
    (void)state;
    compact_dict d = {0};
    int64_t v = 1;
    const struct { size_t used; uint8_t log2_size; uint8_t index_bytes; } steps[] = {
        {1, 3, 1}, {5, 3, 1}, {6, 4, 1}, {10, 4, 1}, {11, 5, 1}, {21, 5, 1}, {22, 6, 1}, {43, 7, 1},
        {85, 7, 1}, {86, 8, 2}, {171, 9, 2}, {21845, 15, 2}, {21846, 16, 4},
    };
    size_t step = 0;
    for (int64_t k = 0; k < 21846; k++) {
        assert_int_equal(compact_dict_set(&d, H(k), &v), 0);
        if (step < sizeof steps / sizeof steps[0] && d.used == steps[step].used) {
            if (d.log2_size != steps[step].log2_size || d.index_bytes != steps[step].index_bytes)
                fail_msg("at %zu entries: 2^%u slots of %u bytes, expected 2^%u of %u", d.used, d.log2_size,
                         d.index_bytes, steps[step].log2_size, steps[step].index_bytes);
            step++;
        }
    }
    assert_int_equal(step, sizeof steps / sizeof steps[0]);
    assert_int_equal(compact_dict_table_bytes(&d), (4u << 16) + ((2u << 16) / 3) * sizeof(compact_dict_entry));
    compact_dict_free(&d);
}

/* Consecutive ints from 0 never collide: each lookup visits one slot. */
static void consecutive_ints_probe_once(void **state) {
    (void)state;
    compact_dict d = {0};
    int64_t v = 1;
    for (int64_t k = 0; k < 100000; k++) assert_int_equal(compact_dict_set(&d, H(k), &v), 0);
    const size_t before = d.probes;
    for (int64_t k = 0; k < 100000; k++) assert_non_null(compact_dict_get(&d, H(k)));
    assert_int_equal(d.probes - before, 100000);
    compact_dict_free(&d);
}

/* Every allocation a growth makes fails in turn: the set fails, and the dict is as it was. */
static void failed_growth_leaves_the_dict_unchanged(void **state) {
    (void)state;
    int64_t v = 1;
    const size_t live = memcount_live_bytes();
    for (size_t fill = 0; fill < 40; fill++) {
        compact_dict d = {0};
        for (size_t k = 0; k < fill; k++) assert_int_equal(compact_dict_set(&d, H((int64_t)k), &v), 0);
        const compact_dict before = d;
        memcount_fail_after(1);
        const int status = compact_dict_set(&d, H((int64_t)fill), &v);
        memcount_fail_after(0);
        if (status != 0) {
            assert_int_equal(status, -1);
            assert_int_equal(d.used, before.used);
            assert_ptr_equal(d.table, before.table);
            assert_null(compact_dict_get(&d, H((int64_t)fill)));
            for (size_t k = 0; k < fill; k++) assert_non_null(compact_dict_get(&d, H((int64_t)k)));
        }
        compact_dict_free(&d);
    }
    assert_int_equal(memcount_live_bytes(), live);
}

/* Keys that are objects: equal keys that are not the same object are found through eq, after the
 * identity test; a hash collision between unequal keys is told apart by eq. */
typedef struct text_key {
    int64_t hash; /* cached, as a str caches its hash */
    char text[8];
} text_key;
static int text_eq(intptr_t a, intptr_t b) {
    return memcmp(((const text_key *)a)->text, ((const text_key *)b)->text, sizeof ((text_key *)0)->text) == 0;
}

static void object_keys_match_by_identity_then_eq(void **state) {
    (void)state;
    compact_dict d = {.eq = text_eq};
    static text_key keys[3] = {{42, "alpha"}, {42, "beta"}, {7, "gamma"}}; /* alpha and beta collide */
    text_key alpha_again = {42, "alpha"}, delta = {42, "delta"};
    int64_t v[3] = {1, 2, 3};
    for (int i = 0; i < 3; i++) assert_int_equal(compact_dict_set(&d, keys[i].hash, (intptr_t)&keys[i], &v[i]), 0);
    assert_ptr_equal(compact_dict_get(&d, 42, (intptr_t)&keys[1]), &v[1]);       /* by identity */
    assert_ptr_equal(compact_dict_get(&d, 42, (intptr_t)&alpha_again), &v[0]);   /* by eq */
    assert_null(compact_dict_get(&d, 42, (intptr_t)&delta));                     /* same hash, not equal */
    compact_dict_free(&d);
    assert_ptr_equal(d.eq, text_eq);
}

static void hash_of_ints_is_cpythons(void **state) {
    (void)state;
    assert_int_equal(compact_dict_hash_int(0), 0);
    assert_int_equal(compact_dict_hash_int(123456), 123456);
    assert_int_equal(compact_dict_hash_int(-5), -5);
    assert_int_equal(compact_dict_hash_int(-1), -2); /* hash(-1) == -2 in CPython */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(holds_finds_and_orders),
        cmocka_unit_test(grows_as_cpython_does),
        cmocka_unit_test(consecutive_ints_probe_once),
        cmocka_unit_test(failed_growth_leaves_the_dict_unchanged),
        cmocka_unit_test(object_keys_match_by_identity_then_eq),
        cmocka_unit_test(hash_of_ints_is_cpythons),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
