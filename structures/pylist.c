/* pylist.c: see pylist.h. */
#include "pylist.h"

#include "pyalloc.h"

#include <assert.h>
#include <stdint.h>

/* list_resize for one more item: when full, reallocate to (n + 1) + (n + 1) / 8 + 6, rounded down
 * to a multiple of 4 (CPython 3.11's over-allocation). */
int pylist_append(pylist *l, void *item) {
    const size_t newsize = l->n + 1;
    if (l->allocated < newsize) {
        const size_t new_allocated = (newsize + (newsize >> 3) + 6) & ~(size_t)3;
        if (new_allocated > SIZE_MAX / sizeof *l->items) return -1;
        void **grown = pyalloc_realloc(l->items, l->allocated * sizeof *grown, new_allocated * sizeof *grown);
        if (grown == NULL) return -1;
        l->items = grown;
        l->allocated = new_allocated;
        l->resizes++;
    }
    l->items[l->n++] = item;
    return 0;
}

int pylist_reserve_exact(pylist *l, size_t n) {
    assert(l->items == NULL);
    if (n == 0) return 0;
    if (n > SIZE_MAX / sizeof *l->items) return -1;
    void **items = pyalloc_malloc(n * sizeof *items);
    if (items == NULL) return -1;
    l->items = items;
    l->allocated = n;
    l->resizes++;
    return 0;
}

void pylist_free(pylist *l) {
    pyalloc_free(l->items, l->allocated * sizeof *l->items);
    *l = (pylist){0};
}
