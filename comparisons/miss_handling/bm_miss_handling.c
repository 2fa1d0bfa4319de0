/* bm_miss_handling.c: article 000's "LBYL vs EAFP": look up 10,000 keys, some missing, in a dict of
 * 100,000 random strings, testing for the key first, or taking an error path when it is missing. */
#include "bench.h"
#include "barriers.h"
#include "compact_dict.h"
#include "memcount.h"
#include "pyalloc.h"
#include "pyint.h"
#include "rng.h"
#include "string_map.h"

#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#define KEY_LEN 10          /* the article's random 10-character lowercase keys */
#define TABLE_KEYS 100000   /* the article's dict size */
#define LOOKUPS 10000       /* the article's keys to check per run: one iteration */
#define BLOCKS 8            /* pre-drawn shuffled blocks per hit ratio, timed in rotation */
#define VALUE_MIN 1         /* the article's values: random.randint(1, 100) */
#define VALUE_MAX 100
#define MISSING 0           /* what a lookup returns for a missing key (the article's None) */
enum { STREAM_TABLE = 1, STREAM_BLOCKS = 2 }; /* independent PRNG streams of this comparison */

/* A str as CPython holds one (the mechanism model's keys): an object of its own, its hash computed
 * once and cached in it, as unicode_hash does, then its characters. */
typedef struct py_str {
    int64_t hash;
    char text[KEY_LEN];
} py_str;
/* What one such object takes: sys.getsizeof of a 10-character ASCII str in CPython 3.11.2 here. The
 * 100,000 keys so fill pymalloc's arenas as CPython's do, and the KeyErrors of the error path come
 * from pools of arenas already in use, as in CPython, rather than a fresh arena each. */
#define PY_STR_BYTES 59

/* The dict: drawn once per process and shared by every benchmark, as the article builds it once;
 * held twice, as the C programmer's uthash map of byte strings and as CPython's dict of str. */
typedef struct table {
    char *keys;       /* TABLE_KEYS distinct keys, KEY_LEN bytes each, back to back */
    int *values;      /* values[i] belongs to key i */
    string_map map;
    py_str **key_objects; /* key i as a str object */
    compact_dict dict;   /* key_objects[i] to values[i] as an int object (1..100: the small-int cache's) */
} table;

/* One iteration's lookups, and what they must add up to. */
typedef struct query_block {
    const char *keys[LOOKUPS];  /* into the table's keys (hits) or missing_keys (misses), shuffled */
    char missing_keys[LOOKUPS * KEY_LEN];
    const py_str *objects[LOOKUPS]; /* the same keys as str objects: a hit is the dict's own key */
    py_str *missing_objects[LOOKUPS]; /* the missing keys' objects, made for this block, or NULL */
    long long expected_sum;     /* sum of the values of the keys present */
    size_t expected_misses;
} query_block;

/* What a variant's pass over a block found. */
typedef struct lookup_totals {
    long long sum;
    size_t misses;
    size_t out_of_memory; /* misses whose KeyError could not be allocated */
} lookup_totals;

/* A stand-in for str's hash (CPython's is SipHash-1-3 of the characters): FNV-1a, then
 * MurmurHash3's finaliser, never -1. Computed once per key object; lookups read the cached value. */
static int64_t py_str_hash(const char *text) {
    uint64_t h = 14695981039346656037ull; /* FNV-1a's 64-bit offset basis and prime */
    for (size_t i = 0; i < KEY_LEN; i++) h = (h ^ (unsigned char)text[i]) * 1099511628211ull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    const int64_t hash = (int64_t)h;
    return hash == -1 ? -2 : hash;
}

/* A new str object of text, hashed. NULL when out of memory. */
static py_str *py_str_new(const char *text) {
    py_str *s = pyalloc_malloc(PY_STR_BYTES);
    if (s == NULL) return NULL;
    memcpy(s->text, text, KEY_LEN);
    s->hash = py_str_hash(text);
    return s;
}

static void py_str_free(py_str *s) { pyalloc_free(s, PY_STR_BYTES); }

/* unicode_eq for two str of one length and kind: their characters compared. */
static int py_str_eq(intptr_t a, intptr_t b) {
    return memcmp(((const py_str *)a)->text, ((const py_str *)b)->text, KEY_LEN) == 0;
}

