/* sorted_array.c: see sorted_array.h. */
#include "sorted_array.h"

#include "memcount.h"

#include <stdlib.h>
#include <string.h>

static int compare_int64(const void *a, const void *b) {
    const int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* One allocation of n * 8 bytes, then qsort; on failure returns -1 and leaves *array untouched. */
int sorted_array_build(sorted_array *array, const int64_t *values, size_t n) {
    int64_t *items = memcount_malloc((n ? n : 1) * sizeof *items);
    if (items == NULL) return -1;
    if (n) memcpy(items, values, n * sizeof *items);
    qsort(items, n, sizeof *items, compare_int64);
    *array = (sorted_array){items, n};
    return 0;
}

/* Lower-bound search over [low, low + count). */
int sorted_array_contains(const sorted_array *array, int64_t key) {
    const int64_t *low = array->items;
    size_t count = array->len;
    while (count > 0) {
        const size_t half = count / 2;
        if (low[half] < key) {
            low += half + 1;
            count -= half + 1;
        } else {
            count = half;
        }
    }
    return low < array->items + array->len && *low == key;
}

void sorted_array_free(sorted_array *array) {
    memcount_free(array->items);
    *array = (sorted_array){NULL, 0};
}
