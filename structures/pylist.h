/* pylist.h: CPython's list (Objects/listobject.c) as the mechanism models append to one: an array
 * of pointers over-allocated by list_resize's rule, its storage from the pymalloc model (pyalloc),
 * as PyMem_Realloc gives it. The items are the caller's objects; the list does not own them. */
#ifndef IDIOM_PYLIST_H
#define IDIOM_PYLIST_H

#include <stddef.h>

typedef struct pylist {
    void **items;     /* ob_item */
    size_t n;         /* ob_size: items held */
    size_t allocated; /* slots */
    size_t resizes;   /* reallocations so far (a counter for the why-texts) */
} pylist;

/* list.append(item). 0, or -1 when out of memory, the list unchanged. Amortised O(1). */
int pylist_append(pylist *l, void *item) __attribute__((warn_unused_result));
/* list_preallocate_exact for an empty list: room for exactly n items, as `list(iterable)` makes
 * when the iterable has a length (`list(range(n))`). 0, or -1 when out of memory, the list unchanged. */
int pylist_reserve_exact(pylist *l, size_t n) __attribute__((warn_unused_result));
/* Free the item array (not the items); the list is empty, its counters zero. */
void pylist_free(pylist *l);

#endif /* IDIOM_PYLIST_H */