static void draw_key(rng *r, char *key) {
    for (size_t i = 0; i < KEY_LEN; i++) key[i] = (char)('a' + rng_below(r, 26));
}

static int compare_keys(const void *a, const void *b) { return memcmp(*(char *const *)a, *(char *const *)b, KEY_LEN); }

/* Redraw keys until no two are equal (the article's dict comprehension would merge them instead,
 * leaving fewer than 100,000 keys; at 26^10 possible keys a repeat is rare). 0, or -1 if out of memory. */
static int make_keys_distinct(rng *r, char *keys) {
    char **sorted = memcount_malloc(TABLE_KEYS * sizeof *sorted);
    if (sorted == NULL) return -1;
    for (int repeats = 1; repeats > 0;) {
        for (size_t i = 0; i < TABLE_KEYS; i++) sorted[i] = keys + i * KEY_LEN;
        qsort(sorted, TABLE_KEYS, sizeof *sorted, compare_keys);
        repeats = 0;
        for (size_t i = 1; i < TABLE_KEYS; i++)
            if (memcmp(sorted[i - 1], sorted[i], KEY_LEN) == 0) {
                draw_key(r, sorted[i]);
                repeats++;
            }
    }
    memcount_free(sorted);
    return 0;
}

static void table_free(table *t) {
    string_map_free(&t->map);
    compact_dict_free(&t->dict);
    if (t->key_objects != NULL)
        for (size_t i = 0; i < TABLE_KEYS; i++) py_str_free(t->key_objects[i]);
    memcount_free(t->key_objects);
    memcount_free(t->keys);
    memcount_free(t->values);
}

/* The str objects of the table's keys, and the dict from them to the values' int objects. */
static int table_make_dict(table *t) {
    t->key_objects = memcount_calloc(TABLE_KEYS, sizeof *t->key_objects);
    if (t->key_objects == NULL) return -1;
    t->dict = (compact_dict){.eq = py_str_eq};
    for (size_t i = 0; i < TABLE_KEYS; i++) {
        py_str *key = t->key_objects[i] = py_str_new(t->keys + i * KEY_LEN);
        if (key == NULL || compact_dict_set(&t->dict, key->hash, (intptr_t)key, (void *)pyint_small(t->values[i])) != 0)
            return -1;
    }
    return 0;
}

static int table_make(table *t) {
    *t = (table){0};
    t->keys = memcount_malloc(TABLE_KEYS * KEY_LEN);
    t->values = memcount_malloc(TABLE_KEYS * sizeof *t->values);
    const char **key_ptrs = memcount_malloc(TABLE_KEYS * sizeof *key_ptrs);
    size_t *lens = memcount_malloc(TABLE_KEYS * sizeof *lens);
    int status = -1;
    if (t->keys && t->values && key_ptrs && lens) {
        rng r = rng_seeded(bench_seed(), STREAM_TABLE);
        for (size_t i = 0; i < TABLE_KEYS; i++) {
            draw_key(&r, t->keys + i * KEY_LEN);
            t->values[i] = (int)rng_between(&r, VALUE_MIN, VALUE_MAX);
            key_ptrs[i] = t->keys + i * KEY_LEN;
            lens[i] = KEY_LEN;
        }
        if (make_keys_distinct(&r, t->keys) == 0 && string_map_build(&t->map, key_ptrs, lens, t->values, TABLE_KEYS) == 0)
            status = table_make_dict(t);
    }
    memcount_free(key_ptrs);
    memcount_free(lens);
    if (status != 0) table_free(t);
    return status;
}

static table shared;
static int shared_ready; /* 1 once built, -1 if building failed */
static void free_shared_table(void) { table_free(&shared); }

/* The process's table, built on first use. NULL if out of memory. */
static table *shared_table(void) {
    if (shared_ready == 0) {
        shared_ready = table_make(&shared) == 0 ? 1 : -1;
        if (shared_ready == 1) atexit(free_shared_table);
    }
    return shared_ready == 1 ? &shared : NULL;
}

/* Draw BLOCKS blocks at this hit ratio, each as the article draws its keys: round(ratio * 10,000)
 * distinct present keys (random.sample), the rest fresh random keys not in the table, shuffled
 * together. The reference totals come from the table's own arrays, not from a lookup. */
