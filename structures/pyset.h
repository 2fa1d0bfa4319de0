/* pyset.h: CPython's set (Objects/setobject.c, 3.11) of int objects, as the mechanism models a Python
 * set: an open-addressing table of (key, hash) entries, 8 slots held inline at first, probed nine
 * slots linearly and then by the perturbation recurrence, grown when three fifths full to the power
 * of two above 4 * used (2 * used past 50,000 entries). Keys are pyint objects, hashing to their
 * value; a key is found by identity or, where the hashes match, by an out-of-line equality
 * (pyint_equal), as set_lookkey finds it. Grown tables come from pyalloc, as PyMem_Malloc gives them. */
#ifndef IDIOM_PYSET_H
#define IDIOM_PYSET_H

#include <stddef.h>
#include <stdint.h>

#define PYSET_MINSIZE 8 /* PySet_MINSIZE: the inline table's slots */

/* One slot, as setentry. An empty slot has key NULL. */
typedef struct pyset_entry {
    const int64_t *key;
    int64_t hash;
} pyset_entry;

/* A set. Zero-initialised it is empty, its table the inline one (so a set must not be moved while
 * it holds keys). The set holds its keys; pyset_free releases them. */
typedef struct pyset {
    size_t fill;       /* slots ever used (no deletions here: equal to used) */
    size_t used;       /* keys held */
    size_t mask;       /* slots - 1, 0 while the inline table has never been set up */
    pyset_entry *table; /* NULL: the inline table */
    pyset_entry smalltable[PYSET_MINSIZE];
    size_t resizes;    /* tables allocated so far */
} pyset;

/* set.add(key) for a key the set does not hold yet, taking the caller's reference. 0, or -1 when out
 * of memory, the set then unchanged and the key still the caller's. */
int pyset_add(pyset *s, const int64_t *key) __attribute__((warn_unused_result));
/* `key in s`: 1 or 0. */
int pyset_contains(const pyset *s, const int64_t *key);
/* Release every key and the table; the set is empty again. */
void pyset_free(pyset *s);

#endif /* IDIOM_PYSET_H */
