/* records.h: n records (order_id, double_val, square_val) held five ways: the mechanism models of
 * article 000's dict of tuples (CPython's compact dict), list of namedtuples and list of dataclass
 * instances (appended to a list that grows as CPython's does, each made by a call), and the C
 * programmer's two: a packed array and a uthash map. Each layout creates the records from their ids,
 * reads one field of every record in its own way (by key, by offset, or by field name), and frees
 * them, behind one table of functions. */
#ifndef IDIOM_RECORDS_H
#define IDIOM_RECORDS_H

#include "compact_dict.h"
#include "pylist.h"

#include <stddef.h>
#include <stdint.h>

/* One record's values: the article's (i, 2 * i, i ** 2). */
typedef struct record_fields {
    int64_t order_id;
    int64_t double_val;
    int64_t square_val;
} record_fields;

/* The record the article makes of id. */
record_fields record_of(int64_t id);

struct record_map_node;
struct record_object;

/* Records as one layout holds them; which member is used is the layout's business. */
typedef struct record_store {
    size_t n;                         /* records held */
    compact_dict dict;                /* dict_of_tuples: order_id to a separately allocated pair */
    struct record_map_node *map;      /* uthash_map: uthash map from order_id to a node holding its pair */
    pylist list;                      /* tuple_records: separately allocated records;
                                         object_records: records with a field map each */
    record_fields *packed;            /* packed_structs: n records in one array */
    size_t calls;                     /* calls to a record's constructor (__new__ or __init__) */
} record_store;

/* One layout's functions. */
typedef struct record_layout {
    const char *name;
    /* Create the records of ids[0..n) in that order into an empty store. 0, or -1 when out of
     * memory, with the store left empty and nothing leaked. */
    int (*create)(record_store *store, const int64_t *ids, size_t n);
    /* The sum of square_val over every record, each read as the layout reads a field: the dict by
     * looking each id of ids (the creation order) up, the others by walking their array. */
    int64_t (*sum_square_val)(const record_store *store, const int64_t *ids);
    /* The record created i-th, whose id was id; 0, or -1 if the layout has no such record. */
    int (*get)(const record_store *store, size_t i, int64_t id, record_fields *out);
    /* Free everything and leave the store empty. */
    void (*destroy)(record_store *store);
} record_layout;

extern const record_layout record_dict_of_tuples;  /* {i: (2 * i, i ** 2)}: CPython's compact dict */
extern const record_layout record_tuple_records;   /* [Order(i, 2 * i, i ** 2)], a namedtuple per record */
extern const record_layout record_object_records;  /* [OrderDataClass(...)], a __dict__ per record */
extern const record_layout record_packed_structs;  /* one array of structs: the C programmer's records */
extern const record_layout record_uthash_map;      /* a uthash map: the C programmer's dict */

#endif /* IDIOM_RECORDS_H */
