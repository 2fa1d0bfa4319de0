/* report_sections.c: the report's sections of each comparison (its method, chart, key numbers, paired
 * sweep and CPython side) and the calibrations' tables. They lay out what the run and the summary
 * wrote; nothing here fits or judges. */
#include "report_sections.h"

#include "claims.h"
#include "csv.h"
#include "idiom_config.h"
#include "jsonfile.h"
#include "report_run.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The calibration comparisons: each variant at each x, and against the first variant. */
static void write_calibration(FILE *f, const report_place *in, const char *name, const cJSON *facts) {
    char path[4096], error[1024];
    csv_table t;
    snprintf(path, sizeof path, "%s/%s.csv", in->dir, name);
    if (csv_load(path, ',', &t, error, sizeof error) != 0 || t.n_rows == 0) return;
    const cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(facts, "variants"), 0);
    const char *reference = jsonfile_string(first, "name", "");
    fprintf(f, "## Calibration: %s\n\nns per %s at each %s; what is timed is in its section below.\n\n"
               "| variant | %s | ns per %s | against `%s` |\n|---|---:|---:|---:|\n",
            name, jsonfile_string(facts, "item", "item"), jsonfile_string(facts, "param", "x"),
            jsonfile_string(facts, "param", "x"), jsonfile_string(facts, "item", "item"), reference);
    for (size_t i = 0; i < t.n_rows; i++) {
        double ref = NAN;
        for (size_t j = 0; j < t.n_rows; j++)
            if (strcmp(csv_field(&t, j, "variant"), reference) == 0 && strcmp(csv_field(&t, j, "x"), csv_field(&t, i, "x")) == 0)
                ref = atof(csv_field(&t, j, "ns_per_item"));
        fprintf(f, "| `%s` | %s | %.3f | %.2fx |\n", csv_field(&t, i, "variant"), csv_field(&t, i, "x"),
                atof(csv_field(&t, i, "ns_per_item")), atof(csv_field(&t, i, "ns_per_item")) / ref);
    }
    fprintf(f, "\n");
    csv_free(&t);
}


/* Per variant: the sweep's ends and the key numbers the comparison declared, as the summary computed
 * them (<name>.keys.csv, core/key_numbers.h). */
static void write_key_numbers(FILE *f, const report_place *in, const char *name, const cJSON *facts) {
    char path[4096], error[1024];
    csv_table keys;
    snprintf(path, sizeof path, "%s/%s.keys.csv", in->dir, name);
    if (csv_load(path, ',', &keys, error, sizeof error) != 0) {
        fprintf(f, "(No key numbers: %s. `make report` computes them.)\n\n", error);
        return;
    }
    const char *param = jsonfile_string(facts, "param", "x"), *item = jsonfile_string(facts, "item", "item");
    const int growth = jsonfile_array_has(facts, "key_numbers", "growth_order");
    const int bytes = jsonfile_array_has(facts, "key_numbers", "bytes_per_item");
    const int slope = jsonfile_array_has(facts, "key_numbers", "slope");
    const int per_step = jsonfile_array_has(facts, "key_numbers", "growth_per_step");
    char bytes_head[96], step_head[96];
    snprintf(bytes_head, sizeof bytes_head, " peak bytes per %s at the largest |", param);
    snprintf(step_head, sizeof step_head, " time per iteration grows per step of %s |", param);
    fprintf(f, "| variant | ns/%s at the smallest %s | at the largest |%s%s%s%s\n|---|---:|---:|%s%s%s%s\n", item, param,
            growth ? " growth order of time per iteration |" : "", bytes ? bytes_head : "", slope ? " slope |" : "",
            per_step ? step_head : "", growth ? "---:|" : "", bytes ? "---:|" : "", slope ? "---:|" : "",
            per_step ? "---:|" : "");
    for (size_t i = 0; i < keys.n_rows; i++) {
        fprintf(f, "| `%s` | %.4g | %.4g |", csv_field(&keys, i, "variant"), csv_field_number(&keys, i, "ns_per_item_smallest"),
                csv_field_number(&keys, i, "ns_per_item_largest"));
        if (growth) {
            const double order = csv_field_number(&keys, i, "growth_order"), nearest = round(order);
            if (isnan(order)) fprintf(f, " n/a |");
            else if (fabs(order - nearest) <= 0.25 && nearest >= 1) fprintf(f, " %.2f (about %s^%.0f) |", order, param, nearest);
            else fprintf(f, " %.2f |", order);
        }
        const double per_x = csv_field_number(&keys, i, "bytes_per_x_largest"), per_unit = csv_field_number(&keys, i, "slope"),
                     factor = csv_field_number(&keys, i, "growth_per_step");
        if (bytes) fprintf(f, isnan(per_x) ? " n/a |" : " %.1f |", per_x);
        if (slope) fprintf(f, isnan(per_unit) ? " n/a |" : " %.1f |", per_unit);
        if (per_step) fprintf(f, isnan(factor) ? " n/a |" : " %.3fx |", factor);
        fprintf(f, "\n");
    }
    fprintf(f, "\n");
    if (growth)
        fprintf(f, "Growth order: the least-squares slope of log(time per iteration) against log(%s) over the top two "
                   "decades of the sweep (1 is linear, 2 quadratic). ", param);
    if (bytes) fprintf(f, "Peak bytes per %s: the checked run's peak heap bytes over %s at the largest %s. ", param, param, param);
    if (slope)
        fprintf(f, "Slope: %s, the least-squares slope of ns per %s against 1 - %s over the whole sweep. ",
                jsonfile_string(facts, "slope_label", ""), item, param);
    if (per_step)
        fprintf(f, "Growth per step: exp of the least-squares slope of log(time per iteration) against %s, over the "
                   "upper half of the sweep: the factor one more unit of %s multiplies the time by. ", param, param);
    fprintf(f, "\n\n");
    csv_free(&keys);
}