static int draw_blocks(const table *t, double hit_ratio, query_block *blocks) {
    size_t *order = memcount_malloc(TABLE_KEYS * sizeof *order);
    if (order == NULL) return -1;
    const size_t hits = (size_t)lround(hit_ratio * LOOKUPS);
    /* One stream per hit ratio (in thousandths, spaced past the other streams): each ratio's blocks
     * are independent of the others' and the same in every run with this seed. */
    rng r = rng_seeded(bench_seed(), STREAM_BLOCKS + (uint64_t)lround(hit_ratio * 1000) * 16);
    for (size_t i = 0; i < TABLE_KEYS; i++) order[i] = i;
    for (size_t b = 0; b < BLOCKS; b++) {
        query_block *block = &blocks[b];
        block->expected_sum = 0;
        block->expected_misses = LOOKUPS - hits;
        for (size_t i = 0; i < hits; i++) { /* a partial Fisher-Yates shuffle: hits distinct keys */
            const size_t pick = i + rng_below(&r, TABLE_KEYS - i), chosen = order[pick];
            order[pick] = order[i];
            order[i] = chosen;
            block->keys[i] = t->keys + chosen * KEY_LEN;
            block->expected_sum += t->values[chosen];
        }
        for (size_t i = hits; i < LOOKUPS; i++) {
            char *key = block->missing_keys + i * KEY_LEN;
            do draw_key(&r, key);
            while (string_map_contains(&t->map, key, KEY_LEN));
            block->keys[i] = key;
        }
        rng_shuffle(&r, block->keys, LOOKUPS, sizeof block->keys[0]);
        /* The same lookups as str objects: a present key is the table's own object, as the article's
         * random.sample of the dict's keys gives back the same str; a missing one is made (and
         * hashed) here, untimed. */
        for (size_t i = 0; i < LOOKUPS; i++) {
            const char *key = block->keys[i];
            if (key >= t->keys && key < t->keys + TABLE_KEYS * KEY_LEN) {
                block->objects[i] = t->key_objects[(size_t)(key - t->keys) / KEY_LEN];
            } else {
                py_str **made = &block->missing_objects[(size_t)(key - block->missing_keys) / KEY_LEN];
                if ((*made = py_str_new(key)) == NULL) {
                    memcount_free(order);
                    return -1;
                }
                block->objects[i] = *made;
            }
        }
    }
    memcount_free(order);
    return 0;
}

/* --- the idioms, one lookup each, returning the value or MISSING --- */

/* `if key in d: return d[key]`: the key is hashed and its bucket chain walked twice on a hit. */
static int check_first(const string_map *map, const char *key) {
    if (string_map_contains(map, key, KEY_LEN)) return string_map_get(map, key, KEY_LEN);
    return MISSING;
}

/* `try: return d[key] except KeyError: return None`, with the try armed per lookup: setjmp is
 * glibc's _setjmp, which saves no signal mask (sigsetjmp(env, 0) is the same call). */
static int error_path(const string_map *map, const char *key) {
    jmp_buf on_missing;
    if (setjmp(on_missing) != 0) return MISSING;
    return string_map_get_or_longjmp(map, key, KEY_LEN, &on_missing);
}

/* The same with sigsetjmp(env, 1), which saves the signal mask (a system call) at every arm, as
 * setjmp does on the BSDs and macOS; glibc's longjmp restores it as siglongjmp would. */
static int error_path_sigmask(const string_map *map, const char *key) {
    sigjmp_buf on_missing;
    if (sigsetjmp(on_missing, 1) != 0) return MISSING;
    return string_map_get_or_longjmp(map, key, KEY_LEN, &on_missing);
}

/* One lookup that says whether it found the key: the C idiom. */
static int status_code(const string_map *map, const char *key) {
    int value;
    return string_map_find(map, key, KEY_LEN, &value) ? value : MISSING;
}

/* --- the mechanism model: the article's dict of str as CPython runs its two idioms --- */

/* The objects CPython 3.11 makes when d[key] misses (dict_subscript, then _PyErr_SetKeyError and the
 * eval loop's traceback entry): the KeyError, its args tuple holding the key, and the traceback.
 * Their sizes are sys.getsizeof of each in CPython 3.11.2 here, GC header included. */
