/* cases.c: the lifecycle of a variant at one x in this process. A case is set up once, runs once
 * under the counting allocator with its result checked, and is then timed as often as the sweep
 * and the paired claims ask. Harness memory is plain malloc, never the counting allocator's. */
#include "bench_internal.h"

#include "memcount.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static bench_case **cases; /* every case made in this process */
static size_t n_cases;

void bench__format_x(double x, char *buffer, size_t size) {
    if (x == (double)(int64_t)x && x > -1e15 && x < 1e15) {
        snprintf(buffer, size, "%lld", (long long)x);
        return;
    }
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(buffer, size, "%.*g", precision, x);
        if (strtod(buffer, NULL) == x) return;
    }
}

double bench__now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

double bench_case_x(const bench_case *c) { return c->x; }

size_t bench_case_count(const bench_case *c) {
    if (!(c->x >= 0) || c->x != (double)(size_t)c->x) {
        fprintf(stderr, "bench_case_count: x=%g is not a count\n", c->x);
        abort();
    }
    return (size_t)c->x;
}

const void *bench_case_arg(const bench_case *c) { return c->variant->arg; }
void bench_case_set_items(bench_case *c, int64_t items_per_iteration) { c->items = items_per_iteration; }

/* A name set twice keeps its last value; more than BENCH_MAX_COUNTERS names is the bench file's
 * mistake, failed loudly rather than dropped. */
void bench_case_set_counter(bench_case *c, const char *name, double value) {
    for (size_t k = 0; k < c->n_counters; k++)
        if (strcmp(c->counter_names[k], name) == 0) {
            c->counter_values[k] = value;
            return;
        }
    if (c->n_counters == BENCH_MAX_COUNTERS) {
        bench_case_fail(c, "more than %d counters", BENCH_MAX_COUNTERS);
        return;
    }
    c->counter_names[c->n_counters] = name;
    c->counter_values[c->n_counters++] = value;
}

/* The first failure is the one reported: later ones are its consequences. */
void bench_case_fail(bench_case *c, const char *fmt, ...) {
    if (c->failed) return;
    va_list args;
    va_start(args, fmt);
    vsnprintf(c->message, sizeof c->message, fmt, args);
    va_end(args);
    c->failed = 1;
}

long bench__variant_index(const bench_comparison *cmp, const char *name) {
    for (size_t v = 0; v < cmp->n_variants; v++)
        if (strcmp(cmp->variants[v].name, name) == 0) return (long)v;
    return -1;
}

/* After run returned nonzero: out of memory if an allocation failed since failures_before (its
 * result is then incomplete, and check must not read it); else let check say what is wrong. */
static void explain_failed_run(bench_case *c, const char *when, uint64_t failures_before) {
    if (memcount_failures() != failures_before) {
        bench_case_fail(c, "no result in the %s: out of memory", when);
        return;
    }
    if (c->check(c->state, c) == 0 || !c->failed)
        bench_case_fail(c, "no result in the %s (out of memory?)", when);
}

/* glibc's malloc leaves the small blocks a free puts in its fast bins unmerged until the next
 * request of a large block ("if this is a large request, consolidate fastbins", _int_malloc in
 * malloc/malloc.c), and that request may be another variant's: the 10^7 boxed integers one slice
 * frees cost the next slice, of whatever pair, some 75 ms, and made the A/A control read 10x in one
 * round of two. One such request after a case's iterations (timed ones, and its checked run)
 * bills that work to the iterations that left it. 2 KiB is above the largest block of the
 * per-thread cache (1032 bytes), so the request reaches the arena, and below the 64 KiB whose free
 * would also trim the heap. Under jemalloc or mimalloc it is one cheap malloc and free. */
#define SETTLE_BYTES 2048

/* The allocator's deferred work done now (see SETTLE_BYTES); volatile, so that the compiler keeps a
 * malloc whose block nothing uses. */
void bench__settle_allocator(void) {
    void *volatile block = malloc(SETTLE_BYTES);
    free(block);
}

/* The one untimed iteration under the counting allocator: run, check, release. It must free
 * exactly what it allocated, since the timed iterations run with the bookkeeping off. */
static void checked_run(bench_case *c) {
    memcount_set_counting(1);
    memcount_mark();
    const uint64_t failures = memcount_failures();
    if (c->run(c->state) != 0) explain_failed_run(c, "checked run", failures);
    else c->check(c->state, c);
    if (c->release) c->release(c->state);
    bench__settle_allocator();
    const size_t live = memcount_live_bytes(), at_mark = memcount_live_at_mark();
    if (live != at_mark)
        bench_case_fail(c, "one iteration %s %zu bytes: iterations must free exactly what they allocate",
                        live > at_mark ? "leaked" : "freed memory it did not allocate,",
                        live > at_mark ? live - at_mark : at_mark - live);
    c->peak_bytes = (double)memcount_peak_since_mark();
    c->allocs = (double)memcount_allocs_since_mark();
    memcount_set_counting(0);
}

/* A function pointer of the variant's, or else the comparison's. */
#define LIFECYCLE(c, field) ((c)->variant->field ? (c)->variant->field : (c)->cmp->field)

