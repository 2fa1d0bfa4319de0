/* int_array.h: a packed array of ints searched by linear scan: a Python list or tuple's `in`. */
#ifndef IDIOM_INT_ARRAY_H
#define IDIOM_INT_ARRAY_H

#include <stddef.h>
#include <stdint.h>

typedef struct int_array {
    int64_t *items; /* the values, in the order given */
    size_t len;
} int_array;

/* Copy n values into a new array. 0, or -1 if out of memory (array untouched). */
int int_array_build(int_array *array, const int64_t *values, size_t n) __attribute__((warn_unused_result));
/* 1 if key is among the values, else 0: O(n), stops at the first match. */
int int_array_contains(const int_array *array, int64_t key);
void int_array_free(int_array *array);

#endif /* IDIOM_INT_ARRAY_H */
