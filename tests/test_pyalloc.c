/* test_pyalloc.c: the pymalloc model hands out distinct 16-byte-aligned blocks that hold what is
 * written to them, reuses a freed block first, gives an emptied arena back (nothing live afterwards),
 * sends requests above 512 bytes to the system allocator, keeps a small block in place when a realloc
 * stays in its size class, fails cleanly when an arena cannot be had, and keeps the interpreter's
 * first arena, uncounted, for good. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>
#include <string.h>

#include "memcount.h"
#include "pyalloc.h"
#include "pyfloat.h"
#include "pyint.h"

enum { BLOCKS = 100000 }; /* several arenas' worth of 48-byte blocks */
static unsigned char *blocks[BLOCKS];

static void blocks_are_distinct_aligned_and_given_back(void **state) {
    (void)state;
    const size_t live = memcount_live_bytes();
    for (size_t i = 0; i < BLOCKS; i++) {
        blocks[i] = pyalloc_malloc(40); /* size class 48 */
        assert_non_null(blocks[i]);
        assert_int_equal((uintptr_t)blocks[i] % 16, 0);
        memset(blocks[i], (int)(i & 0xff), 40);
    }
    assert_true(pyalloc_arenas() >= BLOCKS * 48 / (1 << 20) - 1); /* besides the interpreter's */
    for (size_t i = 0; i < BLOCKS; i++)
        for (size_t b = 0; b < 40; b++)
            if (blocks[i][b] != (unsigned char)(i & 0xff)) fail_msg("block %zu was overwritten", i);
    pyalloc_free(blocks[7], 40);
    unsigned char *again = pyalloc_malloc(33); /* the same size class: the freed block comes back first */
    assert_ptr_equal(again, blocks[7]);
    blocks[7] = again;
    for (size_t i = 0; i < BLOCKS; i++) pyalloc_free(blocks[i], 40);
    assert_int_equal(pyalloc_arenas(), 0);
    assert_int_equal(memcount_live_bytes(), live);
}

static void large_requests_go_to_the_system(void **state) {
    (void)state;
    const size_t arenas = pyalloc_arenas();
    memcount_mark();
    void *p = pyalloc_malloc(513);
    assert_non_null(p);
    assert_int_equal(pyalloc_arenas(), arenas);
    assert_int_equal(memcount_allocs_since_mark(), 1);
    pyalloc_free(p, 513);
}

static void realloc_keeps_moves_and_copies(void **state) {
    (void)state;
    const size_t live = memcount_live_bytes();
    char *p = pyalloc_malloc(60); /* size class 64 */
    memcpy(p, "abcdefgh", 8);
    assert_ptr_equal(pyalloc_realloc(p, 60, 64), p); /* still fits its block */
    char *q = pyalloc_realloc(p, 64, 200);           /* another class: moved, copied */
    assert_non_null(q);
    assert_memory_equal(q, "abcdefgh", 8);
    char *r = pyalloc_realloc(q, 200, 4000);         /* to the system */
    assert_non_null(r);
    assert_memory_equal(r, "abcdefgh", 8);
    char *s = pyalloc_realloc(r, 4000, 8000);
    assert_non_null(s);
    assert_memory_equal(s, "abcdefgh", 8);
    pyalloc_free(s, 8000);
    assert_int_equal(pyalloc_arenas(), 0);
    assert_int_equal(memcount_live_bytes(), live);
}

/* Once the interpreter's arena is full, a counted arena that cannot be had fails the request. */
static void a_failed_arena_fails_the_request(void **state) {
    (void)state;
    const size_t live = memcount_live_bytes();
    size_t n = 0;
    while (pyalloc_arenas() == 0) {
        assert_true(n < BLOCKS);
        blocks[n] = pyalloc_malloc(496); /* the largest class but one: few blocks fill an arena */
        assert_non_null(blocks[n++]);
    }
    pyalloc_free(blocks[--n], 496); /* the counted arena is empty again, and given back */
    assert_int_equal(pyalloc_arenas(), 0);
    size_t in_interpreters = 0; /* what the interpreter's arena still holds in that class */
    for (;;) {
        memcount_fail_after(1);
        void *p = pyalloc_malloc(496);
        memcount_fail_after(0);
        if (p == NULL) break;
        blocks[n++] = p;
        in_interpreters++;
        assert_true(in_interpreters < 64 * 33);
    }
    assert_int_equal(pyalloc_arenas(), 0);
    assert_int_equal(memcount_live_bytes(), live);
    while (n > 0) pyalloc_free(blocks[--n], 496);
}

/* The interpreter's arena is never given back, nor counted: a lone block allocated and freed over and
 * over costs no arena each time. */
static void the_interpreters_arena_stays(void **state) {
    (void)state;
    const size_t live = memcount_live_bytes();
    memcount_mark();
    for (int i = 0; i < 1000; i++) pyalloc_free(pyalloc_malloc(28), 28);
    assert_int_equal(memcount_allocs_since_mark(), 0);
    assert_int_equal(memcount_live_bytes(), live);
}

/* Int objects: the small-int cache's shared ones (-5..256, each holding its value), any other a block
 * of its own, given back when released. */
static void int_objects_share_the_small_ones(void **state) {
    (void)state;
    for (int64_t v = PYINT_SMALL_MIN; v <= PYINT_SMALL_MAX; v++) {
        assert_int_equal(*pyint_small(v), v);
        assert_ptr_equal(pyint_new(v), pyint_small(v));
    }
    const size_t arenas = pyalloc_arenas();
    const int64_t *big = pyint_new(10000), *other = pyint_new(10000);
    assert_non_null(big);
    assert_non_null(other);
    assert_ptr_not_equal(big, other);
    assert_int_equal(*big, 10000);
    pyint_release(big);
    pyint_release(other);
    pyint_release(pyint_small(7)); /* a shared one stays */
    assert_int_equal(*pyint_small(7), 7);
    assert_int_equal(pyalloc_arenas(), arenas);
}

/* A list of float objects holds each value in order, gives every byte back, and leaves nothing
 * behind when an allocation fails part way. */
static void float_lists_hold_their_values_and_give_every_byte_back(void **state) {
    (void)state;
    enum { N = 100000 }; /* more objects than the interpreter's arena holds: counted arenas too */
    static double values[N];
    for (size_t i = 0; i < N; i++) values[i] = (double)i / 7;
    const size_t live = memcount_live_bytes();
    const double **items = pyfloat_list_new(values, N);
    assert_non_null(items);
    for (size_t i = 0; i < N; i++) assert_true(*items[i] == values[i]);
    pyfloat_list_free(items, N);
    assert_int_equal(memcount_live_bytes(), live);
    for (uint64_t fail_at = 1; fail_at <= 3; fail_at++) {
        memcount_fail_after(fail_at);
        assert_null(pyfloat_list_new(values, N));
        memcount_fail_after(0);
        assert_int_equal(memcount_live_bytes(), live);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(blocks_are_distinct_aligned_and_given_back),
        cmocka_unit_test(large_requests_go_to_the_system),
        cmocka_unit_test(realloc_keeps_moves_and_copies),
        cmocka_unit_test(a_failed_arena_fails_the_request),
        cmocka_unit_test(the_interpreters_arena_stays),
        cmocka_unit_test(float_lists_hold_their_values_and_give_every_byte_back),
        cmocka_unit_test(int_objects_share_the_small_ones),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
