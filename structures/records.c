/* records.c: the five record layouts; see records.h. */
#include "records.h"
#include "barriers.h"

#include "pyalloc.h"

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

/* ---- dict_of_tuples: {i: (2 * i, i ** 2) for i in range(n)}, as CPython runs it ---- */

/* Frees each entry's pair, then the table. */
static void dict_destroy(record_store *store) {
    for (size_t i = 0; i < store->dict.used; i++) pyalloc_free(compact_dict_entry_at(&store->dict, i)->value, 2 * sizeof(int64_t));
    compact_dict_free(&store->dict);
    store->n = 0;
}

/* Per record, as the comprehension's bytecode does: the value tuple (2 * i, i ** 2), a separate
 * small-object allocation (BUILD_TUPLE), then d[i] = it (MAP_ADD: insertdict), the dict growing from
 * empty through CPython's resizes. The int objects are not modelled: every layout would make the
 * same three per record. */
static int dict_create(record_store *store, const int64_t *ids, size_t n) {
    for (size_t i = 0; i < n; i++) {
        const record_fields r = record_of(ids[i]);
        int64_t *pair = pyalloc_malloc(2 * sizeof *pair);
        if (pair == NULL) {
            dict_destroy(store);
            return -1;
        }
        pair[0] = r.double_val;
        pair[1] = r.square_val;
        if (compact_dict_set(&store->dict, compact_dict_hash_int(r.order_id), (intptr_t)r.order_id, pair) != 0) {
            pyalloc_free(pair, 2 * sizeof *pair);
            dict_destroy(store);
            return -1;
        }
        store->n++;
    }
    return 0;
}

/* `sum(d[i][1] for i in ids)`: a lookup per record. A missing id reads as 0, which the caller's
 * check against the true sum catches. */
static int64_t dict_sum_square_val(const record_store *store, const int64_t *ids) {
    compact_dict *dict = (compact_dict *)&store->dict; /* lookups count their probes */
    int64_t sum = 0;
    for (size_t i = 0; i < store->n; i++) {
        const int64_t *pair = compact_dict_get(dict, compact_dict_hash_int(ids[i]), (intptr_t)ids[i]);
        sum += pair ? pair[1] : 0;
    }
    return sum;
}

static int dict_get(const record_store *store, size_t i, int64_t id, record_fields *out) {
    (void)i;
    const int64_t *pair = compact_dict_get((compact_dict *)&store->dict, compact_dict_hash_int(id), (intptr_t)id);
    if (pair == NULL) return -1;
    *out = (record_fields){id, pair[0], pair[1]};
    return 0;
}

const record_layout record_dict_of_tuples = {"dict_of_tuples", dict_create, dict_sum_square_val, dict_get,
                                             dict_destroy};

/* ---- the list both record lists are appended to ---- */

/* The list and each of its items, whose size is item_size. */
static void list_free(record_store *store, size_t item_size) {
    for (size_t i = 0; i < store->list.n; i++) pyalloc_free(store->list.items[i], item_size);
    pylist_free(&store->list);
    store->n = 0;
    store->calls = 0;
}

/* ---- tuple_records: [Order(i, 2 * i, i ** 2) for i in range(n)] ---- */

/* Order(...): a namedtuple's __new__ is a Python-level function (collections/__init__.py:
 * `def __new__(_cls, order_id, double_val, square_val): return _tuple_new(_cls, (...))`), so each
 * record is made by a call the compiler may neither inline nor specialise (noipa), which allocates
 * the immutable record. NULL when out of memory. */
IDIOM_NOIPA static record_fields *order_new(int64_t order_id, int64_t double_val, int64_t square_val,
                                                       size_t *calls) {
    ++*calls;
    record_fields *r = pyalloc_malloc(sizeof *r);
    if (r != NULL) *r = (record_fields){order_id, double_val, square_val};
    return r;
}

static void tuples_destroy(record_store *store) { list_free(store, sizeof(record_fields)); }

