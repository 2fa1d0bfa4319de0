/* boxed_list.c: see boxed_list.h. All memory comes from the counting allocator. */
#include "boxed_list.h"

#include "memcount.h"

#include <assert.h>

void boxed_cache_init(boxed_cache *cache) {
    for (int64_t v = BOXED_CACHE_MIN; v <= BOXED_CACHE_MAX; v++) cache->boxes[v - BOXED_CACHE_MIN] = v;
}

/* Compared as integers: relational operators on pointers into different objects are undefined. */
static int is_cached(const boxed_cache *cache, const int64_t *box) {
    if (cache == NULL) return 0;
    const uintptr_t first = (uintptr_t)cache->boxes, end = (uintptr_t)(cache->boxes + BOXED_CACHE_MAX - BOXED_CACHE_MIN + 1);
    return (uintptr_t)box >= first && (uintptr_t)box < end;
}

/* The box for value v: the cache's when it has one, else a new allocation. NULL if out of memory. */
static int64_t *box_value(int64_t v, const boxed_cache *cache) {
    if (cache != NULL && v >= BOXED_CACHE_MIN && v <= BOXED_CACHE_MAX)
        return (int64_t *)&cache->boxes[v - BOXED_CACHE_MIN];
    int64_t *box = memcount_malloc(sizeof *box);
    if (box != NULL) *box = v;
    return box;
}

/* Free boxes items[0..count) that are not cached. */
static void free_boxes(int64_t **items, size_t count, const boxed_cache *cache) {
    for (size_t i = 0; i < count; i++)
        if (!is_cached(cache, items[i])) memcount_free(items[i]);
}

/* O(n) allocations. On failure returns -1, frees what it allocated, and leaves *list untouched. */
int boxed_list_from_values(boxed_list *list, const int64_t *values, size_t n, const boxed_cache *cache) {
    int64_t **items = memcount_malloc((n ? n : 1) * sizeof *items);
    if (items == NULL) return -1;
    for (size_t i = 0; i < n; i++) {
        items[i] = box_value(values[i], cache);
        if (items[i] == NULL) {
            free_boxes(items, i, cache);
            memcount_free(items);
            return -1;
        }
    }
    *list = (boxed_list){items, n};
    return 0;
}

/* O(n) allocations. On failure returns -1, frees what it allocated, and leaves *list untouched. */
int boxed_list_from_values_scattered(boxed_list *list, const int64_t *values, size_t n, const size_t *order) {
    boxed_list in_order;
    if (boxed_list_from_values(&in_order, values, n, NULL) != 0) return -1;
    int64_t **items = memcount_malloc((n ? n : 1) * sizeof *items);
    if (items == NULL) {
        boxed_list_free(&in_order, NULL);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        assert(order[i] < n);
        items[i] = in_order.items[order[i]];
        *items[i] = values[i];
    }
    memcount_free(in_order.items);
    *list = (boxed_list){items, n};
    return 0;
}

/* The timed operation of array_doubling: O(n), one pointer array plus one box per element not in
 * the cache. On failure returns -1, frees what it allocated, and leaves *out untouched. */
int boxed_list_double(const boxed_list *src, boxed_list *out, const boxed_cache *cache) {
    int64_t **items = memcount_malloc((src->len ? src->len : 1) * sizeof *items);
    if (items == NULL) return -1;
    for (size_t i = 0; i < src->len; i++) {
        items[i] = box_value(2 * *src->items[i], cache);
        if (items[i] == NULL) {
            free_boxes(items, i, cache);
            memcount_free(items);
            return -1;
        }
    }
    *out = (boxed_list){items, src->len};
    return 0;
}

void boxed_list_free(boxed_list *list, const boxed_cache *cache) {
    free_boxes(list->items, list->len, cache);
    memcount_free(list->items);
    *list = (boxed_list){NULL, 0};
}
