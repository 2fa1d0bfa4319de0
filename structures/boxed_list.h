/* boxed_list.h: a list of individually heap-allocated ints, the layout of a Python list of int
 * objects: an array of pointers, each to its own box. An optional small-int cache plays CPython's
 * shared objects for -5..256, which are never allocated per element. */
#ifndef IDIOM_BOXED_LIST_H
#define IDIOM_BOXED_LIST_H

#include <stddef.h>
#include <stdint.h>

/* CPython's range of preallocated, shared small ints (Objects/longobject.c). */
#define BOXED_CACHE_MIN (-5)
#define BOXED_CACHE_MAX 256

typedef struct boxed_cache {
    int64_t boxes[BOXED_CACHE_MAX - BOXED_CACHE_MIN + 1]; /* boxes[i] holds BOXED_CACHE_MIN + i */
} boxed_cache;

typedef struct boxed_list {
    int64_t **items; /* items[i] points to the box holding element i */
    size_t len;      /* number of elements */
} boxed_list;

/* Fill a cache so that each box holds its own value. */
void boxed_cache_init(boxed_cache *cache);
/* Build a list of n values, boxes allocated in index order (or shared from cache, if not NULL). */
int boxed_list_from_values(boxed_list *list, const int64_t *values, size_t n, const boxed_cache *cache)
    __attribute__((warn_unused_result));
/* Build a list whose box for element i is the order[i]-th box allocated: the same values with the
 * boxes scattered over the heap, as on a long-lived heap. order is a permutation of 0..n-1. */
int boxed_list_from_values_scattered(boxed_list *list, const int64_t *values, size_t n, const size_t *order)
    __attribute__((warn_unused_result));
/* out = [2 * x for x in src]: a new pointer array and a new box per element (or a cached box). */
int boxed_list_double(const boxed_list *src, boxed_list *out, const boxed_cache *cache)
    __attribute__((warn_unused_result));
/* Free the list's boxes (except cached ones) and its pointer array; the list becomes empty. */
void boxed_list_free(boxed_list *list, const boxed_cache *cache);

#endif /* IDIOM_BOXED_LIST_H */
