/* results.c: see results.h. Harness memory comes from plain malloc, never from the counting allocator. */
#include "results.h"

#include "contract.h"
#include "idiom_config.h"
#include "stats.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define RESULTS_MAX_EXTRA 8       /* extra counter columns one comparison may declare */

typedef struct rep_sample {
    int64_t iterations;
    double ns_per_item;      /* wall time of one iteration / items */
    double cpu_ns_per_item;  /* thread CPU time of one iteration / items */
    double items;            /* items per iteration */
    double peak_bytes;       /* peak live heap bytes in one iteration */
    double working_set_bytes; /* live after setup plus that peak */
    double allocs;           /* allocations in one iteration */
    double extra[RESULTS_MAX_EXTRA];
} rep_sample;

typedef struct instance {
    char *name;          /* <comparison>/<variant>/<x> */
    size_t variant;      /* index into the comparison's variants */
    double x;
    rep_sample *reps;
    size_t n_reps;
    int failed;
} instance;

struct results {
    const bench_comparison *cmp;
    instance *instances;
    size_t n_instances;
    size_t n_completed;
    size_t n_failed;
    double started;        /* monotonic seconds at creation */
    double last_printed;   /* monotonic seconds of the last line printed */
    uint64_t seed;         /* the run's input seed */
};

results *results_create(const bench_comparison *cmp, uint64_t seed) {
    if (cmp->n_extra_counters > RESULTS_MAX_EXTRA) return NULL;
    results *r = calloc(1, sizeof *r);
    if (r == NULL) return NULL;
    r->cmp = cmp;
    r->seed = seed;
    r->started = r->last_printed = bench__now();
    return r;
}

void results_destroy(results *r) {
    if (r == NULL) return;
    for (size_t i = 0; i < r->n_instances; i++) {
        free(r->instances[i].name);
        free(r->instances[i].reps);
    }
    free(r->instances);
    free(r);
}

const char *results_expect(results *r, size_t variant, double x) {
    char x_text[32];
    bench__format_x(x, x_text, sizeof x_text);
    const size_t size = strlen(r->cmp->name) + strlen(r->cmp->variants[variant].name) + strlen(x_text) + 3;
    char *name = malloc(size);
    instance *grown = realloc(r->instances, (r->n_instances + 1) * sizeof *grown);
    if (name == NULL || grown == NULL) {
        free(name);
        if (grown) r->instances = grown;
        return NULL;
    }
    snprintf(name, size, "%s/%s/%s", r->cmp->name, r->cmp->variants[variant].name, x_text);
    r->instances = grown;
    r->instances[r->n_instances++] = (instance){.name = name, .variant = variant, .x = x};
    return name;
}

static instance *find_instance(results *r, const char *name) {
    for (size_t i = 0; i < r->n_instances; i++)
        if (strcmp(r->instances[i].name, name) == 0) return &r->instances[i];
    return NULL;
}

static double counter_value(const bench__sample *s, const char *name, double missing) {
    for (size_t i = 0; i < s->n_counters; i++)
        if (strcmp(s->counter_names[i], name) == 0) return s->counter_values[i];
    return missing;
}

static rep_sample to_rep_sample(const results *r, const bench__sample *s) {
    const double items = counter_value(s, "items", 1.0);
    const double per_iteration = 1e9 / (double)s->iterations / items;
    rep_sample rep = {
        .iterations = s->iterations,
        .ns_per_item = s->real_seconds * per_iteration,
        .cpu_ns_per_item = s->cpu_seconds * per_iteration,
        .items = items,
        .peak_bytes = counter_value(s, "peak_bytes", 0.0),
        .working_set_bytes = counter_value(s, "working_set_bytes", 0.0),
        .allocs = counter_value(s, "allocs", 0.0),
    };
    for (size_t k = 0; k < r->cmp->n_extra_counters; k++)
        rep.extra[k] = counter_value(s, r->cmp->extra_counters[k], 0.0);
    return rep;
}

/* The values of one field over an instance's repetitions, into out (n_reps long). */
static void field_values(const instance *in, size_t offset, double *out) {
    for (size_t i = 0; i < in->n_reps; i++)
        memcpy(&out[i], (const char *)&in->reps[i] + offset, sizeof(double));
}

