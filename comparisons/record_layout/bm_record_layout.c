/* bm_record_layout.c: article 000's "Comparing Dataclass, Dictionary, and NamedTuple": create n
 * records (i, 2 * i, i ** 2) as a dict of tuples, a list of namedtuples and a list of dataclass
 * instances, each as CPython builds it (the mechanism models), and as the packed array and the hash
 * map a C programmer would use (the idiomatic ones); then read one field of every record. */
#include "bench.h"
#include "memcount.h"
#include "records.h"

/* A variant: a layout, and whether it is timed creating the records or reading them. */
typedef struct variant_spec {
    const record_layout *layout;
    int reads; /* 0: create (and free) the records; 1: sum one field of records created in setup */
} variant_spec;

typedef struct fixture {
    const record_layout *layout;
    size_t n;
    int64_t *ids;           /* 0..n-1 in order, as the article's range(n): the order records are created in */
    record_store store;     /* the records: made by each run (creation) or once in setup (reading) */
    int64_t sum;            /* what the last read summed */
    int64_t expected_sum;   /* the sum of i * i over 0..n-1, by formula */
} fixture;

static int run_create(void *state) {
    fixture *f = state;
    return f->layout->create(&f->store, f->ids, f->n);
}

static void release_created(void *state) {
    fixture *f = state;
    f->layout->destroy(&f->store);
}

static int run_read(void *state) {
    fixture *f = state;
    f->sum = f->layout->sum_square_val(&f->store, f->ids);
    return 0;
}

static void teardown_fixture(void *state) {
    fixture *f = state;
    f->layout->destroy(&f->store);
    memcount_free(f->ids);
    memcount_free(f);
}

static void *setup_fixture(bench_case *c) {
    const variant_spec *spec = bench_case_arg(c);
    const size_t n = bench_case_count(c);
    fixture *f = memcount_calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->layout = spec->layout;
    f->n = n;
    f->ids = memcount_malloc((n ? n : 1) * sizeof *f->ids);
    if (f->ids == NULL) {
        memcount_free(f);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) f->ids[i] = (int64_t)i;
    const int64_t m = (int64_t)n;
    f->expected_sum = n == 0 ? 0 : (m - 1) * m * (2 * m - 1) / 6;
    if (spec->reads && f->layout->create(&f->store, f->ids, n) != 0) {
        bench_case_fail(c, "out of memory creating %zu records", n);
        teardown_fixture(f);
        return NULL;
    }
    bench_case_set_items(c, (int64_t)n);
    return f;
}

/* Every record created, read back through the layout and compared with (id, 2 * id, id * id). First,
 * what the creation did per record: constructor calls, and the probes of the dict's index (before the
 * reads add theirs); and how often the list or the dict was reallocated as it grew. */
static int check_created(void *state, bench_case *c) {
    const fixture *f = state;
    const double per_record = f->n ? 1.0 / (double)f->n : 0;
    bench_case_set_counter(c, "calls_per_record", (double)f->store.calls * per_record);
    bench_case_set_counter(c, "probes_per_record", (double)f->store.dict.probes * per_record);
    bench_case_set_counter(c, "resizes", (double)(f->store.list.resizes + f->store.dict.resizes));
    if (f->store.n != f->n) {
        bench_case_fail(c, "holds %zu records, expected %zu", f->store.n, f->n);
        return -1;
    }
    for (size_t i = 0; i < f->n; i++) {
        record_fields got;
        const record_fields want = record_of(f->ids[i]);
        if (f->layout->get(&f->store, i, f->ids[i], &got) != 0 || got.order_id != want.order_id ||
            got.double_val != want.double_val || got.square_val != want.square_val) {
            bench_case_fail(c, "record %zu (id %lld) is missing or wrong", i, (long long)f->ids[i]);
            return -1;
        }
    }
    return 0;
}

static int check_read(void *state, bench_case *c) {
    const fixture *f = state;
    if (f->sum == f->expected_sum) return 0;
    bench_case_fail(c, "summed square_val to %lld, expected %lld", (long long)f->sum, (long long)f->expected_sum);
    return -1;
}

/* The fields of a variant timed creating, or reading, the records of one layout. */
#define CREATES(layout_) \
    .run = run_create, .arg = &(const variant_spec){&(layout_), 0}, .check = check_created, .release = release_created
