/* membership_layouts.h: the set layouts of the membership comparisons behind one face (four a C
 * programmer would write, and CPython's list and set of int objects as the mechanism models them), and
 * their shared input: the article's list(range(n)), here shuffled, so that membership of q is
 * exactly 0 <= q < n. Shared by bm_membership.c and bm_membership_build.c. */
#ifndef IDIOM_MEMBERSHIP_LAYOUTS_H
#define IDIOM_MEMBERSHIP_LAYOUTS_H

#include "int_array.h"
#include "memcount.h"
#include "oa_set.h"
#include "pyalloc.h"
#include "pyint.h"
#include "pylist.h"
#include "pyset.h"
#include "rng.h"
#include "sorted_array.h"
#include "uthash_set.h"

typedef struct membership_layout {
    size_t size; /* of the structure the functions take */
    int (*build)(void *set, const int64_t *values, size_t n);
    /* How many of m queries are members: the timed work of one lookup block. */
    size_t (*count_hits)(const void *set, const int64_t *queries, size_t m);
    void (*free)(void *set);
} membership_layout;

/* Direct calls per lookup (no function pointer in the inner loop), one wrapper set per layout. */
#define MEMBERSHIP_LAYOUT(name, type)                                                              \
    static int name##_build(void *set, const int64_t *values, size_t n) {                          \
        return type##_build(set, values, n);                                                        \
    }                                                                                               \
    static size_t name##_count_hits(const void *set, const int64_t *queries, size_t m) {           \
        size_t hits = 0;                                                                            \
        for (size_t i = 0; i < m; i++) hits += (size_t)type##_contains(set, queries[i]);            \
        return hits;                                                                                \
    }                                                                                               \
    static void name##_free(void *set) { type##_free(set); }                                        \
    static const membership_layout name = {sizeof(type), name##_build, name##_count_hits, name##_free};

/* The mechanism's list: `list(range(n))`, a pointer per element, presized exactly, each pointing to
 * an int object of its own (pyint: the small-int cache's below 257). */
typedef struct boxed_int_list {
    pylist list;
} boxed_int_list;

static inline void boxed_int_list_free(boxed_int_list *l) {
    for (size_t i = 0; i < l->list.n; i++) pyint_release(l->list.items[i]);
    pylist_free(&l->list);
}

static inline int boxed_int_list_build(boxed_int_list *l, const int64_t *values, size_t n) {
    *l = (boxed_int_list){0};
    if (pylist_reserve_exact(&l->list, n) != 0) return -1;
    for (size_t i = 0; i < n; i++) {
        const int64_t *object = pyint_new(values[i]);
        if (object == NULL || pylist_append(&l->list, (void *)object) != 0) {
            pyint_release(object);
            boxed_int_list_free(l);
            return -1;
        }
    }
    return 0;
}

/* A query as CPython holds it: the shared small int, else an object no element is (as a fresh int
 * from randint, or the constant 999999, is not). */
#define MEMBERSHIP_QUERY_OBJECT(name, key)                                                             \
    const int64_t name##_boxed = (key);                                                            \
    const int64_t *const name = (key) >= PYINT_SMALL_MIN && (key) <= PYINT_SMALL_MAX ? pyint_small(key) : &name##_boxed

/* list_contains (Objects/listobject.c, 3.11): PyObject_RichCompareBool on each element in turn until
 * one is equal, holding a reference to the element around the call (Py_INCREF, Py_DECREF), since a
 * list may change under a comparison that runs Python code. */
static inline int boxed_int_list_contains(const boxed_int_list *l, int64_t key) {
    MEMBERSHIP_QUERY_OBJECT(object, key);
    for (size_t i = 0; i < l->list.n; i++) {
        const int64_t *item = l->list.items[i];
        pyint_incref(item);
        const int equal = pyint_equal(item, object);
        pyint_decref(item);
        if (equal) return 1;
    }
    return 0;
}

/* The mechanism's tuple: `tuple(range(n))`, its pointers inline after the object's header in one
 * block (PyTupleObject's ob_item[], Objects/tupleobject.c), each to an int object of its own. */
typedef struct boxed_int_tuple {
    size_t n;              /* elements made so far: all of them once built */
    size_t length;         /* the tuple's length, which sized the block */
    const int64_t **items; /* the block: the header's 24 bytes, then n pointers */
} boxed_int_tuple;

#define MEMBERSHIP_TUPLE_HEADER 24 /* sys.getsizeof(()) - 16 of GC header: ob_refcnt, ob_type, ob_size */

static inline void boxed_int_tuple_free(boxed_int_tuple *t) {
    for (size_t i = 0; i < t->n; i++) pyint_release(t->items[i]);
    if (t->items) pyalloc_free((char *)t->items - MEMBERSHIP_TUPLE_HEADER, MEMBERSHIP_TUPLE_HEADER + t->length * sizeof *t->items);
    *t = (boxed_int_tuple){0};
}

static inline int boxed_int_tuple_build(boxed_int_tuple *t, const int64_t *values, size_t n) {
    *t = (boxed_int_tuple){0};
    char *block = pyalloc_malloc(MEMBERSHIP_TUPLE_HEADER + n * sizeof *t->items);
    if (block == NULL) return -1;
    t->items = (const int64_t **)(void *)(block + MEMBERSHIP_TUPLE_HEADER);
    t->length = n;
    for (; t->n < n; t->n++)
        if ((t->items[t->n] = pyint_new(values[t->n])) == NULL) {
            boxed_int_tuple_free(t);
            return -1;
        }
    return 0;
}

/* tuplecontains (Objects/tupleobject.c, 3.11): the same comparisons as list_contains, but a tuple
 * cannot change, so it takes no reference around them. */
static inline int boxed_int_tuple_contains(const boxed_int_tuple *t, int64_t key) {
    MEMBERSHIP_QUERY_OBJECT(object, key);
    for (size_t i = 0; i < t->n; i++)
        if (pyint_equal(t->items[i], object)) return 1;
    return 0;
}

/* The mechanism's set: `set(range(n))`, each element an int object of its own in CPython's table. */
typedef struct boxed_int_set {
    pyset set;
} boxed_int_set;

static inline void boxed_int_set_free(boxed_int_set *s) { pyset_free(&s->set); }

static inline int boxed_int_set_build(boxed_int_set *s, const int64_t *values, size_t n) {
    *s = (boxed_int_set){0};
    for (size_t i = 0; i < n; i++) {
        const int64_t *object = pyint_new(values[i]);
        if (object == NULL || pyset_add(&s->set, object) != 0) {
            pyint_release(object);
            pyset_free(&s->set);
            return -1;
        }
    }
    return 0;
}

static inline int boxed_int_set_contains(const boxed_int_set *s, int64_t key) {
    MEMBERSHIP_QUERY_OBJECT(object, key);
    return pyset_contains(&s->set, object);
}

MEMBERSHIP_LAYOUT(linear_scan, int_array)
MEMBERSHIP_LAYOUT(uthash_layout, uthash_set)
MEMBERSHIP_LAYOUT(open_addressing, oa_set)
MEMBERSHIP_LAYOUT(sorted_bsearch, sorted_array)
MEMBERSHIP_LAYOUT(boxed_list_layout, boxed_int_list)
MEMBERSHIP_LAYOUT(boxed_set_layout, boxed_int_set)
MEMBERSHIP_LAYOUT(boxed_tuple_layout, boxed_int_tuple)

/* Room for any layout's struct. */
typedef union membership_set {
    int_array array;
    uthash_set uthash;
    oa_set open;
    sorted_array sorted;
    boxed_int_list boxed;
    boxed_int_set boxed_set;
    boxed_int_tuple boxed_tuple;
} membership_set;

enum { MEMBERSHIP_STREAM_VALUES = 1, MEMBERSHIP_STREAM_QUERIES = 2 };

/* 0..n-1 in an order drawn from seed; NULL if out of memory. Free with memcount_free. */
static inline int64_t *membership_values(size_t n, uint64_t seed) {
    int64_t *values = memcount_malloc((n ? n : 1) * sizeof *values);
    if (values == NULL) return NULL;
    for (size_t i = 0; i < n; i++) values[i] = (int64_t)i;
    rng r = rng_seeded(seed, MEMBERSHIP_STREAM_VALUES);
    rng_shuffle(&r, values, n, sizeof *values);
    return values;
}

/* The reference: the values are exactly 0..n-1. */
static inline int membership_reference(size_t n, int64_t key) { return key >= 0 && (uint64_t)key < n; }

#endif /* IDIOM_MEMBERSHIP_LAYOUTS_H */
