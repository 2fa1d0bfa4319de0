/* string_map.c: see string_map.h. The lookups live here, in their own translation unit, so that a
 * caller's test-then-get really runs two lookups: the compiler cannot merge calls it cannot see into. */
#include "string_map.h"

#include <assert.h>
#include <string.h>

/* uthash calls this when HASH_ADD runs out of memory, after taking the item back out. */
static int add_ran_out_of_memory;
#define uthash_nonfatal_oom(item) (add_ran_out_of_memory = 1)
#include "uthash_counted.h"

struct string_map_node {
    UT_hash_handle hh; /* uthash's bookkeeping: about 56 bytes on 64-bit */
    int value;
    size_t len;        /* bytes of key */
    char key[];        /* the key's bytes, copied */
};

static string_map_node *find(const string_map *map, const char *key, size_t len) {
    string_map_node *found;
    HASH_FIND(hh, map->head, key, len, found);
    return found;
}

/* One node allocation per distinct key (its header plus the key bytes), plus uthash's bucket array
 * as it doubles. O(n) expected. On failure returns -1 with the map freed and empty: uthash's
 * non-fatal OOM path does not add the node, and we free it. */
int string_map_build(string_map *map, const char *const *keys, const size_t *lens, const int *values, size_t n) {
    string_map built = {NULL, 0};
    for (size_t i = 0; i < n; i++) {
        string_map_node *node = find(&built, keys[i], lens[i]);
        if (node) {
            node->value = values[i];
            continue;
        }
        node = memcount_malloc(sizeof *node + lens[i]);
        if (node == NULL) {
            string_map_free(&built);
            *map = built;
            return -1;
        }
        node->value = values[i];
        node->len = lens[i];
        memcpy(node->key, keys[i], lens[i]);
        add_ran_out_of_memory = 0;
        HASH_ADD(hh, built.head, key, lens[i], node);
        if (add_ran_out_of_memory) {
            memcount_free(node);
            string_map_free(&built);
            *map = built;
            return -1;
        }
        built.len++;
    }
    *map = built;
    return 0;
}

/* Hash the key, walk its bucket's chain comparing keys. O(1) expected; O(len) for the hash. */
int string_map_contains(const string_map *map, const char *key, size_t len) { return find(map, key, len) != NULL; }

/* The same lookup again: the second half of `if key in d: return d[key]`. */
int string_map_get(const string_map *map, const char *key, size_t len) {
    const string_map_node *node = find(map, key, len);
    assert(node != NULL && "string_map_get: the key must be present");
    return node->value;
}

/* One lookup; the caller branches on the status. */
int string_map_find(const string_map *map, const char *key, size_t len, int *value) {
    const string_map_node *node = find(map, key, len);
    if (node == NULL) return 0;
    *value = node->value;
    return 1;
}

/* One lookup, with a miss reported the way an exception is: control leaves through longjmp to
 * whatever setjmp armed *on_missing, skipping the caller's code after the call. */
int string_map_get_or_longjmp(const string_map *map, const char *key, size_t len, jmp_buf *on_missing) {
    const string_map_node *node = find(map, key, len);
    if (node == NULL) longjmp(*on_missing, 1);
    return node->value;
}

/* Free every node and the bucket array. */
void string_map_free(string_map *map) {
    string_map_node *node, *next;
    HASH_ITER(hh, map->head, node, next) {
        HASH_DEL(map->head, node);
        memcount_free(node);
    }
    *map = (string_map){NULL, 0};
}
