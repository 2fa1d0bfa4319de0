/* uthash_set.c: see uthash_set.h. */
#include "uthash_set.h"

/* uthash calls this when HASH_ADD runs out of memory, after taking the item back out. */
static int add_ran_out_of_memory;
#define uthash_nonfatal_oom(item) (add_ran_out_of_memory = 1)
#include "uthash_counted.h"

struct uthash_set_node {
    int64_t key;
    UT_hash_handle hh; /* uthash's bookkeeping: about 56 bytes on 64-bit */
};

/* Per element one node allocation, plus uthash's bucket array as it doubles. On failure returns
 * -1 with the set freed and empty: uthash's non-fatal OOM path does not add the node, and we free it. */
int uthash_set_build(uthash_set *set, const int64_t *values, size_t n) {
    uthash_set built = {NULL, 0};
    for (size_t i = 0; i < n; i++) {
        uthash_set_node *found;
        HASH_FIND(hh, built.head, &values[i], sizeof values[i], found);
        if (found) continue;
        uthash_set_node *node = memcount_malloc(sizeof *node);
        if (node == NULL) {
            uthash_set_free(&built);
            *set = built;
            return -1;
        }
        node->key = values[i];
        add_ran_out_of_memory = 0;
        HASH_ADD(hh, built.head, key, sizeof node->key, node);
        if (add_ran_out_of_memory) {
            memcount_free(node);
            uthash_set_free(&built);
            *set = built;
            return -1;
        }
        built.len++;
    }
    *set = built;
    return 0;
}

int uthash_set_contains(const uthash_set *set, int64_t key) {
    uthash_set_node *found;
    HASH_FIND(hh, set->head, &key, sizeof key, found);
    return found != NULL;
}

void uthash_set_free(uthash_set *set) {
    uthash_set_node *node, *next;
    HASH_ITER(hh, set->head, node, next) {
        HASH_DEL(set->head, node);
        memcount_free(node);
    }
    *set = (uthash_set){NULL, 0};
}