/* The declared paired sweep: the ratio of each pair at every x, from <name>.pairs.csv. */
static void write_paired_sweep(FILE *f, const report_place *in, const char *name, const cJSON *facts) {
    const cJSON *names = cJSON_GetObjectItemCaseSensitive(facts, "paired_sweep");
    const int n_names = cJSON_GetArraySize(names);
    char path[4096], error[1024];
    csv_table pairs;
    snprintf(path, sizeof path, "%s/%s.pairs.csv", in->dir, name);
    if (n_names < 2 || csv_load(path, ',', &pairs, error, sizeof error) != 0) return;
    const char *param = jsonfile_string(facts, "param", "x");
    fprintf(f, "Measured in pairs at every %s: time of the first / time of the second (above 1: the second is "
               "faster), with its %.0f%% interval.\n\n| %s |", param, IDIOM_CONFIDENCE_PCT, param);
    for (int k = 0; k + 1 < n_names; k += 2)
        fprintf(f, " `%s` / `%s` |", cJSON_GetArrayItem(names, k)->valuestring, cJSON_GetArrayItem(names, k + 1)->valuestring);
    fprintf(f, "\n|---:|");
    for (int k = 0; k + 1 < n_names; k += 2) fprintf(f, "---:|");
    fprintf(f, "\n");
    const cJSON *x;
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(facts, "xs")) {
        fprintf(f, "| %.15g |", x->valuedouble);
        for (int k = 0; k + 1 < n_names; k += 2) {
            const char *b = cJSON_GetArrayItem(names, k)->valuestring, *c = cJSON_GetArrayItem(names, k + 1)->valuestring;
            size_t row = 0;
            while (row < pairs.n_rows && !(strcmp(csv_field(&pairs, row, "baseline"), b) == 0 &&
                                           strcmp(csv_field(&pairs, row, "contender"), c) == 0 &&
                                           atof(csv_field(&pairs, row, "x")) == x->valuedouble))
                row++;
            if (row < pairs.n_rows)
                fprintf(f, " %s (%s to %s) |", csv_field(&pairs, row, "ratio"), csv_field(&pairs, row, "ratio_lo"),
                        csv_field(&pairs, row, "ratio_hi"));
            else
                fprintf(f, " |");
        }
        fprintf(f, "\n");
    }
    fprintf(f, "\n");
    csv_free(&pairs);
}

/* The comparison's CPython side, when it was measured: what the script re-ran (its docstring) and
 * each idiom's figures. */
