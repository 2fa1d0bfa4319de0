/* int_array.c: see int_array.h. */
#include "int_array.h"

#include "memcount.h"

#include <string.h>

/* One allocation of n * 8 bytes; on failure returns -1 and leaves *array untouched. */
int int_array_build(int_array *array, const int64_t *values, size_t n) {
    int64_t *items = memcount_malloc((n ? n : 1) * sizeof *items);
    if (items == NULL) return -1;
    if (n) memcpy(items, values, n * sizeof *items);
    *array = (int_array){items, n};
    return 0;
}

int int_array_contains(const int_array *array, int64_t key) {
    for (size_t i = 0; i < array->len; i++)
        if (array->items[i] == key) return 1;
    return 0;
}

void int_array_free(int_array *array) {
    memcount_free(array->items);
    *array = (int_array){NULL, 0};
}