#define KEY_ERROR_BYTES 88
#define ARGS_TUPLE_BYTES 48
#define TRACEBACK_BYTES 56
typedef struct key_error {
    const void *type; /* &key_error_type: what `except KeyError` matches */
    void *args;       /* the 1-tuple (key,) */
    void *traceback;
} key_error;
static const char key_error_type = 'K';

/* `d[key]`: the value's object, or NULL with *raised set to a new KeyError (NULL too when the
 * exception itself could not be allocated: CPython's MemoryError). Its own function, not inlined, as
 * raising leaves the eval loop's fast path for calls into the error machinery. */
IDIOM_NOIPA static const int64_t *pydict_getitem(compact_dict *d, const py_str *key, key_error **raised) {
    const int64_t *value = compact_dict_get(d, key->hash, (intptr_t)key);
    if (value != NULL) return value;
    key_error *error = pyalloc_malloc(KEY_ERROR_BYTES);
    void *args = error ? pyalloc_malloc(ARGS_TUPLE_BYTES) : NULL;
    void *traceback = args ? pyalloc_malloc(TRACEBACK_BYTES) : NULL;
    if (traceback == NULL) {
        pyalloc_free(args, ARGS_TUPLE_BYTES);
        pyalloc_free(error, KEY_ERROR_BYTES);
        *raised = NULL;
        return NULL;
    }
    memcpy(args, &key, sizeof key);
    memset(traceback, 0, TRACEBACK_BYTES);
    *error = (key_error){&key_error_type, args, traceback};
    *raised = error;
    return NULL;
}

/* `except KeyError:` entered: the type matched, then the exception dropped, its objects freed.
 * 1 if it matched. */
static int except_key_error(key_error *error) {
    const int matched = error->type == &key_error_type;
    pyalloc_free(error->traceback, TRACEBACK_BYTES);
    pyalloc_free(error->args, ARGS_TUPLE_BYTES);
    pyalloc_free(error, KEY_ERROR_BYTES);
    return matched;
}

/* What a mechanism idiom returns for a miss whose KeyError could not be allocated. */
#define RAISE_FAILED (-1)

/* `if key in d: return d[key]` on CPython's dict: two lookups on a hit, both from the key's cached
 * hash, the second finding the key by identity at once. */
static int check_first_pydict(compact_dict *d, const py_str *key) {
    if (compact_dict_get(d, key->hash, (intptr_t)key) == NULL) return MISSING;
    return (int)*(const int64_t *)compact_dict_get(d, key->hash, (intptr_t)key);
}

/* `try: return d[key] except KeyError: return None` on CPython's dict: one lookup; a miss makes a
 * KeyError, which the handler matches and drops. */
static int error_path_pydict(compact_dict *d, const py_str *key) {
    key_error *raised;
    const int64_t *value = pydict_getitem(d, key, &raised);
    if (value != NULL) return (int)*value;
    if (raised == NULL) return RAISE_FAILED;
    return except_key_error(raised) ? MISSING : RAISE_FAILED;
}

typedef int pydict_lookup_fn(compact_dict *d, const py_str *key);

/* A pass over a block's str objects with one of the two above, inlined as lookup_each is. */
static inline __attribute__((always_inline)) lookup_totals
pydict_each(compact_dict *d, const query_block *block, pydict_lookup_fn *lookup) {
    lookup_totals totals = {0, 0, 0};
    for (size_t i = 0; i < LOOKUPS; i++) {
        const int value = lookup(d, block->objects[i]);
        if (value == MISSING) totals.misses++;
        else if (value == RAISE_FAILED) totals.out_of_memory++;
        else totals.sum += value;
    }
    return totals;
}

typedef int lookup_fn(const string_map *map, const char *key);

/* A pass over a block with one of the lookups above; inlined into each caller below, so that the
 * lookup is a direct call, not one through a pointer. */
static inline __attribute__((always_inline)) lookup_totals
lookup_each(const string_map *map, const query_block *block, lookup_fn *lookup) {
    lookup_totals totals = {0, 0, 0};
    for (size_t i = 0; i < LOOKUPS; i++) {
        const int value = lookup(map, block->keys[i]);
        if (value == MISSING) totals.misses++;
        else totals.sum += value;
    }
    return totals;
}

