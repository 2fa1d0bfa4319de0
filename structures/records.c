/* records.c: the four record layouts; see records.h. */
#include "records.h"

#include <string.h>

/* uthash calls this when HASH_ADD runs out of memory, after taking the item back out. */
static int add_ran_out_of_memory;
#define uthash_nonfatal_oom(item) (add_ran_out_of_memory = 1)
#include "uthash_counted.h"

record_fields record_of(int64_t id) { return (record_fields){id, 2 * id, id * id}; }

/* An array of n elements of size bytes (one element's worth when n is 0, so that the array exists);
 * NULL when out of memory or when n * size does not fit a size_t. */
static void *alloc_array(size_t n, size_t size) {
    if (n > SIZE_MAX / size) return NULL;
    return memcount_malloc((n ? n : 1) * size);
}

/* ---- dict_of_tuples: {i: (2 * i, i ** 2)} ---- */

/* One dict entry: the key and its tuple in one node (CPython's dict would hold the key, the tuple
 * and its two ints as separate objects; one node is the C idiom). */
struct record_map_node {
    int64_t order_id;
    int64_t pair[2];   /* (double_val, square_val) */
    UT_hash_handle hh; /* uthash's bookkeeping: about 56 bytes on 64-bit */
};

/* Frees the bucket table first (HASH_CLEAR leaves the nodes and their list intact), then walks the
 * nodes: one pass, with no unlinking work per node. */
static void map_destroy(record_store *store) {
    struct record_map_node *node = store->map, *next;
    HASH_CLEAR(hh, store->map);
    for (; node != NULL; node = next) {
        next = node->hh.next;
        memcount_free(node);
    }
    store->n = 0;
}

/* A node per record, added without a lookup first (ids are distinct, as range(n) is), plus
 * uthash's bucket array as it doubles. */
static int map_create(record_store *store, const int64_t *ids, size_t n) {
    for (size_t i = 0; i < n; i++) {
        struct record_map_node *node = memcount_malloc(sizeof *node);
        if (node == NULL) {
            map_destroy(store);
            return -1;
        }
        const record_fields r = record_of(ids[i]);
        node->order_id = r.order_id;
        node->pair[0] = r.double_val;
        node->pair[1] = r.square_val;
        add_ran_out_of_memory = 0;
        HASH_ADD(hh, store->map, order_id, sizeof node->order_id, node);
        if (add_ran_out_of_memory) {
            memcount_free(node);
            map_destroy(store);
            return -1;
        }
        store->n++;
    }
    return 0;
}

static const struct record_map_node *map_find(const record_store *store, int64_t id) {
    struct record_map_node *found;
    HASH_FIND(hh, store->map, &id, sizeof id, found);
    return found;
}

/* `sum(d[i][1] for i in ids)`: a hash lookup per record. A missing id reads as 0, which the caller's
 * check against the true sum catches. */
static int64_t map_sum_square_val(const record_store *store, const int64_t *ids) {
    int64_t sum = 0;
    for (size_t i = 0; i < store->n; i++) {
        const struct record_map_node *node = map_find(store, ids[i]);
        sum += node ? node->pair[1] : 0;
    }
    return sum;
}

static int map_get(const record_store *store, size_t i, int64_t id, record_fields *out) {
    (void)i;
    const struct record_map_node *node = map_find(store, id);
    if (node == NULL) return -1;
    *out = (record_fields){node->order_id, node->pair[0], node->pair[1]};
    return 0;
}

const record_layout record_dict_of_tuples = {"dict_of_tuples", map_create, map_sum_square_val, map_get, map_destroy};

/* ---- tuple_records: [Order(i, 2 * i, i ** 2) for i in ...] ---- */

static void tuples_destroy(record_store *store) {
    if (store->tuples != NULL)
        for (size_t i = 0; i < store->n; i++) memcount_free(store->tuples[i]);
    memcount_free(store->tuples);
    store->tuples = NULL;
    store->n = 0;
}

/* The list (an array of n pointers, allocated once as a comprehension of known length would be),
 * then one allocation per immutable record. */
static int tuples_create(record_store *store, const int64_t *ids, size_t n) {
    store->tuples = alloc_array(n, sizeof *store->tuples);
    if (store->tuples == NULL) return -1;
    for (size_t i = 0; i < n; i++) {
        record_fields *r = memcount_malloc(sizeof *r);
        if (r == NULL) {
            tuples_destroy(store);
            return -1;
        }
        *r = record_of(ids[i]);
        store->tuples[i] = r;
        store->n++;
    }
    return 0;
}

/* `sum(r.square_val for r in records)`: a namedtuple field is an offset, behind one pointer. */
static int64_t tuples_sum_square_val(const record_store *store, const int64_t *ids) {
    (void)ids;
    int64_t sum = 0;
    for (size_t i = 0; i < store->n; i++) sum += store->tuples[i]->square_val;
    return sum;
}

static int tuples_get(const record_store *store, size_t i, int64_t id, record_fields *out) {
    (void)id;
    if (i >= store->n) return -1;
    *out = *store->tuples[i];
    return 0;
}

const record_layout record_tuple_records = {"tuple_records", tuples_create, tuples_sum_square_val, tuples_get,
                                            tuples_destroy};

/* ---- object_records: [OrderDataClass(i, 2 * i, i ** 2) for i in ...] ---- */

/* A field name as CPython holds an attribute name: one interned string with its hash cached. */
typedef struct field_name {
    const char *text;
    uint32_t hash; /* FNV-1a of text, computed once */
} field_name;

