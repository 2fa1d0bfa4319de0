/* membership_layouts.h: the four set layouts of the membership comparisons behind one face, and
 * their shared input: the article's list(range(n)), here shuffled, so that membership of q is
 * exactly 0 <= q < n. Shared by bm_membership.c and bm_membership_build.c. */
#ifndef IDIOM_MEMBERSHIP_LAYOUTS_H
#define IDIOM_MEMBERSHIP_LAYOUTS_H

#include "int_array.h"
#include "memcount.h"
#include "oa_set.h"
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

MEMBERSHIP_LAYOUT(linear_scan, int_array)
MEMBERSHIP_LAYOUT(uthash_layout, uthash_set)
MEMBERSHIP_LAYOUT(open_addressing, oa_set)
MEMBERSHIP_LAYOUT(sorted_bsearch, sorted_array)

/* Room for any layout's struct. */
typedef union membership_set {
    int_array array;
    uthash_set uthash;
    oa_set open;
    sorted_array sorted;
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