static lookup_totals pass_check_first(table *t, const query_block *b) { return lookup_each(&t->map, b, check_first); }
static lookup_totals pass_error_path(table *t, const query_block *b) { return lookup_each(&t->map, b, error_path); }
static lookup_totals pass_error_path_sigmask(table *t, const query_block *b) {
    return lookup_each(&t->map, b, error_path_sigmask);
}
static lookup_totals pass_status_code(table *t, const query_block *b) { return lookup_each(&t->map, b, status_code); }
static lookup_totals pass_check_first_pydict(table *t, const query_block *b) {
    return pydict_each(&t->dict, b, check_first_pydict);
}
static lookup_totals pass_error_path_pydict(table *t, const query_block *b) {
    return pydict_each(&t->dict, b, error_path_pydict);
}

/* Where a block pass armed once stands: in memory the handler can read after a longjmp, since
 * automatic variables changed after setjmp are indeterminate once it returns a second time. */
typedef struct block_progress {
    size_t next; /* the lookup to do next */
    lookup_totals totals;
} block_progress;

static void lookup_rest_of_block(const string_map *map, const query_block *block, block_progress *progress) {
    jmp_buf on_missing;
    if (setjmp(on_missing) != 0) { /* the key at progress->next was missing: count it, go on after it */
        progress->totals.misses++;
        progress->next++;
    }
    for (; progress->next < LOOKUPS; progress->next++)
        progress->totals.sum += string_map_get_or_longjmp(map, block->keys[progress->next], KEY_LEN, &on_missing);
}

/* The try armed once around the whole block; each miss jumps to the handler, which resumes the
 * loop after the missing key. */
static lookup_totals pass_error_path_per_block(table *t, const query_block *b) {
    block_progress progress = {0, {0, 0, 0}};
    lookup_rest_of_block(&t->map, b, &progress);
    return progress.totals;
}

typedef lookup_totals block_pass_fn(table *t, const query_block *block);

/* A variant's state: the blocks drawn at its hit ratio and what its last pass found. */
typedef struct passes {
    table *table;           /* the shared table (lookups in its dict count their probes) */
    query_block *blocks;
    size_t block;          /* the block the last pass looked up */
    lookup_totals totals;  /* what it found */
} passes;

static void teardown_passes(void *state) {
    passes *p = state;
    if (p->blocks != NULL)
        for (size_t b = 0; b < BLOCKS; b++)
            for (size_t i = 0; i < LOOKUPS; i++) py_str_free(p->blocks[b].missing_objects[i]);
    memcount_free(p->blocks);
    memcount_free(p);
}

static void *setup_passes(bench_case *c) {
    passes *p = memcount_calloc(1, sizeof *p);
    if (p == NULL) return NULL;
    p->table = shared_table();
    p->blocks = memcount_calloc(BLOCKS, sizeof *p->blocks); /* no missing key objects made yet */
    if (p->table == NULL || p->blocks == NULL || draw_blocks(p->table, bench_case_x(c), p->blocks) != 0) {
        teardown_passes(p);
        return NULL;
    }
    p->block = BLOCKS - 1; /* so that the first pass looks up block 0 */
    bench_case_set_items(c, LOOKUPS);
    return p;
}

static int totals_right(const passes *p) {
    const query_block *b = &p->blocks[p->block];
    return p->totals.sum == b->expected_sum && p->totals.misses == b->expected_misses && p->totals.out_of_memory == 0;
}

/* One pass over the next block; every pass is checked, which costs two compares per 10,000 lookups. */
static inline __attribute__((always_inline)) int run_pass(void *state, block_pass_fn *pass) {
    passes *p = state;
    p->block = (p->block + 1) % BLOCKS;
    p->totals = pass(p->table, &p->blocks[p->block]);
    return !totals_right(p);
}

static int run_check_first(void *state) { return run_pass(state, pass_check_first); }
static int run_error_path(void *state) { return run_pass(state, pass_error_path); }
static int run_error_path_per_block(void *state) { return run_pass(state, pass_error_path_per_block); }
static int run_error_path_sigmask(void *state) { return run_pass(state, pass_error_path_sigmask); }
static int run_status_code(void *state) { return run_pass(state, pass_status_code); }
static int run_check_first_pydict(void *state) { return run_pass(state, pass_check_first_pydict); }
static int run_error_path_pydict(void *state) { return run_pass(state, pass_error_path_pydict); }