static field_name order_id_name = {"order_id", 0}, double_val_name = {"double_val", 0},
                  square_val_name = {"square_val", 0};

static uint32_t fnv1a(const char *text) {
    uint32_t hash = 2166136261u; /* FNV-1a's 32-bit offset basis and prime */
    for (; *text; text++) hash = (hash ^ (unsigned char)*text) * 16777619u;
    return hash;
}

/* Hash the three names once, as CPython hashes an interned string once. */
static void hash_field_names(void) {
    if (order_id_name.hash != 0) return;
    order_id_name.hash = fnv1a(order_id_name.text);
    double_val_name.hash = fnv1a(double_val_name.text);
    square_val_name.hash = fnv1a(square_val_name.text);
}

/* The instance's __dict__: an open table of FIELD_SLOTS slots, probed linearly from the name's hash.
 * Three fields in four slots, as a small CPython dict keeps a third of its slots free. */
#define FIELD_SLOTS 4
typedef struct field_slot {
    const field_name *name; /* NULL: empty */
    int64_t value;
} field_slot;

/* An instance: its class (shared, as a type pointer is) and its own field table. */
struct record_object {
    const record_layout *cls;
    field_slot *fields; /* FIELD_SLOTS slots */
};

static void field_set(field_slot *fields, const field_name *name, int64_t value) {
    size_t slot = name->hash % FIELD_SLOTS;
    while (fields[slot].name != NULL && fields[slot].name != name) slot = (slot + 1) % FIELD_SLOTS;
    fields[slot] = (field_slot){name, value};
}

/* `getattr(obj, name)` through the instance dict: probe from the cached hash; a slot matches by
 * identity, as interned names do, or else by comparing the text. 0 if absent. */
static int64_t field_get(const field_slot *fields, const field_name *name, int *found) {
    size_t slot = name->hash % FIELD_SLOTS;
    for (size_t probes = 0; probes < FIELD_SLOTS && fields[slot].name != NULL; probes++) {
        if (fields[slot].name == name || strcmp(fields[slot].name->text, name->text) == 0) {
            *found = 1;
            return fields[slot].value;
        }
        slot = (slot + 1) % FIELD_SLOTS;
    }
    *found = 0;
    return 0;
}

static void objects_destroy(record_store *store) {
    if (store->objects != NULL) {
        for (size_t i = 0; i < store->n; i++) {
            memcount_free(store->objects[i]->fields);
            memcount_free(store->objects[i]);
        }
    }
    memcount_free(store->objects);
    store->objects = NULL;
    store->n = 0;
}

/* The list, then per record two allocations (the instance and its field table) and three
 * insertions by name. */
static int objects_create(record_store *store, const int64_t *ids, size_t n) {
    hash_field_names();
    store->objects = alloc_array(n, sizeof *store->objects);
    if (store->objects == NULL) return -1;
    for (size_t i = 0; i < n; i++) {
        struct record_object *object = memcount_malloc(sizeof *object);
        field_slot *fields = object ? memcount_calloc(FIELD_SLOTS, sizeof *fields) : NULL;
        if (fields == NULL) {
            memcount_free(object);
            objects_destroy(store);
            return -1;
        }
        const record_fields r = record_of(ids[i]);
        field_set(fields, &order_id_name, r.order_id);
        field_set(fields, &double_val_name, r.double_val);
        field_set(fields, &square_val_name, r.square_val);
        *object = (struct record_object){&record_object_records, fields};
        store->objects[i] = object;
        store->n++;
    }
    return 0;
}

/* `sum(r.square_val for r in records)` on dataclass instances: a name lookup per record, behind
 * two pointers. A missing field reads as 0, which the caller's check catches. */
static int64_t objects_sum_square_val(const record_store *store, const int64_t *ids) {
    (void)ids;
    int64_t sum = 0;
    int found;
    for (size_t i = 0; i < store->n; i++) sum += field_get(store->objects[i]->fields, &square_val_name, &found);
    return sum;
}

static int objects_get(const record_store *store, size_t i, int64_t id, record_fields *out) {
    (void)id;
    if (i >= store->n) return -1;
    const field_slot *fields = store->objects[i]->fields;
    int found_id, found_double, found_square;
    *out = (record_fields){field_get(fields, &order_id_name, &found_id), field_get(fields, &double_val_name, &found_double),
                           field_get(fields, &square_val_name, &found_square)};
    return found_id && found_double && found_square ? 0 : -1;
}

const record_layout record_object_records = {"object_records", objects_create, objects_sum_square_val, objects_get,
                                             objects_destroy};

/* ---- packed_structs: one array of structs ---- */

static void packed_destroy(record_store *store) {
    memcount_free(store->packed);
    store->packed = NULL;
    store->n = 0;
}

/* One allocation for all n records. */
static int packed_create(record_store *store, const int64_t *ids, size_t n) {
    store->packed = alloc_array(n, sizeof *store->packed);
    if (store->packed == NULL) return -1;
    for (size_t i = 0; i < n; i++) store->packed[i] = record_of(ids[i]);
    store->n = n;
    return 0;
}

static int64_t packed_sum_square_val(const record_store *store, const int64_t *ids) {
    (void)ids;
    int64_t sum = 0;
    for (size_t i = 0; i < store->n; i++) sum += store->packed[i].square_val;
    return sum;
}

static int packed_get(const record_store *store, size_t i, int64_t id, record_fields *out) {
    (void)id;
    if (i >= store->n) return -1;
    *out = store->packed[i];
    return 0;
}

const record_layout record_packed_structs = {"packed_structs", packed_create, packed_sum_square_val, packed_get,
                                             packed_destroy};
