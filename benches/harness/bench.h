/* bench.h: what a comparison is written against. A comparison is one bench_comparison value named
 * bench_this_comparison in benches/bm_<name>.c: its variants' lifecycles and the facts the tools
 * read about it. The harness owns the sequence: set up once per variant and x in a process, one
 * memory-counted checked run, then timed iterations driven by Google Benchmark (sweeps) or in
 * alternating slices against another variant (paired claims). */
#ifndef IDIOM_BENCH_H
#define IDIOM_BENCH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One variant at one x in this process: what setup and check talk to the harness through. */
typedef struct bench_case bench_case;

/* Untimed: build the inputs and layout for bench_case_x(c) and return the variant's state, or NULL
 * after bench_case_fail. Called once per variant and x in a process, however often it is timed. */
typedef void *bench_setup_fn(bench_case *c);
/* Timed: one iteration of the article's work on state, its result kept in state for check. 0, or
 * nonzero when there is no right result (out of memory, or a variant that checks every pass found
 * a wrong one); the harness then asks check why, and fails the case. */
typedef int bench_run_fn(void *state);
/* Untimed: compare the last run's result with the reference. 0, or -1 after bench_case_fail. May
 * set counters (bench_case_set_counter). Runs inside the memory-counted checked run. */
typedef int bench_check_fn(void *state, bench_case *c);
/* Timed, after every run: free what run made, so that each iteration frees what it allocates. */
typedef void bench_release_fn(void *state);
/* Untimed: free what setup made. */
typedef void bench_teardown_fn(void *state);

/* A variant: a name and a run; any lifecycle function left NULL is the comparison's. */
typedef struct bench_variant {
    const char *name;            /* as in the CSV column `variant` and the chart legend */
    bench_run_fn *run;           /* the timed work */
    const void *arg;             /* bench_case_arg(): lets one setup serve several variants */
    double max_x;                /* not swept above this x (a quadratic variant); 0: no limit */
    int pairs_only;              /* 1: measured only in paired claims, not swept (an A/A twin) */
    int in_children;             /* 1: its work runs in child processes, whose instructions the
                                    instruction count (callgrind, this process) cannot see: not counted */
    bench_setup_fn *setup;       /* NULL: the comparison's */
    bench_check_fn *check;       /* NULL: the comparison's */
    bench_release_fn *release;   /* NULL: the comparison's (which may be NULL: nothing to free) */
    bench_teardown_fn *teardown; /* NULL: the comparison's */
} bench_variant;

/* What the swept parameter x is, which decides axes and key numbers. */
typedef enum bench_param_kind {
    BENCH_PARAM_COUNT,  /* a size or count: log axes when it spans decades, growth order */
    BENCH_PARAM_SHARE,  /* a share in [0, 1]: linear axes, cost per unit of 1 - x */
} bench_param_kind;

/* A second draw of the same variants: variant names with this suffix belong to it. */
typedef struct bench_workload {
    const char *suffix; /* "" for the comparison's main draw */
    const char *label;  /* what differs, in words, for the chart key and report */
} bench_workload;

/* Key numbers a report section shows, besides the sweep. */
enum {
    BENCH_KEY_GROWTH_ORDER = 1,   /* slope of time per iteration against x on log-log axes */
    BENCH_KEY_BYTES_PER_ITEM = 2, /* peak bytes per x at the largest x */
    BENCH_KEY_SLOPE = 4,          /* ns per item per unit of (1 - x): what `slope_label` says */
    BENCH_KEY_GROWTH_PER_STEP = 8, /* factor time per iteration grows by per unit of x: exponential growth */
};

