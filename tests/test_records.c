/* test_records.c: every record layout holds exactly the records it was given (empty, one, a million),
 * reads the same field sum as the reference, frees everything, survives every allocation failing in
 * turn with nothing leaked, refuses sizes that cannot exist, and spends the memory its shape implies. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>

#include "memcount.h"
#include "records.h"
#include "rng.h"

static const record_layout *const layouts[] = {&record_dict_of_tuples, &record_tuple_records,
                                               &record_object_records, &record_packed_structs, &record_uthash_map};
#define N_LAYOUTS (sizeof layouts / sizeof layouts[0])

/* 0..n-1 in a seeded random order. */
static int64_t *shuffled_ids(size_t n) {
    int64_t *ids = memcount_malloc((n ? n : 1) * sizeof *ids);
    assert_non_null(ids);
    for (size_t i = 0; i < n; i++) ids[i] = (int64_t)i;
    rng r = rng_seeded(7, 1);
    rng_shuffle(&r, ids, n, sizeof *ids);
    return ids;
}

/* The sum of i * i for i in 0..n-1, by formula rather than by loop. */
static int64_t sum_of_squares(size_t n) {
    const int64_t m = (int64_t)n;
    return n == 0 ? 0 : (m - 1) * m * (2 * m - 1) / 6;
}

/* Create n records in each layout, read every one back and the field sum, then free. */
static void check_round_trip(size_t n) {
    int64_t *ids = shuffled_ids(n);
    for (size_t l = 0; l < N_LAYOUTS; l++) {
        const size_t live = memcount_live_bytes();
        record_store store = {0};
        assert_int_equal(layouts[l]->create(&store, ids, n), 0);
        assert_int_equal(store.n, n);
        for (size_t i = 0; i < n; i++) {
            record_fields got;
            if (layouts[l]->get(&store, i, ids[i], &got) != 0) fail_msg("%s: record %zu missing", layouts[l]->name, i);
            const record_fields want = record_of(ids[i]);
            if (got.order_id != want.order_id || got.double_val != want.double_val || got.square_val != want.square_val)
                fail_msg("%s: record %zu is (%lld, %lld, %lld)", layouts[l]->name, i, (long long)got.order_id,
                         (long long)got.double_val, (long long)got.square_val);
        }
        assert_int_equal(layouts[l]->sum_square_val(&store, ids), sum_of_squares(n));
        layouts[l]->destroy(&store);
        assert_int_equal(store.n, 0);
        assert_int_equal(memcount_live_bytes(), live);
        layouts[l]->destroy(&store); /* twice is safe */
    }
    memcount_free(ids);
}

static void empty_one_and_many_records_round_trip(void **state) {
    (void)state;
    check_round_trip(0);
    check_round_trip(1);
    check_round_trip(1000);
}

static void a_million_records_round_trip(void **state) {
    (void)state;
    check_round_trip(1000000);
}

/* The n-th allocation fails, for every n a creation makes: the store is left empty and every byte
 * it took is given back. */
static void every_failed_allocation_leaves_nothing(void **state) {
    (void)state;
    enum { N = 300 }; /* enough for uthash to grow its buckets twice */
    int64_t *ids = shuffled_ids(N);
    for (size_t l = 0; l < N_LAYOUTS; l++) {
        size_t failures = 0;
        for (uint64_t countdown = 1;; countdown++) {
            const size_t live = memcount_live_bytes();
            record_store store = {0};
            memcount_fail_after(countdown);
            const int status = layouts[l]->create(&store, ids, N);
            memcount_fail_after(0);
            if (status == 0) {
                layouts[l]->destroy(&store);
                break;
            }
            failures++;
            assert_int_equal(status, -1);
            assert_int_equal(store.n, 0);
            assert_null(store.map);
            assert_null(store.dict.table);
            assert_null(store.list.items);
            assert_null(store.packed);
            assert_int_equal(memcount_live_bytes(), live);
        }
        assert_true(failures >= 1);
    }
    memcount_free(ids);
}

/* A count whose bytes overflow a size_t fails before allocating anything. */
static void impossible_counts_fail_cleanly(void **state) {
    (void)state;
    const int64_t id = 0;
    for (size_t l = 0; l < N_LAYOUTS; l++) {
        /* Only the packed array is sized up front; the others allocate per record as they go. */
        if (layouts[l] != &record_packed_structs) continue;
        memcount_mark();
        record_store store = {0};
        assert_int_equal(layouts[l]->create(&store, &id, SIZE_MAX / 2), -1);
        assert_int_equal(store.n, 0);
        assert_int_equal(memcount_allocs_since_mark(), 0);
    }
}

/* Bytes per record follow from each shape: the packed array is 24 bytes a record, and an instance
 * with its own field table at least three times that. */
static void memory_per_record_follows_the_layout(void **state) {
    (void)state;
    enum { N = 100000 };
    int64_t *ids = shuffled_ids(N);
    double per_record[N_LAYOUTS];
    for (size_t l = 0; l < N_LAYOUTS; l++) {
        record_store store = {0};
        memcount_mark();
        assert_int_equal(layouts[l]->create(&store, ids, N), 0);
        per_record[l] = (double)memcount_peak_since_mark() / N;
        layouts[l]->destroy(&store);
    }
    assert_true(per_record[3] >= 24 && per_record[3] <= 30);   /* packed_structs */
    assert_true(per_record[2] >= 3 * per_record[3]);           /* object_records */
    assert_true(per_record[1] > per_record[3]);                /* tuple_records: a pointer and a block more */
    assert_true(per_record[0] > per_record[1]);                /* dict_of_tuples: an index slot and an entry more */
    assert_true(per_record[4] > per_record[1]);                /* uthash_map: uthash's handle and buckets */
    memcount_free(ids);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_one_and_many_records_round_trip),
        cmocka_unit_test(a_million_records_round_trip),
        cmocka_unit_test(every_failed_allocation_leaves_nothing),
        cmocka_unit_test(impossible_counts_fail_cleanly),
        cmocka_unit_test(memory_per_record_follows_the_layout),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
