/* oa_set.c: see oa_set.h. */
#include "oa_set.h"

#include "memcount.h"

#define OA_SET_EMPTY INT64_MIN /* a free slot; the key INT64_MIN itself lives in has_empty_key */

/* MurmurHash3's 64-bit finaliser: every input bit affects every output bit, so sequential keys
 * spread over the table instead of filling one run. */
static uint64_t mix(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ull;
    return k ^ (k >> 33);
}

/* The smallest power of two holding n keys at OA_SET_MAX_LOAD, at least 8. */
static size_t capacity_for(size_t n) {
    size_t capacity = 8;
    while ((double)n > OA_SET_MAX_LOAD * (double)capacity) capacity *= 2;
    return capacity;
}

/* One allocation of capacity * 8 bytes (2n to 4n slots); on failure returns -1, set untouched. */
int oa_set_build(oa_set *set, const int64_t *values, size_t n) {
    const size_t capacity = capacity_for(n);
    int64_t *slots = memcount_malloc(capacity * sizeof *slots);
    if (slots == NULL) return -1;
    for (size_t i = 0; i < capacity; i++) slots[i] = OA_SET_EMPTY;
    oa_set built = {slots, capacity - 1, 0, 0};
    for (size_t i = 0; i < n; i++) {
        const int64_t key = values[i];
        if (key == OA_SET_EMPTY) {
            built.len += !built.has_empty_key;
            built.has_empty_key = 1;
            continue;
        }
        size_t slot = (size_t)mix((uint64_t)key) & built.mask;
        while (slots[slot] != OA_SET_EMPTY && slots[slot] != key) slot = (slot + 1) & built.mask;
        if (slots[slot] == OA_SET_EMPTY) {
            slots[slot] = key;
            built.len++;
        }
    }
    *set = built;
    return 0;
}

int oa_set_contains(const oa_set *set, int64_t key) {
    if (key == OA_SET_EMPTY) return set->has_empty_key;
    for (size_t slot = (size_t)mix((uint64_t)key) & set->mask;; slot = (slot + 1) & set->mask) {
        if (set->slots[slot] == key) return 1;
        if (set->slots[slot] == OA_SET_EMPTY) return 0;
    }
}

void oa_set_free(oa_set *set) {
    memcount_free(set->slots);
    *set = (oa_set){NULL, 0, 0, 0};
}