typedef struct bench_comparison {
    const char *name;             /* results/<name>.csv; plots/<name>.gp if it has its own chart */
    const char *param;            /* what x is called: "n", "pieces", "hit_ratio" */
    bench_param_kind param_kind;
    const char *item;             /* what items are, singular: "element", "lookup", "piece" */
    const char *about;            /* Markdown: what is timed and how; the one statement of the method */
    const char *chart;            /* plots/<chart>.gp, when comparisons share a chart; NULL: plots/<name>.gp */
    const bench_variant *variants;
    size_t n_variants;
    const double *xs;             /* the full sweep, including the articles' own point */
    size_t n_xs;
    const double *quick_xs;       /* the reduced sweep of QUICK=1 and of the smoke tests */
    size_t n_quick_xs;
    bench_setup_fn *setup;        /* the variants' lifecycle unless a variant names its own */
    bench_check_fn *check;
    bench_release_fn *release;    /* NULL: run leaves nothing to free */
    bench_teardown_fn *teardown;
    const char *const *extra_counters; /* counters written as extra CSV columns, after the contract's */
    size_t n_extra_counters;
    const bench_workload *workloads;   /* NULL: one workload, the main draw */
    size_t n_workloads;
    unsigned key_numbers;         /* BENCH_KEY_* flags */
    const char *slope_label;      /* with BENCH_KEY_SLOPE: what the slope means, e.g. "ns a miss costs" */
    int calibration;              /* 1: a calibration of the harness or machine, reported as such */
    const char *calibrates;       /* what other results read from it: "load_latency" (ns per dependent
                                     load against working-set bytes), "copy_bandwidth"; NULL: nothing */
    int allocation_heavy;         /* 1: its figures are much the allocator's: `make allocators` runs it under
                                     each allocator, to tell the idiom's conclusions from glibc's */
    const char *memory_variant;   /* a memory-bound comparison: the variant at whose working set its chart
                                     draws one dependent load, and its claims are counted in loads */
    const char *const *paired_sweep; /* {baseline, contender, ...}: pairs also measured at every x */
    size_t n_paired_sweep;           /* names in paired_sweep: twice the pairs */
} bench_comparison;

/* Every bench file defines exactly this one symbol. */
extern const bench_comparison bench_this_comparison;

#define BENCH_COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* A comparison's variants, full sweep and QUICK sweep from three arrays, as designated initialisers. */
#define BENCH_SWEEP(variant_array, full_sweep, quick_sweep)                                        \
    .variants = (variant_array), .n_variants = BENCH_COUNT(variant_array), .xs = (full_sweep),      \
    .n_xs = BENCH_COUNT(full_sweep), .quick_xs = (quick_sweep), .n_quick_xs = BENCH_COUNT(quick_sweep)
/* Extra CSV columns from one array of counter names. */
#define BENCH_EXTRA_COUNTERS(names) .extra_counters = (names), .n_extra_counters = BENCH_COUNT(names)
/* Pairs measured at every x, from one array {baseline, contender, baseline, contender, ...}. */
#define BENCH_PAIRED_SWEEP(names) .paired_sweep = (names), .n_paired_sweep = BENCH_COUNT(names)
/* Workloads from one array of bench_workload. */
#define BENCH_WORKLOADS(list) .workloads = (list), .n_workloads = BENCH_COUNT(list)

/* The swept value x of this case. */
double bench_case_x(const bench_case *c);
/* x as a count; x must be a non-negative whole number (a precondition: aborts otherwise). */
size_t bench_case_count(const bench_case *c);
/* The variant's arg. */
const void *bench_case_arg(const bench_case *c);
/* The seed every input generator of this run derives from (--idiom_seed). */
uint64_t bench_seed(void);
/* 1 in a QUICK run (--idiom_quick): for comparisons whose inputs have a real-time scale, such as
 * a server's latency, that a checking run may shorten. */
int bench_quick(void);
/* Elements, lookups or pieces one iteration processes: the denominator of ns_per_item. Set in setup. */
void bench_case_set_items(bench_case *c, int64_t items_per_iteration);
/* A named figure of the checked run, written as an extra CSV column if the comparison declares it. */
void bench_case_set_counter(bench_case *c, const char *name, double value);
/* Mark this case failed with a printf-style message naming what went wrong: no time is reported
 * for it and the run exits non-zero. */
void bench_case_fail(bench_case *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The compiler must assume the pointed-to memory is read and written here. */
static inline void bench_escape(const void *p) { __asm__ __volatile__("" : : "g"(p) : "memory"); }
/* The compiler must assume all memory is read and written here. */
static inline void bench_clobber(void) { __asm__ __volatile__("" : : : "memory"); }
/* Force a scalar's value to be computed into a register: it is "used" here and may have "changed". */
#define BENCH_KEEP(lvalue) __asm__ __volatile__("" : "+r"(lvalue) : : "memory")

/* Calibration only: a run function that marks its variant as Google Benchmark's own native C++
 * loop (`for (auto _ : state)`) with a body of 1 + x compiler barriers, instead of the harness's
 * loop over run. Swept only; never called. */
int bench_native_barrier_loop(void *state);

#ifdef __cplusplus
}
#endif

#endif /* IDIOM_BENCH_H */