#define READS(layout_) .run = run_read, .arg = &(const variant_spec){&(layout_), 1}, .check = check_read
static const bench_variant variants[] = {
    {.name = "dict_of_tuples", CREATES(record_dict_of_tuples)},
    {.name = "tuple_records", CREATES(record_tuple_records)},
    {.name = "object_records", CREATES(record_object_records)},
    {.name = "packed_structs", CREATES(record_packed_structs)},
    {.name = "uthash_map", CREATES(record_uthash_map)},
    {.name = "dict_of_tuples_read", READS(record_dict_of_tuples)},
    {.name = "tuple_records_read", READS(record_tuple_records)},
    {.name = "object_records_read", READS(record_object_records)},
    {.name = "packed_structs_read", READS(record_packed_structs)},
    {.name = "uthash_map_read", READS(record_uthash_map)},
};
static const char *const counters[] = {"calls_per_record", "probes_per_record", "resizes"};

static const bench_workload workloads[] = {
    {"", "creating the records (and freeing them): the article's measure"},
    {"_read", "reading square_val of every record, created untimed"},
};

/* 1-3 steps from 1,000 to 1,000,000 records; 100,000 is the article's point. */
static const double sweep[] = {1000, 3000, 10000, 30000, 100000, 300000, 1000000};
static const double quick_sweep[] = {1000, 100000};

const bench_comparison bench_this_comparison = {
    .name = "record_layout",
    .allocation_heavy = 1, /* malloc and free are much of its time or bytes */
    .memory_variant = "dict_of_tuples_read",
    .param = "n",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "record",
    .about = "Hold n records (order_id, double_val, square_val) = (i, 2i, i²), as article 000 does "
             "with 100,000 of them, the ids 0..n-1 created in order, as the article's range(n). "
             "Mechanism models, each doing what CPython does underneath: `dict_of_tuples` is the "
             "article's `{i: (2 * i, i ** 2) for i in range(n)}` as Objects/dictobject.c builds it: a "
             "compact dict (an index of 1- to 8-byte slots into dense (hash, key, value) entries in "
             "insertion order, ints hashing to themselves, CPython's perturbed probing, resized to the "
             "power of two above 3 x used when two thirds full) whose values are separately allocated "
             "pairs, as tuple objects are. `tuple_records` is its list of namedtuples: each record made "
             "by a call the compiler can neither inline nor specialise (namedtuple's `__new__` is a "
             "Python-level function) that allocates the three-field record, then appended to a list "
             "that grows as Objects/listobject.c's list_resize grows it. `object_records` is its list of "
             "dataclass instances, made and appended the same way, each instance with its own field "
             "table (the `__dict__`: four slots probed from the field name's cached hash, compared by "
             "identity then by text), two allocations per record. Idiomatic C, what a C programmer "
             "would write for the job: `packed_structs`, one array of structs, and `uthash_map`, the "
             "common C hash map with one node per record holding key and pair. Not modelled: the int "
             "objects (the same three per record in every Python layout), reference counts, the "
             "interpreter's dispatch, and the cost of a Python-level call beyond the call itself, which "
             "is what CPython here measures. Timed, in the main workload: creating all n records and "
             "freeing them (the article times creation alone; freeing is what each iteration must also "
             "do). In the `_read` workload: summing square_val over every record of a store created "
             "untimed, by id lookup for the two maps, by offset for the namedtuple and packed layouts, "
             "by field name for the instances. Every created record is read back and compared with "
             "(i, 2i, i²), and every sum with the formula's, before timing starts. Counters of the "
             "checked creation: `calls_per_record` (constructor calls), `probes_per_record` (index "
             "slots the dict visited) and `resizes` (reallocations of the list or dict as it grew). "
             "Bytes per record is the peak the creation took, per record, with the allocator's rounding: "
             "the mechanism layouts allocate as CPython does, small objects from pymalloc's 16 KiB pools in "
             "1 MiB arenas (a model of Objects/obmalloc.c) and larger blocks from malloc, so their bytes "
             "are counted in whole arenas, as the resident set sees them, and at small n are arena-sized "
             "steps; the idiomatic layouts use malloc.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    BENCH_WORKLOADS(workloads),
    BENCH_EXTRA_COUNTERS(counters),
    .key_numbers = BENCH_KEY_GROWTH_ORDER | BENCH_KEY_BYTES_PER_ITEM,
    .setup = setup_fixture,
    .teardown = teardown_fixture,
};
