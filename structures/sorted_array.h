/* sorted_array.h: a sorted packed array of ints searched by binary search. Duplicates are kept. */
#ifndef IDIOM_SORTED_ARRAY_H
#define IDIOM_SORTED_ARRAY_H

#include <stddef.h>
#include <stdint.h>

typedef struct sorted_array {
    int64_t *items; /* the values, ascending */
    size_t len;
} sorted_array;

/* Copy and sort n values: O(n log n). 0, or -1 if out of memory (array untouched). */
int sorted_array_build(sorted_array *array, const int64_t *values, size_t n) __attribute__((warn_unused_result));
/* 1 if key is among the values, else 0: O(log n). */
int sorted_array_contains(const sorted_array *array, int64_t key);
void sorted_array_free(sorted_array *array);

#endif /* IDIOM_SORTED_ARRAY_H */