/* Per record: the constructor's call and allocation, then the comprehension's append (LIST_APPEND),
 * the list growing as CPython's does (pylist). */
static int tuples_create(record_store *store, const int64_t *ids, size_t n) {
    for (size_t i = 0; i < n; i++) {
        const record_fields v = record_of(ids[i]);
        record_fields *r = order_new(v.order_id, v.double_val, v.square_val, &store->calls);
        if (r == NULL || pylist_append(&store->list, r) != 0) {
            pyalloc_free(r, sizeof *r);
            tuples_destroy(store);
            return -1;
        }
        store->n++;
    }
    return 0;
}

/* `sum(r.square_val for r in records)`: a namedtuple field is an offset, behind one pointer. */
static int64_t tuples_sum_square_val(const record_store *store, const int64_t *ids) {
    (void)ids;
    int64_t sum = 0;
    for (size_t i = 0; i < store->n; i++) sum += ((const record_fields *)store->list.items[i])->square_val;
    return sum;
}

static int tuples_get(const record_store *store, size_t i, int64_t id, record_fields *out) {
    (void)id;
    if (i >= store->n) return -1;
    *out = *(const record_fields *)store->list.items[i];
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
    for (size_t i = 0; i < store->list.n; i++)
        pyalloc_free(((struct record_object *)store->list.items[i])->fields, FIELD_SLOTS * sizeof(field_slot));
    list_free(store, sizeof(struct record_object));
}

/* OrderDataClass(...): the instance, then the dataclass's generated __init__, a Python-level function
 * (noipa, as order_new) that stores the three fields by name into the instance's own field table (in
 * CPython 3.11, a values array beside the object: two allocations). NULL when out of memory. */
IDIOM_NOIPA static struct record_object *order_dataclass_new(int64_t order_id, int64_t double_val,
                                                                        int64_t square_val, size_t *calls) {
    ++*calls;
    struct record_object *object = pyalloc_malloc(sizeof *object);
    field_slot *fields = object ? pyalloc_malloc(FIELD_SLOTS * sizeof *fields) : NULL;
    if (fields == NULL) {
        pyalloc_free(object, sizeof *object);
        return NULL;
    }
    memset(fields, 0, FIELD_SLOTS * sizeof *fields);
    field_set(fields, &order_id_name, order_id);
    field_set(fields, &double_val_name, double_val);
    field_set(fields, &square_val_name, square_val);
    *object = (struct record_object){&record_object_records, fields};
    return object;
}

/* Per record: the instance made by its constructor, then appended, the list growing as CPython's. */
static int objects_create(record_store *store, const int64_t *ids, size_t n) {
    hash_field_names();
    for (size_t i = 0; i < n; i++) {
        const record_fields v = record_of(ids[i]);
        struct record_object *object = order_dataclass_new(v.order_id, v.double_val, v.square_val, &store->calls);
        if (object == NULL || pylist_append(&store->list, object) != 0) {
            if (object != NULL) {
                pyalloc_free(object->fields, FIELD_SLOTS * sizeof *object->fields);
                pyalloc_free(object, sizeof *object);
            }
            objects_destroy(store);
            return -1;
        }
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
    for (size_t i = 0; i < store->n; i++)
        sum += field_get(((const struct record_object *)store->list.items[i])->fields, &square_val_name, &found);
    return sum;
}

static int objects_get(const record_store *store, size_t i, int64_t id, record_fields *out) {
    (void)id;
    if (i >= store->n) return -1;
    const field_slot *fields = ((const struct record_object *)store->list.items[i])->fields;
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

/* ---- uthash_map: {i: (2 * i, i ** 2)} as a C programmer writes a map ---- */

/* One map entry: the key and its pair in one node, the C idiom (CPython's dict holds the key, the
 * tuple and its two ints as separate objects: see dict_of_tuples). */
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

const record_layout record_uthash_map = {"uthash_map", map_create, map_sum_square_val, map_get, map_destroy};
