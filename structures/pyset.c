/* pyset.c: see pyset.h. Follows set_lookkey, set_add_entry, set_insert_clean and set_table_resize of
 * CPython 3.11's Objects/setobject.c. */
#include "pyset.h"

#include "compact_dict.h"
#include "pyalloc.h"
#include "pyint.h"

#include <string.h>

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define LARGE_SET_USED 50000 /* past this, a resize doubles rather than quadruples */

static const pyset_entry *slots(const pyset *s) { return s->table ? s->table : s->smalltable; }
static size_t mask_of(const pyset *s) { return s->table ? s->mask : PYSET_MINSIZE - 1; }

/* The slot of key: where it is, or the empty slot where the lookup ends (set_lookkey, which never
 * meets a dummy here since nothing is deleted). */
static const pyset_entry *lookkey(const pyset *s, const int64_t *key, int64_t hash) {
    const pyset_entry *table = slots(s);
    const size_t mask = mask_of(s);
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        const pyset_entry *entry = &table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) return entry;
            if (entry->hash == hash && pyint_equal(entry->key, key)) return entry;
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* set_insert_clean: the first empty slot of hash's probe sequence in a table of no equal key. */
static pyset_entry *clean_slot(pyset_entry *table, size_t mask, int64_t hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        pyset_entry *entry = &table[i];
        if (entry->key == NULL) return entry;
        if (i + LINEAR_PROBES <= mask)
            for (int j = 0; j < LINEAR_PROBES; j++)
                if ((++entry)->key == NULL) return entry;
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* set_table_resize to the smallest power of two above minused (never below the inline size). */
static int resize(pyset *s, size_t minused) {
    size_t newsize = PYSET_MINSIZE;
    while (newsize <= minused) newsize <<= 1;
    pyset_entry *grown = pyalloc_malloc(newsize * sizeof *grown);
    if (grown == NULL) return -1;
    memset(grown, 0, newsize * sizeof *grown);
    const pyset_entry *old = slots(s);
    const size_t old_slots = mask_of(s) + 1;
    for (size_t i = 0; i < old_slots; i++)
        if (old[i].key != NULL) *clean_slot(grown, newsize - 1, old[i].hash) = old[i];
    if (s->table) pyalloc_free(s->table, old_slots * sizeof *s->table);
    s->table = grown;
    s->mask = newsize - 1;
    s->resizes++;
    return 0;
}

/* set_add_entry for a key not in the set: stored, then the table grown if three fifths full. If the
 * growth fails, the key is taken out again, so that a failed add changes nothing. */
int pyset_add(pyset *s, const int64_t *key) {
    const int64_t hash = compact_dict_hash_int(*key);
    pyset_entry *entry = (pyset_entry *)lookkey(s, key, hash);
    entry->key = key;
    entry->hash = hash;
    s->fill++;
    s->used++;
    if (s->fill * 5 < mask_of(s) * 3) return 0;
    if (resize(s, s->used > LARGE_SET_USED ? s->used * 2 : s->used * 4) == 0) return 0;
    *entry = (pyset_entry){0};
    s->fill--;
    s->used--;
    return -1;
}

int pyset_contains(const pyset *s, const int64_t *key) {
    return lookkey(s, key, compact_dict_hash_int(*key))->key != NULL;
}

void pyset_free(pyset *s) {
    const pyset_entry *table = slots(s);
    const size_t n = mask_of(s) + 1;
    for (size_t i = 0; i < n; i++) pyint_release(table[i].key);
    if (s->table) pyalloc_free(s->table, n * sizeof *s->table);
    *s = (pyset){0};
}
