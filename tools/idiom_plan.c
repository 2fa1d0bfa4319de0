/* idiom_plan.c: the pairs a run measures in alternating slices, from the claims and what each
 * comparison declared: every timing claim at the x its comparison's sweep offers; every crossover
 * claim, in every workload, at the swept points around where the sweep's medians cross; and each
 * declared paired sweep at every x. Writes a TSV the bench executables read (--idiom_pairs). With
 * --counted, also the sweep rows that claims of what is counted read (a column of the sweep CSV
 * other than time: peak_bytes, a declared counter): what a make robustness setting that takes
 * another run's sweep measures again itself. */
#include "claims.h"
#include "csv.h"
#include "jsonfile.h"
#include "options.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_XS 256            /* swept values of one comparison */
#define WINDOW_BELOW 2        /* swept points measured in pairs below the medians' crossover ... */
#define WINDOW_ABOVE 1        /* ... and above it: enough to find where the intervals part */

static const char *const claim_columns[] = {"claim_id", "comparison", "metric", "baseline", "contender", "x", NULL};

typedef struct sweep {
    cJSON *facts;
    csv_table rows; /* <comparison>.csv */
} sweep;

static int load_sweep(const char *dir, const char *name, sweep *s) {
    return claims_load_sweep(dir, name, &s->facts, &s->rows);
}

/* The median ns per item of variant at x in the sweep, or NAN. */
static double median_at(const csv_table *rows, const char *variant, double x) {
    return claims_sweep_value(rows, variant, x, "ns_per_item");
}

/* The swept xs, ascending. */
static size_t swept_xs(const cJSON *facts, double *xs) {
    size_t n = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(facts, "xs")) if (n < MAX_XS) xs[n++] = item->valuedouble;
    return n;
}

/* Whether the contender's median beats the baseline's at x in every workload. */
static int medians_favour_contender(const sweep *s, const char *baseline, const char *contender, double x) {
    const cJSON *w;
    cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(s->facts, "workloads")) {
        char b[256], c[256];
        if (!(median_at(&s->rows, claims_workload_variant(w, contender, c, sizeof c), x) <
              median_at(&s->rows, claims_workload_variant(w, baseline, b, sizeof b), x)))
            return 0;
    }
    return 1;
}

/* Whether both variants were swept at x in every workload (a variant may stop below the largest x). */
static int both_swept(const sweep *s, const char *baseline, const char *contender, double x) {
    const cJSON *w;
    cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(s->facts, "workloads")) {
        char b[256], c[256];
        if (isnan(median_at(&s->rows, claims_workload_variant(w, contender, c, sizeof c), x)) ||
            isnan(median_at(&s->rows, claims_workload_variant(w, baseline, b, sizeof b), x)))
            return 0;
    }
    return 1;
}

static void write_row(FILE *out, const char *claim, const char *comparison, const char *baseline,
                      const char *contender, double x) {
    fprintf(out, "%s\t%s\t%s\t%s\t%.15g\n", claim, comparison, baseline, contender, x);
}

/* The crossover window: from WINDOW_BELOW swept points below the smallest x from which the
 * medians favour the contender at every larger x to WINDOW_ABOVE above it, and the largest x, where
 * the contender must still win; the top points if the medians never cross. Only xs both sides were
 * swept at count (a variant may stop early). Every workload at each. */
static void plan_crossover(FILE *out, const char *claim, const char *comparison, const sweep *s,
                           const char *baseline, const char *contender) {
    double all[MAX_XS], xs[MAX_XS];
    const size_t swept = swept_xs(s->facts, all);
    size_t n = 0;
    for (size_t i = 0; i < swept; i++)
        if (both_swept(s, baseline, contender, all[i])) xs[n++] = all[i];
    size_t from = n;
    while (from > 0 && medians_favour_contender(s, baseline, contender, xs[from - 1])) from--;
    const size_t centre = from < n ? from : (n ? n - 1 : 0);
    const size_t lo = centre >= WINDOW_BELOW ? centre - WINDOW_BELOW : 0;
    const size_t hi = centre + WINDOW_ABOVE < n ? centre + WINDOW_ABOVE : (n ? n - 1 : 0);
    const cJSON *w;
    cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(s->facts, "workloads")) {
        char b[256], c[256];
        claims_workload_variant(w, baseline, b, sizeof b);
        claims_workload_variant(w, contender, c, sizeof c);
        for (size_t i = lo; n && i <= hi; i++) write_row(out, claim, comparison, b, c, xs[i]);
        if (n && hi < n - 1) write_row(out, claim, comparison, b, c, xs[n - 1]);
    }
}

