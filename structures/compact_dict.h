/* compact_dict.h: CPython's dict (Objects/dictobject.c, 3.6 onwards), as the mechanism model of a
 * Python dict, its keys ints or objects with a cached hash: a hash index of 1-, 2-, 4- or 8-byte slots pointing into a dense array of
 * (hash, key, value) entries kept in insertion order, probed with CPython's perturbation recurrence,
 * ints hashing to themselves, resized to the power of two above 3 * used when two thirds full. Its
 * table comes from pyalloc, as a dict's keys object comes from PyObject_Malloc. */
#ifndef IDIOM_COMPACT_DICT_H
#define IDIOM_COMPACT_DICT_H

#include <stddef.h>
#include <stdint.h>

/* One entry, as PyDictKeyEntry: the key's hash, the key, the value. */
typedef struct compact_dict_entry {
    int64_t hash;
    intptr_t key; /* an int, or a pointer to the caller's key object */
    void *value;  /* the caller's object; the dict does not own it */
} compact_dict_entry;

/* Whether two keys of equal hash that are not the same key are equal (CPython's rich compare after
 * the identity test), for keys that are objects. */
typedef int compact_dict_eq_fn(intptr_t a, intptr_t b);

/* A dict. Zero-initialised it is empty and holds no allocation, as a new CPython dict shares the
 * empty keys object until its first insertion. */
typedef struct compact_dict {
    size_t used;         /* ma_used: entries held */
    size_t usable;       /* dk_usable: entries that may still be appended before a resize */
    uint8_t log2_size;   /* dk_log2_size: the index has 1 << log2_size slots (0: no table yet) */
    uint8_t index_bytes; /* bytes per index slot: 1, 2, 4 or 8, by table size as CPython picks them */
    void *table;         /* one allocation, as PyDictKeysObject: the index, then the entries */
    size_t resizes;      /* tables allocated so far (the counters a why-text may quote) */
    size_t probes;       /* index slots visited by lookups and insertions so far */
    compact_dict_eq_fn *eq; /* NULL: keys are equal only if identical, as ints are; kept by free */
} compact_dict;

/* CPython's hash of an int: the int itself, except that -1 (CPython's error value) hashes to -2.
 * (Exact for |key| < 2^61 - 1, the modulus CPython reduces larger ints by.) */
int64_t compact_dict_hash_int(int64_t key);
/* d[key] = value, hash being key's (compact_dict_hash_int for an int, a key object's cached hash).
 * 0, or -1 when out of memory, the dict unchanged. */
int compact_dict_set(compact_dict *d, int64_t hash, intptr_t key, void *value) __attribute__((warn_unused_result));
/* d[key] (hash as for set), or NULL if key is absent (the dict never holds a NULL value). */
void *compact_dict_get(compact_dict *d, int64_t hash, intptr_t key);
/* The i-th entry in insertion order (i < d->used: the dict has no deletions). */
const compact_dict_entry *compact_dict_entry_at(const compact_dict *d, size_t i);
/* Bytes the table allocation takes (index and entries), 0 before the first insertion. */
size_t compact_dict_table_bytes(const compact_dict *d);
/* Free the table (not the keys or values); the dict is empty again, with the same eq. */
void compact_dict_free(compact_dict *d);

#endif /* IDIOM_COMPACT_DICT_H */