static bench_case *make_case(const bench_comparison *cmp, size_t v, double x) {
    bench_case *c = calloc(1, sizeof *c);
    if (c == NULL) return NULL;
    *c = (bench_case){.cmp = cmp, .variant = &cmp->variants[v], .x = x, .items = 1};
    c->run = c->variant->run;
    c->check = LIFECYCLE(c, check);
    c->release = LIFECYCLE(c, release);
    c->teardown = LIFECYCLE(c, teardown);
    bench_setup_fn *setup = LIFECYCLE(c, setup);
    if (c->run == bench_native_barrier_loop) return c; /* Google Benchmark's own loop: no lifecycle */
    if (setup == NULL || c->check == NULL || c->teardown == NULL) {
        bench_case_fail(c, "the variant has no setup, check or teardown, nor has its comparison");
        return c;
    }
    memcount_set_counting(1); /* setup's memory is the case's, not the iteration's: counted as live */
    const size_t live_before = memcount_live_bytes();
    c->state = setup(c);
    const size_t set_up = memcount_live_bytes() - live_before;
    memcount_set_counting(0);
    if (c->state == NULL) {
        bench_case_fail(c, "setup failed (out of memory?)");
        return c;
    }
    const double started = bench__now();
    checked_run(c);
    c->checked_seconds = bench__now() - started;
    c->working_set_bytes = (double)set_up + c->peak_bytes;
    return c;
}

bench_case *bench__case(const bench_comparison *cmp, size_t v, double x) {
    for (size_t i = 0; i < n_cases; i++)
        if (cases[i]->cmp == cmp && cases[i]->variant == &cmp->variants[v] && cases[i]->x == x) return cases[i];
    bench_case **grown = realloc(cases, (n_cases + 1) * sizeof *grown);
    if (grown == NULL) return NULL;
    cases = grown;
    bench_case *c = make_case(cmp, v, x);
    if (c != NULL) cases[n_cases++] = c;
    return c;
}

/* The loop every timed iteration goes through: the release test is hoisted out of it. */
int bench__iterate_unsettled(bench_case *c, int64_t n) {
    bench_run_fn *run = c->run;
    void *state = c->state;
    bench_release_fn *release = c->release;
    const uint64_t failures = memcount_failures();
    int64_t i = 0;
    if (release) {
        for (; i < n; i++) {
            if (run(state) != 0) break;
            release(state);
        }
    } else {
        for (; i < n && run(state) == 0; i++) {}
    }
    if (i == n) return 0;
    explain_failed_run(c, "timed loop", failures);
    if (release) release(state);
    return -1;
}

/* The iterations, then the allocator's deferred work of them, inside the time. */
int bench__iterate(bench_case *c, int64_t n) {
    const int status = bench__iterate_unsettled(c, n);
    bench__settle_allocator();
    return status;
}

#define PROBE_FAILED 10 /* a probe child's exit status when its case failed, as it should; a leak
                           found at exit makes it the sanitizer's 1 instead */

/* One variant's probe, in this (forked) process: 0 if its case passed, PROBE_FAILED if it failed. */
static int probe_variant(const bench_comparison *cmp, size_t v, double x, uint64_t k) {
    const uint64_t before = memcount_requests();
    memcount_fail_after(k);
    bench_case *c = make_case(cmp, v, x);
    memcount_fail_after(0);
    const uint64_t requests = memcount_requests() - before;
    if (c == NULL) return PROBE_FAILED;
    char x_text[32];
    bench__format_x(x, x_text, sizeof x_text);
    if (c->failed) printf("probe %s/%s/%s: FAILED: %s\n", cmp->name, cmp->variants[v].name, x_text, c->message);
    else printf("probe %s/%s/%s: ok, %llu allocation requests\n", cmp->name, cmp->variants[v].name, x_text,
                (unsigned long long)requests);
    const int failed = c->failed;
    memcount_set_counting(1);
    if (c->state && c->teardown) c->teardown(c->state);
    memcount_set_counting(0);
    free(c);
    return failed ? PROBE_FAILED : 0;
}

int bench__probe_alloc_failure(const bench_comparison *cmp, uint64_t k, size_t *failed) {
    *failed = 0;
    for (size_t v = 0; v < cmp->n_variants; v++) {
        const bench_variant *variant = &cmp->variants[v];
        const double *xs = cmp->n_quick_xs ? cmp->quick_xs : cmp->xs;
        const size_t n_xs = cmp->n_quick_xs ? cmp->n_quick_xs : cmp->n_xs;
        size_t i = 0;
        while (i < n_xs && variant->max_x != 0 && xs[i] > variant->max_x) i++;
        if (i == n_xs || variant->run == bench_native_barrier_loop) continue; /* no lifecycle to fail */
        /* Each variant in a child of its own, so that what one variant's setup caches for the
         * process cannot change where another's allocations fail; the child's exit runs the leak check. */
        fflush(stdout);
        const pid_t child = fork();
        if (child == 0) exit(probe_variant(cmp, v, xs[i], k));
        int status = 0;
        if (child < 0 || waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
            (WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != PROBE_FAILED)) {
            printf("probe %s/%s: CRASHED (wait status %d): a crash or a leak, see above\n", cmp->name, variant->name,
                   status);
            return -1;
        }
        *failed += WEXITSTATUS(status) == PROBE_FAILED;
    }
    return 0;
}

void bench__cases_free(void) {
    memcount_set_counting(1);
    for (size_t i = 0; i < n_cases; i++) {
        if (cases[i]->state && cases[i]->teardown) cases[i]->teardown(cases[i]->state);
        free(cases[i]);
    }
    memcount_set_counting(0);
    free(cases);
    cases = NULL;
    n_cases = 0;
}
