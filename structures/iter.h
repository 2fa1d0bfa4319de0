/* iter.h: a pull iterator, the C analogue of a Python generator: a struct holding its state and a
 * `next` function that yields one value at a time. Iterators compose (a map over a filter over an
 * array...) without allocating: the caller owns every struct, and a chain lives on the stack. */
#ifndef IDIOM_ITER_H
#define IDIOM_ITER_H

#include <stddef.h>
#include <stdint.h>

typedef struct iter iter;

struct iter {
    int (*next)(iter *self, int64_t *value); /* 1 with *value set, or 0 once exhausted (and after) */
    iter *source;                            /* map, filter: the iterator pulled from */
    int64_t (*map)(int64_t value);           /* map: applied to each value */
    int (*keep)(int64_t value);              /* filter: only values for which this is non-zero pass */
    const int64_t *items;                    /* array: the values, not copied */
    size_t len;                              /* array: how many */
    size_t pos;                              /* array: the index of the next value */
};

/* Yields items[0..len-1]; the array must outlive the iterator. */
iter iter_over_array(const int64_t *items, size_t len);
/* Yields fn(v) for each v of source. */
iter iter_map(iter *source, int64_t (*fn)(int64_t value));
/* Yields the values v of source for which keep(v) is non-zero. */
iter iter_filter(iter *source, int (*keep)(int64_t value));
/* The next value of it: 1 with *value set, or 0 once exhausted. */
static inline int iter_next(iter *it, int64_t *value) { return it->next(it, value); }

#endif /* IDIOM_ITER_H */