/* A comparison's declared paired sweep: each pair at every x both its variants reach. */
static void plan_paired_sweep(FILE *out, const char *comparison, const sweep *s) {
    const cJSON *names = cJSON_GetObjectItemCaseSensitive(s->facts, "paired_sweep");
    double xs[MAX_XS];
    const size_t n = swept_xs(s->facts, xs);
    for (int k = 0; k + 1 < cJSON_GetArraySize(names); k += 2) {
        const char *b = cJSON_GetArrayItem(names, k)->valuestring, *c = cJSON_GetArrayItem(names, k + 1)->valuestring;
        for (size_t i = 0; i < n; i++)
            if (claims_resolve_x(s->facts, b, c, xs[i]) == xs[i]) write_row(out, "-", comparison, b, c, xs[i]);
    }
}

typedef struct paired_sweep_walk {
    const char *dir;
    FILE *out;
} paired_sweep_walk;

/* A claims_visit_fn: the paired sweep of one comparison, if its files load. */
static int plan_paired_sweep_of(const char *name, const char *path, void *ctx) {
    const paired_sweep_walk *walk = ctx;
    sweep s;
    (void)path;
    if (load_sweep(walk->dir, name, &s) != 0) return 0;
    plan_paired_sweep(walk->out, name, &s);
    cJSON_Delete(s.facts);
    csv_free(&s.rows);
    return 0;
}

int main(int argc, char **argv) {
    const char *dir = NULL, *claims_path = NULL, *out_path = NULL, *counted_path = NULL;
    const option_spec specs[] = {{"results", "DIR", &dir, 1}, {"claims", "CLAIMS.tsv", &claims_path, 1},
                                 {"out", "PLAN.tsv", &out_path, 1}, {"counted", "ROWS.tsv", &counted_path, 0}};
    options_parse(argc, argv, specs, sizeof specs / sizeof specs[0],
                  "The pairs a run measures: every timing claim at the x its sweep offers, every crossover's window; "
                  "with --counted, the sweep rows its claims of what is counted read.", "", 0);
    csv_table claims;
    char error[1024];
    if (csv_load(claims_path, '\t', &claims, error, sizeof error) != 0 ||
        csv_require(&claims, claims_path, claim_columns, error, sizeof error) != 0) {
        fprintf(stderr, "idiom_plan: %s\n", error);
        return 1;
    }
    FILE *out = fopen(out_path, "w"), *counted = counted_path ? fopen(counted_path, "w") : NULL;
    if (out == NULL || (counted_path && counted == NULL)) {
        perror(out == NULL ? out_path : counted_path);
        return 1;
    }
    fputs("claim_id\tcomparison\tbaseline\tcontender\tx\n", out);
    if (counted) fputs("comparison\tvariant\tx\n", counted);
#define FIELD(name) csv_cell(&claims, row, (size_t)csv_column(&claims, name))
    for (size_t row = 0; row < claims.n_rows; row++) {
        sweep s;
        if (load_sweep(dir, FIELD("comparison"), &s) != 0) continue; /* not measured in this run */
        const char *metric = FIELD("metric"), *baseline = FIELD("baseline"), *contender = FIELD("contender");
        if (strcmp(metric, "crossover") == 0) {
            plan_crossover(out, FIELD("claim_id"), FIELD("comparison"), &s, baseline, contender);
        } else if (strcmp(metric, "ns_per_item") == 0) {
            const double x = claims_resolve_x(s.facts, baseline, contender, atof(FIELD("x")));
            if (!isnan(x)) write_row(out, FIELD("claim_id"), FIELD("comparison"), baseline, contender, x);
        } else if (counted && csv_column(&s.rows, metric) >= 0) {
            const double x = claims_resolve_x(s.facts, baseline, contender, atof(FIELD("x")));
            if (!isnan(x)) fprintf(counted, "%s\t%s\t%.15g\n%s\t%s\t%.15g\n", FIELD("comparison"), baseline, x,
                                   FIELD("comparison"), contender, x);
        }
        cJSON_Delete(s.facts);
        csv_free(&s.rows);
    }
#undef FIELD
    /* Each comparison's declared paired sweep, whether or not a claim names it. */
    paired_sweep_walk walk = {dir, out};
    claims_each_comparison(dir, ".facts.json", plan_paired_sweep_of, &walk);
    csv_free(&claims);
    const int counted_failed = counted && fclose(counted) != 0;
    return fclose(out) == 0 && !counted_failed ? 0 : 1;
}