static int check_passes(void *state, bench_case *c) {
    const passes *p = state;
    if (totals_right(p)) return 0;
    const query_block *b = &p->blocks[p->block];
    if (p->totals.out_of_memory > 0) {
        bench_case_fail(c, "block %zu: out of memory raising %zu KeyErrors", p->block, p->totals.out_of_memory);
        return -1;
    }
    bench_case_fail(c, "block %zu: sum %lld and %zu misses, expected %lld and %zu", p->block, p->totals.sum,
                    p->totals.misses, b->expected_sum, b->expected_misses);
    return -1;
}

static const bench_variant variants[] = {
    {.name = "check_first", .run = run_check_first},
    {.name = "error_path", .run = run_error_path},
    {.name = "error_path_per_block", .run = run_error_path_per_block},
    {.name = "error_path_sigmask", .run = run_error_path_sigmask},
    {.name = "status_code", .run = run_status_code},
    {.name = "check_first_pydict", .run = run_check_first_pydict},
    {.name = "error_path_pydict", .run = run_error_path_pydict},
};

/* The article's sweep: 0% to 100% hits in steps of 10%; 0.5 is its quoted point. QUICK keeps five
 * of them, the quoted point among them: its pairs at all eleven took a tenth of a QUICK run. */
static const double sweep[] = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
static const double quick_sweep[] = {0.0, 0.2, 0.5, 0.8, 1.0};

/* status_code against each idiom that could be cheaper, at every hit ratio (error_path_sigmask, a
 * system call per lookup, never is). */
static const char *const against_status_code[] = {"check_first", "status_code", "error_path", "status_code",
                                                  "error_path_per_block", "status_code"};

const bench_comparison bench_this_comparison = {
    .name = "miss_handling",
    .memory_variant = "check_first",
    .param = "hit_ratio",
    .param_kind = BENCH_PARAM_SHARE,
    .item = "lookup",
    .key_numbers = BENCH_KEY_SLOPE,
    .slope_label = "ns a miss costs beyond a hit",
    BENCH_PAIRED_SWEEP(against_status_code),
    .setup = setup_passes,
    .check = check_passes,
    .teardown = teardown_passes,
    .about = "Look up 10,000 keys in a map of 100,000 random 10-letter keys to ints 1..100, a "
             "share `hit_ratio` of them present (drawn without repeats) and the rest random keys not "
             "in the map, shuffled together, as the article does. Timed: one pass over a block of "
             "10,000 lookups, summing the values found and counting the misses (`items` = 10,000); "
             "passes rotate through 8 pre-drawn blocks. Untimed: building the map and drawing the "
             "blocks. Mechanism models, on the article's dict as CPython holds it (a compact dict, "
             "after Objects/dictobject.c, from str objects that cache their hash, as unicode_hash "
             "does, to the small-int cache's objects; a present query key is the dict's own str): "
             "`check_first_pydict` is `if key in d: return d[key]`, two lookups on a hit, both from "
             "the cached hash, the second matching by identity; `error_path_pydict` is `try: return "
             "d[key] except KeyError`, one lookup, and on a miss the objects CPython 3.11 makes (the "
             "KeyError, its args tuple and a traceback entry, from a model of pymalloc, at their "
             "sizes here) are made, matched by the handler and freed. Not modelled: the eval loop's "
             "dispatch and its zero-cost exception table, reference counts, and a str hash function "
             "as costly as SipHash (the hash is cached, so lookups do not pay it). Idiomatic C, on a "
             "uthash map of byte strings (each key copied into its node): "
             "`check_first` hashes the key and walks "
             "its bucket twice on a hit (the map's lookups are compiled apart, so the compiler "
             "cannot merge them). `error_path` is `try: return d[key] except KeyError`: setjmp is "
             "armed per lookup and a miss longjmps to it; `error_path_per_block` arms it once per "
             "block and resumes after each miss; `error_path_sigmask` arms with sigsetjmp(env, 1), "
             "which also saves the signal mask, as setjmp does on the BSDs and macOS (on glibc, "
             "setjmp, _setjmp and sigsetjmp(env, 0) are one call). `status_code` is one lookup "
             "returning found or not. Every pass's sum and miss count are compared with the "
             "reference, in the checked run and in every timed iteration. `status_code` is also measured in pairs with "
             "each of the first three at every hit ratio. The report's cost of a miss is the least-squares slope of ns per lookup against the share of misses.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
};
