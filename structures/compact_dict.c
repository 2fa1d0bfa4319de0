/* compact_dict.c: see compact_dict.h. Names in comments are CPython's (Objects/dictobject.c). */
#include "compact_dict.h"

#include "pyalloc.h"

#include <string.h>

#define COMPACT_DICT_LOG2_MINSIZE 3 /* PyDict_LOG_MINSIZE: 8 slots, 5 usable entries */
#define COMPACT_DICT_PERTURB_SHIFT 5 /* PERTURB_SHIFT */
#define COMPACT_DICT_EMPTY (-1)      /* DKIX_EMPTY; this model never deletes, so has no DKIX_DUMMY */

/* USABLE_FRACTION: entries a table of size slots holds before it resizes, two thirds. */
static size_t usable_fraction(size_t size) { return (size << 1) / 3; }

/* The index slot width CPython uses for a table of 1 << log2_size slots (signed, to hold -1). */
static uint8_t index_bytes_for(uint8_t log2_size) {
    return log2_size < 8 ? 1 : log2_size < 16 ? 2 : log2_size < 32 ? 4 : 8;
}

static compact_dict_entry *entries_of(const compact_dict *d) {
    return (compact_dict_entry *)((char *)d->table + ((size_t)d->index_bytes << d->log2_size));
}

static int64_t index_get(const compact_dict *d, size_t slot) {
    switch (d->index_bytes) {
    case 1: return ((const int8_t *)d->table)[slot];
    case 2: return ((const int16_t *)d->table)[slot];
    case 4: return ((const int32_t *)d->table)[slot];
    default: return ((const int64_t *)d->table)[slot];
    }
}

static void index_set(compact_dict *d, size_t slot, int64_t ix) {
    switch (d->index_bytes) {
    case 1: ((int8_t *)d->table)[slot] = (int8_t)ix; break;
    case 2: ((int16_t *)d->table)[slot] = (int16_t)ix; break;
    case 4: ((int32_t *)d->table)[slot] = (int32_t)ix; break;
    default: ((int64_t *)d->table)[slot] = ix; break;
    }
}

int64_t compact_dict_hash_int(int64_t key) { return key == -1 ? -2 : key; }

/* The first index slot on hash's probe sequence that holds an entry with key, or, if none does, the
 * first empty one (*ix then COMPACT_DICT_EMPTY): CPython's lookdict and find_empty_slot in one walk,
 * since a table without deletions has no dummy slots for the two to disagree over. A key matches as
 * in lookdict: the same key, or an equal hash and eq's word (ints, held by value, need no eq). */
static size_t probe(compact_dict *d, int64_t hash, intptr_t key, int64_t *ix) {
    const size_t mask = ((size_t)1 << d->log2_size) - 1;
    const compact_dict_entry *entries = entries_of(d);
    size_t perturb = (size_t)hash, slot = (size_t)hash & mask;
    for (;;) {
        d->probes++;
        *ix = index_get(d, slot);
        if (*ix == COMPACT_DICT_EMPTY) return slot;
        const compact_dict_entry *e = &entries[*ix];
        if (e->key == key || (e->hash == hash && d->eq != NULL && d->eq(e->key, key))) return slot;
        perturb >>= COMPACT_DICT_PERTURB_SHIFT;
        slot = (slot * 5 + perturb + 1) & mask;
    }
}

/* dictresize: a new table of 1 << log2_size slots, the entries copied in order (memcpy: a combined
 * table without deletions), the index rebuilt from their hashes (build_indices). 0, or -1 when out of
 * memory, the dict unchanged. */
static int resize(compact_dict *d, uint8_t log2_size) {
    const uint8_t index_bytes = index_bytes_for(log2_size);
    const size_t size = (size_t)1 << log2_size;
    const size_t index_size = (size_t)index_bytes << log2_size;
    void *table = pyalloc_malloc(index_size + usable_fraction(size) * sizeof(compact_dict_entry)); /* new_keys_object */
    if (table == NULL) return -1;
    memset(table, 0xff, index_size); /* every slot DKIX_EMPTY (-1 in any width) */
    compact_dict resized = {.used = d->used, .usable = usable_fraction(size) - d->used, .log2_size = log2_size,
                            .index_bytes = index_bytes, .table = table, .resizes = d->resizes + 1,
                            .probes = d->probes, .eq = d->eq};
    compact_dict_entry *entries = entries_of(&resized);
    if (d->used > 0) memcpy(entries, entries_of(d), d->used * sizeof *entries);
    for (size_t i = 0; i < d->used; i++) {
        int64_t ix;
        index_set(&resized, probe(&resized, entries[i].hash, entries[i].key, &ix), (int64_t)i);
    }
    pyalloc_free(d->table, compact_dict_table_bytes(d));
    *d = resized;
    return 0;
}

/* calculate_log2_keysize(GROWTH_RATE): the smallest power of two at least 3 * used, at least 8. */
static uint8_t log2_size_for_growth(size_t used) {
    uint8_t log2_size = COMPACT_DICT_LOG2_MINSIZE;
    while (((size_t)1 << log2_size) < used * 3) log2_size++;
    return log2_size;
}

/* insertdict: look the key up; a hit replaces the value, a miss first resizes if no entry is usable
 * (insertion_resize), then appends the entry and points the empty slot at it. Amortised O(1). */
int compact_dict_set(compact_dict *d, int64_t hash, intptr_t key, void *value) {
    int64_t ix = COMPACT_DICT_EMPTY;
    if (d->table != NULL) {
        const size_t slot = probe(d, hash, key, &ix);
        if (ix != COMPACT_DICT_EMPTY) {
            entries_of(d)[ix].value = value;
            return 0;
        }
        if (d->usable > 0) {
            entries_of(d)[d->used] = (compact_dict_entry){hash, key, value};
            index_set(d, slot, (int64_t)d->used);
            d->used++;
            d->usable--;
            return 0;
        }
    }
    if (resize(d, log2_size_for_growth(d->used)) != 0) return -1;
    const size_t slot = probe(d, hash, key, &ix);
    entries_of(d)[d->used] = (compact_dict_entry){hash, key, value};
    index_set(d, slot, (int64_t)d->used);
    d->used++;
    d->usable--;
    return 0;
}

/* One probe sequence from the key's hash; O(1) expected at two-thirds load. */
void *compact_dict_get(compact_dict *d, int64_t hash, intptr_t key) {
    if (d->table == NULL) return NULL;
    int64_t ix;
    probe(d, hash, key, &ix);
    return ix == COMPACT_DICT_EMPTY ? NULL : entries_of(d)[ix].value;
}

const compact_dict_entry *compact_dict_entry_at(const compact_dict *d, size_t i) { return &entries_of(d)[i]; }

size_t compact_dict_table_bytes(const compact_dict *d) {
    if (d->table == NULL) return 0;
    const size_t size = (size_t)1 << d->log2_size;
    return ((size_t)d->index_bytes << d->log2_size) + usable_fraction(size) * sizeof(compact_dict_entry);
}

void compact_dict_free(compact_dict *d) {
    pyalloc_free(d->table, compact_dict_table_bytes(d));
    *d = (compact_dict){.eq = d->eq};
}
