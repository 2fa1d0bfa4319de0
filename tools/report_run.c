/* report_run.c: see report_run.h. */
#include "report_run.h"

#include "idiom_config.h"
#include "stats.h"
#include "verdict.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WIDEST 5 /* claims whose spread the report splits */

static const char *string_of(const cJSON *o, const char *key, const char *fallback) {
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(item) ? item->valuestring : fallback;
}

static double number_of(const cJSON *o, const char *key) {
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(item) ? item->valuedouble : NAN;
}

/* The comparisons whose pairs ran while the steal time passed the warning share, into f. */
static size_t list_stolen(FILE *f, const cJSON *comparisons) {
    size_t n = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, comparisons) {
        const double steal = number_of(c, "pairs_steal_pct");
        if (!(steal > IDIOM_STEAL_WARN_PCT)) continue;
        fprintf(f, "%s%s (%.0f%%)", n++ ? ", " : "", c->string, steal);
    }
    return n;
}

void report_run_fingerprint(FILE *f, const cJSON *environment) {
    const cJSON *blas = cJSON_GetObjectItemCaseSensitive(environment, "openblas");
    if (blas)
        fprintf(f, "| OpenBLAS (the BLAS routines of the C side and NumPy) | kernel %s; OPENBLAS_CORETYPE=%s, OPENBLAS_L2_SIZE=%s |\n",
                string_of(blas, "kernel", "?"), string_of(blas, "OPENBLAS_CORETYPE", "?"),
                string_of(blas, "OPENBLAS_L2_SIZE", "?"));
    const cJSON *phases = cJSON_GetObjectItemCaseSensitive(environment, "phase_seconds");
    if (cJSON_IsObject(phases)) {
        double total = 0;
        const cJSON *p;
        fprintf(f, "| The run's time | ");
        cJSON_ArrayForEach(p, phases) {
            fprintf(f, "%s%s %.0f s", p == phases->child ? "" : ", ", p->string, p->valuedouble);
            total += p->valuedouble;
        }
        fprintf(f, "; %.0f s in all |\n", total);
    }
    const double steal = number_of(environment, "steal_pct");
    if (!isnan(steal)) {
        fprintf(f, "| Neighbours | the hypervisor gave other guests %.1f%% of the CPUs over the run; pairs measured "
                   "while they took more than %d%%: ", steal, IDIOM_STEAL_WARN_PCT);
        if (list_stolen(f, cJSON_GetObjectItemCaseSensitive(environment, "comparisons")) == 0) fprintf(f, "none");
        fprintf(f, " |\n");
    }
    fprintf(f, "\n");
}

void report_run_steal_note(FILE *f, const cJSON *measured_in, const char *name) {
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(measured_in, "comparisons"), name);
    const double steal = number_of(c, "pairs_steal_pct");
    if (steal > IDIOM_STEAL_WARN_PCT)
        fprintf(f, "**Measured on a crowded machine:** while its pairs ran, neighbours took %.0f%% of the CPUs "
                   "(steal time); its intervals are wider for it, and a re-run may narrow them.\n\n", steal);
}

/* A timing claim's row index with its half-width, for sorting. */
typedef struct widest {
    size_t row;
    double half_width;
} widest;

static int wider_first(const void *a, const void *b) {
    const double x = ((const widest *)a)->half_width, y = ((const widest *)b)->half_width;
    return (x < y) - (x > y);
}

void report_run_spread(FILE *f, const csv_table *s) {
    const int metric = csv_column(s, "metric"), lo = csv_column(s, "ratio_lo"), hi = csv_column(s, "ratio_hi"),
              sd_r = csv_column(s, "sd_rounds"), sd_p = csv_column(s, "sd_processes"), id = csv_column(s, "claim_id"),
              rounds = csv_column(s, "rounds"), processes = csv_column(s, "processes");
    if (metric < 0 || lo < 0 || hi < 0 || sd_r < 0 || sd_p < 0 || id < 0 || rounds < 0 || processes < 0) return;
    widest *w = malloc((s->n_rows + 1) * sizeof *w);
    double *widths = malloc((s->n_rows + 1) * sizeof *widths);
    if (w == NULL || widths == NULL) abort();
    size_t n = 0;
    for (size_t i = 0; i < s->n_rows; i++) {
        const double l = csv_number(s, i, (size_t)lo), h = csv_number(s, i, (size_t)hi);
        if (strcmp(csv_cell(s, i, (size_t)metric), "ns_per_item") != 0 || !(l > 0) || !(h > 0)) continue;
        w[n] = (widest){i, verdict_half_width(l, h)};
        widths[n] = w[n].half_width;
        n++;
    }
    if (n > 0) {
        qsort(w, n, sizeof *w, wider_first);
        fprintf(f, "## Where the spread lies\n\n"
                   "Over the %zu timing claims, the median interval reaches %.1f%% either side of its ratio. A claim's "
                   "spread has two levels: how much one round's ratio varies within its process, and how much the "
                   "processes' medians vary beyond that (a heap layout, a neighbour's load). Rounds average the first; "
                   "only more processes average the second. The widest intervals:\n\n"
                   "| claim | ± | processes | rounds | a round varies | processes vary beyond that | share of the "
                   "estimate's variance that is between processes |\n|---|---|---|---|---|---|---|\n",
                n, 100 * stats_median(widths, n));
        for (size_t k = 0; k < n && k < WIDEST; k++) {
            const size_t i = w[k].row;
            const double r = csv_number(s, i, (size_t)sd_r), p = csv_number(s, i, (size_t)sd_p);
            const double per_process = csv_number(s, i, (size_t)rounds) / csv_number(s, i, (size_t)processes);
            fprintf(f, "| %s | %.1f%% | %s | %s | %.1f%% | %.1f%% | %.0f%% |\n", csv_cell(s, i, (size_t)id),
                    100 * w[k].half_width, csv_cell(s, i, (size_t)processes), csv_cell(s, i, (size_t)rounds), 100 * r,
                    100 * p, 100 * verdict_between_share(r, p, per_process));
        }
        fprintf(f, "\n");
    }
    free(w);
    free(widths);
}
