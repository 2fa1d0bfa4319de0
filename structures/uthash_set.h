/* uthash_set.h: a set of ints on uthash, the way C code usually uses it: one heap node per element
 * with uthash's handle inside, as a Python set holds a table entry per element. */
#ifndef IDIOM_UTHASH_SET_H
#define IDIOM_UTHASH_SET_H

#include <stddef.h>
#include <stdint.h>

typedef struct uthash_set_node uthash_set_node;

typedef struct uthash_set {
    uthash_set_node *head; /* uthash's table handle: NULL when empty */
    size_t len;            /* distinct keys */
} uthash_set;

/* Insert n values (duplicates once). 0, or -1 if out of memory (set left empty, nothing leaked). */
int uthash_set_build(uthash_set *set, const int64_t *values, size_t n) __attribute__((warn_unused_result));
/* 1 if key is in the set, else 0: O(1) expected. */
int uthash_set_contains(const uthash_set *set, int64_t key);
void uthash_set_free(uthash_set *set);

#endif /* IDIOM_UTHASH_SET_H */
