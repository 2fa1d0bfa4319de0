/* idiom_allocators.c: the allocator ledger. `make allocators` runs the allocation-heavy
 * comparisons once under each allocator, into <results>/allocators/<allocator>/; this joins those
 * runs' claims into one CSV (results/allocators.csv): per claim and allocator (claim_index: its
 * place among that allocator's claims, the same for every allocator), the ratio, its interval,
 * outcome and verdict, each side's growth order (how its time per iteration grows with x, over the
 * sweep: 1 is linear, 2 quadratic) and each side's peak heap bytes per item at the claim's x, as
 * that allocator grants them, and which run measured it with which allocator. It reads only what
 * those runs wrote. */
#include "claims.h"
#include "csv.h"
#include "csvout.h"
#include "jsonfile.h"
#include "options.h"
#include "stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const char *const summary_columns[] = {"claim_id", "comparison", "metric", "param", "x", "baseline", "contender",
                                              "ratio", "ratio_lo", "ratio_hi", "outcome", "verdict", NULL};

/* variant's peak heap bytes per item at x; NaN if not measured there. */
static double bytes_per_item(const csv_table *rows, const char *variant, double x) {
    return claims_sweep_value(rows, variant, x, "peak_bytes") / claims_sweep_value(rows, variant, x, "items");
}

/* A line of allocators.csv: a claim under one allocator, its figures as that allocator's run wrote
 * them in its summary.csv, beside what it computes from the run's sweep (NaN: not measured, an empty
 * field). */
typedef struct allocator_line {
    size_t claim_index;
    const char *claim_id, *comparison, *metric, *param, *x, *allocator, *ratio, *ratio_lo, *ratio_hi, *outcome, *verdict,
        *baseline, *contender;
    double baseline_order, contender_order, baseline_bytes_per_item, contender_bytes_per_item;
    const char *run_id, *allocator_detail;
} allocator_line;
#define ALLOCATOR_TEXT(field) CSVOUT_TEXT(allocator_line, field)
#define ALLOCATOR_NUMBER(field) CSVOUT_OPTIONAL(allocator_line, field, CSVOUT_G6)
static const csvout_column allocator_table[] = {
    CSVOUT_COUNT(allocator_line, claim_index), ALLOCATOR_TEXT(claim_id), ALLOCATOR_TEXT(comparison),
    ALLOCATOR_TEXT(metric), ALLOCATOR_TEXT(param), ALLOCATOR_TEXT(x), ALLOCATOR_TEXT(allocator), ALLOCATOR_TEXT(ratio),
    ALLOCATOR_TEXT(ratio_lo), ALLOCATOR_TEXT(ratio_hi), ALLOCATOR_TEXT(outcome), ALLOCATOR_TEXT(verdict),
    ALLOCATOR_TEXT(baseline), ALLOCATOR_TEXT(contender), ALLOCATOR_NUMBER(baseline_order),
    ALLOCATOR_NUMBER(contender_order), ALLOCATOR_NUMBER(baseline_bytes_per_item),
    ALLOCATOR_NUMBER(contender_bytes_per_item), ALLOCATOR_TEXT(run_id), ALLOCATOR_TEXT(allocator_detail),
};
#undef ALLOCATOR_TEXT
#undef ALLOCATOR_NUMBER

/* One allocator's claims, appended to out, each with its run's id and how the allocator was loaded.
 * 0; -1 if its run left no readable summary. */
static int join_allocator(const char *results, const char *allocator, FILE *out) {
    size_t index = 0;
    char dir[4096], path[4200], error[1024], run_id[64], detail[512];
    snprintf(dir, sizeof dir, "%s/allocators/%s", results, allocator);
    snprintf(path, sizeof path, "%s/environment.json", dir);
    cJSON *env = jsonfile_load(path, error, sizeof error);
    jsonfile_text(env, "run_id", "unknown", run_id, sizeof run_id);
    jsonfile_text(env, "allocator_detail", "unknown", detail, sizeof detail);
    cJSON_Delete(env);
    for (char *c = detail; *c; c++)
        if (*c == ',') *c = ';'; /* a CSV field */
    snprintf(path, sizeof path, "%s/summary.csv", dir);
    csv_table summary;
    if (csv_load(path, ',', &summary, error, sizeof error) != 0 ||
        csv_require(&summary, path, summary_columns, error, sizeof error) != 0) {
        fprintf(stderr, "idiom_allocators: %s\n", error);
        return -1;
    }
#define FIELD(name) csv_cell(&summary, row, (size_t)csv_column(&summary, name))
    for (size_t row = 0; row < summary.n_rows; row++) {
        if (strcmp(FIELD("metric"), "crossover") == 0) continue; /* no single ratio to set side by side */
        cJSON *facts;
        csv_table rows;
        if (claims_load_sweep(dir, FIELD("comparison"), &facts, &rows) != 0) continue;
        const double x = atof(FIELD("x"));
        const allocator_line line = {index++, FIELD("claim_id"), FIELD("comparison"), FIELD("metric"), FIELD("param"),
                                     FIELD("x"), allocator, FIELD("ratio"), FIELD("ratio_lo"), FIELD("ratio_hi"),
                                     FIELD("outcome"), FIELD("verdict"), FIELD("baseline"), FIELD("contender"),
                                     claims_growth_order(&rows, FIELD("baseline")),
                                     claims_growth_order(&rows, FIELD("contender")),
                                     bytes_per_item(&rows, FIELD("baseline"), x),
                                     bytes_per_item(&rows, FIELD("contender"), x), run_id, detail};
        csvout_line(out, allocator_table, CSVOUT_N(allocator_table), &line, 0);
        cJSON_Delete(facts);
        csv_free(&rows);
    }
#undef FIELD
    csv_free(&summary);
    return 0;
}

int main(int argc, char **argv) {
    const char *dir = NULL, *out_path = NULL;
    const option_spec specs[] = {{"results", "DIR", &dir, 1}, {"out", "FILE", &out_path, 1}};
    const int first = options_parse(argc, argv, specs, sizeof specs / sizeof specs[0],
                                    "Every claim under each allocator, from DIR/allocators/ALLOCATOR/, into FILE.",
                                    "ALLOCATOR...", 1);
    FILE *out = fopen(out_path, "w");
    if (out == NULL) {
        perror(out_path);
        return 1;
    }
    csvout_line(out, allocator_table, CSVOUT_N(allocator_table), NULL, 1);
    int status = 0;
    for (int i = first; i < argc && status == 0; i++) status = join_allocator(dir, argv[i], out);
    if ((ferror(out) | fclose(out)) != 0) status = -1;
    return status == 0 ? 0 : 1;
}