#define FIELD_MEDIAN(in, field, scratch) \
    (field_values((in), offsetof(rep_sample, field), (scratch)), stats_median((scratch), (in)->n_reps))

void results_add(const bench__sample *samples, size_t n, void *results_ptr) {
    results *r = results_ptr;
    if (n == 0) return;
    instance *in = find_instance(r, samples[0].name);
    if (in == NULL) {
        fprintf(stderr, "idiombench: result for unregistered benchmark %s\n", samples[0].name);
        r->n_failed++;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (samples[i].failed) {
            if (!in->failed) {
                fprintf(stderr, "FAILED %s: %s\n", in->name, samples[i].message);
                r->n_failed++;
            }
            in->failed = 1;
        }
    }
    if (in->failed) return;
    rep_sample *reps = malloc(n * sizeof *reps);
    if (reps == NULL) {
        fprintf(stderr, "FAILED %s: out of memory for its samples\n", in->name);
        in->failed = 1;
        r->n_failed++;
        return;
    }
    for (size_t i = 0; i < n; i++) reps[i] = to_rep_sample(r, &samples[i]);
    free(in->reps);
    in->reps = reps;
    in->n_reps = n;
    r->n_completed++;

    double ns[n];
    field_values(in, offsetof(rep_sample, ns_per_item), ns);
    fprintf(stderr, "  [%3zu/%zu] %-44s %12.4g ns/item  cv %5.2f%%\n", r->n_completed, r->n_instances,
            in->name, stats_median(ns, n), stats_cv_pct(ns, n));
    r->last_printed = bench__now();
}

void results_heartbeat(const char *name, void *results_ptr) {
    results *r = results_ptr;
    const double now = bench__now();
    if (now - r->last_printed < IDIOM_HEARTBEAT_SECONDS) return;
    fprintf(stderr, "  ... %s: %.0f s in, %zu of %zu benchmarks complete (repetitions are interleaved,"
            " so most complete near the end); now measuring %s\n",
            r->cmp->name, now - r->started, r->n_completed, r->n_instances, name);
    r->last_printed = now;
}

size_t results_failures(const results *r) { return r->n_failed; }
size_t results_completed(const results *r) { return r->n_completed; }

static FILE *open_in(const char *dir, const char *name, const char *suffix) {
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s%s", dir, name, suffix) >= (int)sizeof path) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    return fopen(path, "w");
}

static int close_checked(FILE *f) {
    const int write_error = ferror(f);
    return (fclose(f) != 0 || write_error) ? -1 : 0;
}

static int write_summary_csv(const results *r, FILE *f) {
    const bench_comparison *cmp = r->cmp;
    csvout_header(f, contract_table, contract_n_columns);
    for (size_t k = 0; k < cmp->n_extra_counters; k++) fprintf(f, ",%s", cmp->extra_counters[k]);
    fputc('\n', f);
    for (size_t i = 0; i < r->n_instances; i++) {
        const instance *in = &r->instances[i];
        if (in->failed || in->n_reps == 0) continue;
        double scratch[in->n_reps], ns[in->n_reps];
        field_values(in, offsetof(rep_sample, ns_per_item), ns);
        char x_text[32];
        bench__format_x(in->x, x_text, sizeof x_text);
        contract_row row = {
            .comparison = cmp->name, .variant = cmp->variants[in->variant].name, .param = cmp->param, .x = x_text,
            .reps = (double)in->n_reps, .ns_per_item = stats_median(ns, in->n_reps),
            .ns_per_item_min = stats_min(ns, in->n_reps), .ns_per_item_max = stats_max(ns, in->n_reps),
            .cv_pct = stats_cv_pct(ns, in->n_reps), .items = FIELD_MEDIAN(in, items, scratch),
            .peak_bytes = FIELD_MEDIAN(in, peak_bytes, scratch), .allocs = FIELD_MEDIAN(in, allocs, scratch),
            .cpu_ns_per_item = FIELD_MEDIAN(in, cpu_ns_per_item, scratch), .mdape_pct = stats_mdape_pct(ns, in->n_reps),
            .working_set_bytes = FIELD_MEDIAN(in, working_set_bytes, scratch)};
        row.unstable = row.cv_pct > IDIOM_UNSTABLE_CV_PCT;
        stats_median_interval(ns, in->n_reps, IDIOM_CONFIDENCE, &row.ns_per_item_lo, &row.ns_per_item_hi);
        csvout_row(f, contract_table, contract_n_columns, &row);
        for (size_t k = 0; k < cmp->n_extra_counters; k++) {
            for (size_t j = 0; j < in->n_reps; j++) scratch[j] = in->reps[j].extra[k];
            fprintf(f, ",%.15g", stats_median(scratch, in->n_reps)); /* counters are often exact counts */
        }
        fputc('\n', f);
    }
    return 0;
}

