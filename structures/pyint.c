/* pyint.c: see pyint.h. */
#include "pyint.h"
#include "barriers.h"

#include "pyalloc.h"

#include <assert.h>

#define PYINT_BYTES 28 /* sys.getsizeof(10000) in CPython 3.11.2 here */

/* The small-int cache: each value at its own index, as _PyLong_SMALL_INTS holds them, with its
 * reference count after it (one: the cache's own). */
static int64_t small_ints[PYINT_SMALL_MAX - PYINT_SMALL_MIN + 1][2] = {
#define V1(n) {(n), 1}
#define V4(n) V1(n), V1((n) + 1), V1((n) + 2), V1((n) + 3)
#define V16(n) V4(n), V4((n) + 4), V4((n) + 8), V4((n) + 12)
#define V64(n) V16(n), V16((n) + 16), V16((n) + 32), V16((n) + 48)
    V64(-5), V64(59), V64(123), V64(187), V4(251), V1(255), V1(256)};

static int is_small(int64_t v) { return v >= PYINT_SMALL_MIN && v <= PYINT_SMALL_MAX; }

const int64_t *pyint_small(int64_t v) {
    assert(is_small(v));
    return &small_ints[v - PYINT_SMALL_MIN][0];
}

const int64_t *pyint_new(int64_t v) {
    if (is_small(v)) return pyint_small(v);
    int64_t *object = pyalloc_malloc(PYINT_BYTES);
    if (object != NULL) {
        object[0] = v;
        object[1] = 1; /* the new reference */
    }
    return object;
}

void pyint_release(const int64_t *object) {
    if (object != NULL && !is_small(*object)) pyalloc_free((void *)object, PYINT_BYTES);
}

/* long_richcompare: out of line, as the type slot's call is. */
IDIOM_NOIPA static int long_richcompare_eq(const int64_t *a, const int64_t *b) { return *a == *b; }

int pyint_equal(const int64_t *a, const int64_t *b) { return a == b || long_richcompare_eq(a, b); }
