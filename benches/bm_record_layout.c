/* bm_record_layout.c: article 000's "Comparing Dataclass, Dictionary, and NamedTuple": create n
 * records (i, 2 * i, i ** 2) as a dict of tuples, a list of namedtuples, a list of dataclass
 * instances, and as the packed array a C programmer would use; then read one field of every record. */
#include "bench.h"
#include "memcount.h"
#include "records.h"
#include "rng.h"

enum { STREAM_IDS = 1 }; /* the PRNG stream of this comparison */

/* A variant: a layout, and whether it is timed creating the records or reading them. */
typedef struct variant_spec {
    const record_layout *layout;
    int reads; /* 0: create (and free) the records; 1: sum one field of records created in setup */
} variant_spec;

typedef struct fixture {
    const record_layout *layout;
    size_t n;
    int64_t *ids;           /* 0..n-1 in a seeded random order: the order records are created in */
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
    rng r = rng_seeded(bench_seed(), STREAM_IDS);
    rng_shuffle(&r, f->ids, n, sizeof *f->ids);
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

/* Every record created, read back through the layout and compared with (id, 2 * id, id * id). */
static int check_created(void *state, bench_case *c) {
    const fixture *f = state;
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
    {.name = "dict_of_tuples_read", READS(record_dict_of_tuples)},
    {.name = "tuple_records_read", READS(record_tuple_records)},
    {.name = "object_records_read", READS(record_object_records)},
    {.name = "packed_structs_read", READS(record_packed_structs)},
};

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
             "with 100,000 of them. The ids are 0..n-1, as the article's range(n), created in a seeded "
             "random order so that the hash map gets no help from sequential keys. `dict_of_tuples` "
             "is the article's `{i: (2 * i, i ** 2)}`: a uthash map from id to one node holding the pair. "
             "`tuple_records` is its list of namedtuples: an array of pointers to individually allocated "
             "three-field structs, fields read by offset. `object_records` is its list of dataclass "
             "instances: an array of pointers to instances, each with its own field table (the "
             "`__dict__`: four slots probed from the field name's cached hash, compared by identity "
             "then by text), two allocations per record. `packed_structs` is one array of structs, the "
             "C programmer's layout. Timed, in the main workload: creating all n records and freeing "
             "them (the article times creation alone; freeing is what each iteration must also do). "
             "In the `_read` workload: summing square_val over every record of a store created untimed, "
             "by id lookup for the dict, by offset for the namedtuple and packed layouts, by field name "
             "for the instances. Every created record is read back and compared with (i, 2i, i²), and "
             "every sum with the formula's, before timing starts. Bytes per record is the peak the "
             "creation took, per record, glibc's rounding included.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    BENCH_WORKLOADS(workloads),
    .key_numbers = BENCH_KEY_GROWTH_ORDER | BENCH_KEY_BYTES_PER_ITEM,
    .setup = setup_fixture,
    .teardown = teardown_fixture,
};