/* One row of <comparison>.reps.csv: one repetition of a variant at one x. */
typedef struct reps_row {
    const char *comparison, *variant, *param, *x;
    double rep, iterations, ns_per_item, cpu_ns_per_item, items, peak_bytes, allocs;
} reps_row;
#define TEXT(field) CSVOUT_TEXT(reps_row, field)
#define NUMBER(field, format) CSVOUT_NUMBER(reps_row, field, format)
static const csvout_column reps_table[] = {
    TEXT(comparison), TEXT(variant), TEXT(param), TEXT(x), NUMBER(rep, CSVOUT_WHOLE), NUMBER(iterations, CSVOUT_WHOLE),
    NUMBER(ns_per_item, CSVOUT_G6), NUMBER(cpu_ns_per_item, CSVOUT_G6), NUMBER(items, CSVOUT_WHOLE), NUMBER(peak_bytes, CSVOUT_WHOLE),
    NUMBER(allocs, CSVOUT_EXACT),
};
#undef TEXT
#undef NUMBER

static int write_reps_csv(const results *r, FILE *f) {
    const size_t n_columns = sizeof reps_table / sizeof reps_table[0];
    csvout_header(f, reps_table, n_columns);
    fputc('\n', f);
    for (size_t i = 0; i < r->n_instances; i++) {
        const instance *in = &r->instances[i];
        if (in->failed) continue;
        char x_text[32];
        bench__format_x(in->x, x_text, sizeof x_text);
        for (size_t j = 0; j < in->n_reps; j++) {
            const rep_sample *s = &in->reps[j];
            const reps_row row = {r->cmp->name, r->cmp->variants[in->variant].name, r->cmp->param, x_text,
                                  (double)(j + 1), (double)s->iterations, s->ns_per_item, s->cpu_ns_per_item,
                                  s->items, s->peak_bytes, s->allocs};
            csvout_row(f, reps_table, n_columns, &row);
            fputc('\n', f);
        }
    }
    return 0;
}

typedef int section_writer(const results *, FILE *);

static int write_file(const results *r, const char *dir, const char *suffix, section_writer *write) {
    FILE *f = open_in(dir, r->cmp->name, suffix);
    if (f == NULL) return -1;
    write(r, f);
    return close_checked(f);
}

int results_write(const results *r, const char *dir) {
    if (write_file(r, dir, ".csv", write_summary_csv) != 0) return -1;
    return write_file(r, dir, ".reps.csv", write_reps_csv);
}

void results_print_unstable(const results *r, FILE *out) {
    size_t unstable = 0;
    for (size_t i = 0; i < r->n_instances; i++) {
        const instance *in = &r->instances[i];
        if (in->failed || in->n_reps == 0) continue;
        double ns[in->n_reps];
        field_values(in, offsetof(rep_sample, ns_per_item), ns);
        const double cv = stats_cv_pct(ns, in->n_reps);
        if (cv <= IDIOM_UNSTABLE_CV_PCT) continue;
        if (unstable++ == 0)
            fprintf(out, "%s: rows whose repetitions vary by more than %d%% (marked unstable=1):\n",
                    r->cmp->name, IDIOM_UNSTABLE_CV_PCT);
        fprintf(out, "  %-44s cv %.1f%% over %zu repetitions\n", in->name, cv, in->n_reps);
    }
    if (unstable)
        fprintf(out, "  Their medians and intervals still stand (the claims are measured in pairs); for steadier rows "
                     "try more repetitions, e.g. BENCH_ARGS='--benchmark_repetitions=30', or a quieter machine.\n");
}
