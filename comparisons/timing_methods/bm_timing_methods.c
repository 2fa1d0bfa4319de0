/* bm_timing_methods.c: the clocks a C program can time itself with, as article 000's time.time(),
 * timeit and pytest-benchmark time Python: what one read costs, and the smallest step each
 * measurably advances by, beside the step it advertises. */
#include "bench.h"

#include <math.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>
#include <x86intrin.h>

#define RESOLUTION_SEARCH_NS 50000000 /* how long to search consecutive reads for the smallest step: 50 ms */
#define EPOCH_2020 1577836800   /* 2020-01-01 in Unix seconds: a wall clock reading below it is wrong */

/* One clock: its reading as a count of its own units, and how many of those make a nanosecond. */
typedef struct clock_spec {
    const char *what;
    uint64_t (*read)(const struct clock_spec *);
    clockid_t id;       /* for clock_gettime clocks */
    int monotonic;      /* 1: consecutive reads never go back */
    int wall;           /* 1: reads the time of day */
} clock_spec;

static uint64_t read_clock_gettime(const clock_spec *s) {
    struct timespec t;
    clock_gettime(s->id, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}
static uint64_t read_gettimeofday(const clock_spec *s) {
    (void)s;
    struct timeval t;
    gettimeofday(&t, NULL);
    return ((uint64_t)t.tv_sec * 1000000u + (uint64_t)t.tv_usec) * 1000u;
}
static uint64_t read_time(const clock_spec *s) {
    (void)s;
    return (uint64_t)time(NULL) * 1000000000u;
}
static uint64_t read_clock(const clock_spec *s) {
    (void)s;
    return (uint64_t)clock() * (1000000000u / CLOCKS_PER_SEC);
}
static uint64_t read_rdtsc(const clock_spec *s) {
    (void)s;
    return __rdtsc();
}
static uint64_t read_rdtscp(const clock_spec *s) {
    (void)s;
    unsigned aux;
    return __rdtscp(&aux);
}

typedef struct fixture {
    const clock_spec *spec;
    size_t reads;
    uint64_t first, last; /* the last run's first and last readings */
    int went_back;        /* the last run saw a reading below the one before */
} fixture;

/* `reads` reads in a row, each compared with the one before (a compare is far cheaper than any read). */
static int run_reads(void *state) {
    fixture *f = state;
    const clock_spec *s = f->spec;
    uint64_t previous = s->read(s);
    f->first = previous;
    int went_back = 0;
    for (size_t i = 1; i < f->reads; i++) {
        const uint64_t now = s->read(s);
        went_back |= now < previous;
        previous = now;
    }
    f->last = previous;
    f->went_back = went_back;
    return 0;
}

/* Nanoseconds per TSC tick, from the TSC against CLOCK_MONOTONIC over about 20 ms. */
static double ns_per_tick(void) {
    struct timespec a, b, pause = {0, 20000000};
    clock_gettime(CLOCK_MONOTONIC, &a);
    const uint64_t t0 = __rdtsc();
    nanosleep(&pause, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    const uint64_t t1 = __rdtsc();
    return ((b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec)) / (double)(t1 - t0);
}

static int is_tsc(const clock_spec *s) { return s->read == read_rdtsc || s->read == read_rdtscp; }

/* The smallest non-zero difference between consecutive reads, in ns, searched for 50 ms; NaN if the
 * clock never advanced in that time (time() within one second). */
static double measured_resolution_ns(const clock_spec *s) {
    struct timespec start, now_ts;
    clock_gettime(CLOCK_MONOTONIC, &start);
    uint64_t smallest = UINT64_MAX, previous = s->read(s);
    for (size_t i = 1;; i++) {
        const uint64_t now = s->read(s);
        if (now > previous && now - previous < smallest) smallest = now - previous;
        previous = now;
        if (i % 1024 == 0) { /* the deadline, checked now and then so that it barely disturbs the reads */
            clock_gettime(CLOCK_MONOTONIC, &now_ts);
            if ((now_ts.tv_sec - start.tv_sec) * 1e9 + (double)(now_ts.tv_nsec - start.tv_nsec) > RESOLUTION_SEARCH_NS) break;
        }
    }
    if (smallest == UINT64_MAX) return NAN;
    return is_tsc(s) ? (double)smallest * ns_per_tick() : (double)smallest;
}

/* The step the clock advertises: clock_getres for clock_gettime clocks, the unit of the others'
 * return value (NaN for the TSC, which advertises none). */
static double advertised_resolution_ns(const clock_spec *s) {
    if (s->read == read_clock_gettime) {
        struct timespec r;
        return clock_getres(s->id, &r) == 0 ? r.tv_sec * 1e9 + (double)r.tv_nsec : NAN;
    }
    if (s->read == read_gettimeofday) return 1e3;
    if (s->read == read_time) return 1e9;
    if (s->read == read_clock) return 1e9 / CLOCKS_PER_SEC;
    return NAN;
}

static void *setup_fixture(bench_case *c) {
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->spec = bench_case_arg(c);
    f->reads = bench_case_count(c);
    if (f->reads < 2) {
        bench_case_fail(c, "%zu reads: at least 2 are needed to see a clock advance", f->reads);
        free(f);
        return NULL;
    }
    bench_case_set_items(c, (int64_t)f->reads);
    return f;
}

/* Monotonic clocks never went back; wall clocks read a date after 2020. Then the resolutions. */
static int check_reads(void *state, bench_case *c) {
    const fixture *f = state;
    bench_case_set_counter(c, "resolution_ns", measured_resolution_ns(f->spec));
    bench_case_set_counter(c, "advertised_resolution_ns", advertised_resolution_ns(f->spec));
    if (f->spec->monotonic && f->went_back) {
        bench_case_fail(c, "a monotonic clock went back between two reads");
        return -1;
    }
    if (f->spec->wall && f->last / 1000000000u < EPOCH_2020) {
        bench_case_fail(c, "the wall clock read %llu s, before 2020", (unsigned long long)(f->last / 1000000000u));
        return -1;
    }
    if (f->last == 0) {
        bench_case_fail(c, "the clock read 0");
        return -1;
    }
    return 0;
}

static void teardown_fixture(void *state) { free(state); }

#define CLOCK_GETTIME(id_, monotonic_, wall_) \
    .run = run_reads, .arg = &(const clock_spec){#id_, read_clock_gettime, id_, monotonic_, wall_}
#define OTHER_CLOCK(fn_, monotonic_, wall_) \
    .run = run_reads, .arg = &(const clock_spec){#fn_, read_##fn_, 0, monotonic_, wall_}
static const bench_variant variants[] = {
    {.name = "realtime", CLOCK_GETTIME(CLOCK_REALTIME, 0, 1)},
    {.name = "monotonic", CLOCK_GETTIME(CLOCK_MONOTONIC, 1, 0)},
    {.name = "monotonic_raw", CLOCK_GETTIME(CLOCK_MONOTONIC_RAW, 1, 0)},
    {.name = "monotonic_coarse", CLOCK_GETTIME(CLOCK_MONOTONIC_COARSE, 1, 0)},
    {.name = "process_cputime", CLOCK_GETTIME(CLOCK_PROCESS_CPUTIME_ID, 1, 0)},
    {.name = "thread_cputime", CLOCK_GETTIME(CLOCK_THREAD_CPUTIME_ID, 1, 0)},
    {.name = "gettimeofday", OTHER_CLOCK(gettimeofday, 0, 1)},
    {.name = "libc_time", OTHER_CLOCK(time, 0, 1)},
    {.name = "libc_clock", OTHER_CLOCK(clock, 1, 0)},
    {.name = "rdtsc", OTHER_CLOCK(rdtsc, 1, 0)},
    {.name = "rdtscp", OTHER_CLOCK(rdtscp, 1, 0)},
};

/* Reads per iteration: enough that the loop's own cost is a small part of each read's. */
static const double sweep[] = {1000, 10000};
static const double quick_sweep[] = {1000};
static const char *const extra_counters[] = {"resolution_ns", "advertised_resolution_ns"};

const bench_comparison bench_this_comparison = {
    .name = "timing_methods",
    .param = "reads",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "read",
    .about = "What reading each clock a C program can time itself with costs, and how finely it "
             "measures: `clock_gettime` with CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, "
             "CLOCK_MONOTONIC_COARSE, CLOCK_PROCESS_CPUTIME_ID and CLOCK_THREAD_CPUTIME_ID; "
             "`gettimeofday`, `time` and `clock`; and the TSC through `__rdtsc` and `__rdtscp`. Timed: "
             "`reads` reads in a row, each compared with the one before; ns per read. Checked: a "
             "monotonic clock never went back, a wall clock reads a date after 2020, no clock reads 0. "
             "`resolution_ns` is measured: the smallest non-zero difference between consecutive reads "
             "found in 50 ms of reading (the TSC's ticks converted with its rate against CLOCK_MONOTONIC; "
             "empty when the clock never advanced during the search, as `libc_time` within a second; a clock "
             "read faster than it ticks shows its tick, one read slower than it ticks shows the read's "
             "cost); "
             "`advertised_resolution_ns` is what `clock_getres` says, or the unit of the call's "
             "result. A read that stays in the vDSO costs tens of ns; one that traps into the kernel "
             "(the CPU-time clocks, and any clock when the kernel's clock source cannot be read from "
             "user space) costs hundreds.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    BENCH_EXTRA_COUNTERS(extra_counters),
    .setup = setup_fixture,
    .check = check_reads,
    .teardown = teardown_fixture,
};
