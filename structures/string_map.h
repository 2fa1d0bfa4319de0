/* string_map.h: a map from byte-string keys to ints on uthash, one node per key holding a copy of
 * the key, as a Python dict of str holds its entries. Three ways to read it: test then get (two
 * lookups), one lookup with a found/not-found status, and one that longjmps on a missing key. */
#ifndef IDIOM_STRING_MAP_H
#define IDIOM_STRING_MAP_H

#include <setjmp.h>
#include <stddef.h>

typedef struct string_map_node string_map_node;

typedef struct string_map {
    string_map_node *head; /* uthash's table handle: NULL when empty */
    size_t len;            /* distinct keys */
} string_map;

/* Map keys[i] (lens[i] bytes) to values[i]; a repeated key keeps the last value, as a dict does.
 * 0, or -1 if out of memory (map left empty, nothing leaked). */
int string_map_build(string_map *map, const char *const *keys, const size_t *lens, const int *values, size_t n)
    __attribute__((warn_unused_result));
/* 1 if key is present, else 0. */
int string_map_contains(const string_map *map, const char *key, size_t len);
/* The value of a key that must be present (checked by assert). */
int string_map_get(const string_map *map, const char *key, size_t len);
/* 1 and *value set if key is present, else 0 and *value untouched. */
int string_map_find(const string_map *map, const char *key, size_t len, int *value);
/* The value of key; if it is missing, longjmp(*on_missing, 1) instead of returning. */
int string_map_get_or_longjmp(const string_map *map, const char *key, size_t len, jmp_buf *on_missing);
void string_map_free(string_map *map);

#endif /* IDIOM_STRING_MAP_H */