static void write_cpython_section(FILE *f, const report_place *in, const char *name) {
    char path[4096], error[1024];
    csv_table t;
    snprintf(path, sizeof path, "%s/%s.cpython.json", in->dir, name);
    cJSON *about = jsonfile_load(path, error, sizeof error);
    snprintf(path, sizeof path, "%s/%s.cpython.csv", in->dir, name);
    if (about == NULL || csv_load(path, ',', &t, error, sizeof error) != 0) {
        cJSON_Delete(about);
        return;
    }
    fprintf(f, "**CPython here** (%s, `comparisons/%s/%s.py`, %s sizes%s, %s s): %s\n\n", jsonfile_text_of(about, "interpreter"), name, name,
            jsonfile_text_of(about, "scale"), strcmp(jsonfile_text_of(about, "scale"), "full") == 0 ? ", the articles' points" : ": not the articles' points",
            jsonfile_text_of(about, "seconds"), jsonfile_text_of(about, "about"));
    fprintf(f, "| idiom | x | metric | tool | rounds | median | min | max |\n|---|---|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < t.n_rows; i++)
        fprintf(f, "| `%s` | %s | %s | %s | %s | %.4g | %.4g | %.4g |\n", csv_field(&t, i, "idiom"), csv_field(&t, i, "x"),
                csv_field(&t, i, "metric"), csv_field(&t, i, "tool"), csv_field(&t, i, "rounds"), atof(csv_field(&t, i, "median")),
                atof(csv_field(&t, i, "min")), atof(csv_field(&t, i, "max")));
    fprintf(f, "\n");
    csv_free(&t);
    cJSON_Delete(about);
}

static void write_comparison(FILE *f, const report_place *in, const char *name) {
    char path[4096], error[1024];
    csv_table t;
    snprintf(path, sizeof path, "%s/%s.facts.json", in->dir, name);
    cJSON *facts = jsonfile_load(path, error, sizeof error);
    snprintf(path, sizeof path, "%s/%s.csv", in->dir, name);
    if (facts == NULL || csv_load(path, ',', &t, error, sizeof error) != 0 || t.n_rows == 0) {
        cJSON_Delete(facts);
        return;
    }
    fprintf(f, "## %s\n\n", name);
    snprintf(path, sizeof path, "%s/%s.environment.json", in->dir, name);
    cJSON *measured_in = jsonfile_load(path, error, sizeof error);
    if (measured_in)
        fprintf(f, "Measured in run `%s` (%s, commit `%s`)%s.\n\n", jsonfile_text_of(measured_in, "run_id"),
                jsonfile_text_of(measured_in, "date_utc"), jsonfile_text_of(measured_in, "commit"),
                strcmp(jsonfile_text_of(measured_in, "quick"), "true") == 0 ? ", a QUICK run: not for citing" : "");
    report_run_steal_note(f, measured_in, name);
    cJSON_Delete(measured_in);
    fprintf(f, "%s\n\n", jsonfile_string(facts, "about", "(no description was declared)"));
    fprintf(f, "![%s: time per %s against %s](%s/%s.svg)\n\n", name, jsonfile_string(facts, "item", "item"),
            jsonfile_string(facts, "param", "x"), in->plots_link, name);
    if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(facts, "calibration"))) write_key_numbers(f, in, name, facts);
    write_paired_sweep(f, in, name, facts);
    write_cpython_section(f, in, name);
    size_t unstable = 0;
    for (size_t i = 0; i < t.n_rows; i++) {
        if (atof(csv_field(&t, i, "unstable")) == 0) continue;
        if (unstable++ == 0)
            fprintf(f, "Rows whose repetitions vary by more than %d%% (CV; nanobench's err%% beside it): ",
                    IDIOM_UNSTABLE_CV_PCT);
        fprintf(f, "%s`%s/%s` (%.1f%%; %.1f%%)", unstable > 1 ? ", " : "", csv_field(&t, i, "variant"), csv_field(&t, i, "x"),
                atof(csv_field(&t, i, "cv_pct")), atof(csv_field(&t, i, "mdape_pct")));
    }
    if (unstable)
        fprintf(f, ". Their medians and intervals still stand, and no verdict rests on them (claims are measured in "
                   "pairs); for steadier charts, `BENCH_ARGS='--benchmark_repetitions=30'` or a quieter machine.\n\n");
    else
        fprintf(f, "Every row's CV is at most %d%%.\n\n", IDIOM_UNSTABLE_CV_PCT);
    csv_free(&t);
    cJSON_Delete(facts);
}

typedef struct section_walk {
    FILE *f;
    const report_place *in;
    int calibration_only; /* 1: only the calibrations' tables, which go before the ledger */
} section_walk;

/* A claims_visit_fn: one comparison's section, or its calibration table. */
static int write_section(const char *name, const char *facts_path, void *ctx) {
    const section_walk *walk = ctx;
    char error[1024];
    if (!walk->calibration_only) {
        write_comparison(walk->f, walk->in, name);
        return 0;
    }
    cJSON *facts = jsonfile_load(facts_path, error, sizeof error);
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(facts, "calibration"))) write_calibration(walk->f, walk->in, name, facts);
    cJSON_Delete(facts);
    return 0;
}

void report_sections(FILE *f, const report_place *in, int calibration_only) {
    section_walk walk = {f, in, calibration_only};
    claims_each_comparison(in->dir, ".facts.json", write_section, &walk);
}

