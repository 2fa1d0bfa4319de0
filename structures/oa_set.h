/* oa_set.h: an open-addressing hash set of ints: one flat array of keys, power-of-two capacity,
 * linear probing after a strong integer mixer, load factor at most OA_SET_MAX_LOAD. What a tuned
 * C set costs. */
#ifndef IDIOM_OA_SET_H
#define IDIOM_OA_SET_H

#include <stddef.h>
#include <stdint.h>

/* At most half the slots are used: expected probes stay under 1.5 for hits, 2.5 for misses. */
#define OA_SET_MAX_LOAD 0.5

typedef struct oa_set {
    int64_t *slots;        /* capacity keys; OA_SET_EMPTY marks a free slot */
    size_t mask;           /* capacity - 1 */
    size_t len;            /* distinct keys */
    int has_empty_key;     /* whether the key equal to the empty marker is a member */
} oa_set;

/* Insert n values (duplicates once) into a new table sized for them. 0, or -1 if out of memory
 * (set untouched). */
int oa_set_build(oa_set *set, const int64_t *values, size_t n) __attribute__((warn_unused_result));
/* 1 if key is in the set, else 0: O(1) expected. */
int oa_set_contains(const oa_set *set, int64_t key);
void oa_set_free(oa_set *set);

#endif /* IDIOM_OA_SET_H */
