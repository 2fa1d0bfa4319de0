/* claims.c: see claims.h. */
#include "claims.h"

#include "stats.h"

#include "jsonfile.h"

#include <glob.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* The facts object of a declared variant, or NULL. */
static const cJSON *declared_variant(const cJSON *facts, const char *variant) {
    const cJSON *v;
    cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(facts, "variants")) {
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(v, "name");
        if (cJSON_IsString(name) && strcmp(name->valuestring, variant) == 0) return v;
    }
    return NULL;
}

double claims_variant_max_x(const cJSON *facts, const char *variant) {
    const cJSON *v = declared_variant(facts, variant);
    return v ? cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(v, "max_x")) : -1;
}

int claims_variant_in_children(const cJSON *facts, const char *variant) {
    const cJSON *v = declared_variant(facts, variant);
    return v != NULL && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(v, "in_children"));
}

static int reaches(double max_x, double x) { return max_x == 0 || x <= max_x; }

double claims_resolve_x(const cJSON *facts, const char *baseline, const char *contender, double wanted) {
    const double max_b = claims_variant_max_x(facts, baseline), max_c = claims_variant_max_x(facts, contender);
    if (max_b < 0 || max_c < 0) return NAN;
    double below = NAN, above = NAN;
    const cJSON *item;
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(facts, "xs")) {
        const double x = item->valuedouble;
        if (!reaches(max_b, x) || !reaches(max_c, x)) continue;
        if (x == wanted) return x;
        if (x < wanted && (isnan(below) || x > below)) below = x;
        if (x > wanted && (isnan(above) || x < above)) above = x;
    }
    return isnan(below) ? above : below;
}

const char *claims_workload_variant(const cJSON *workload, const char *variant, char *out, size_t size) {
    snprintf(out, size, "%s%s", variant, jsonfile_string(workload, "suffix", ""));
    return out;
}

int claims_load_sweep(const char *dir, const char *name, cJSON **facts, csv_table *rows) {
    char path[4096], error[1024];
    snprintf(path, sizeof path, "%s/%s.facts.json", dir, name);
    if ((*facts = jsonfile_load(path, error, sizeof error)) == NULL) return -1;
    snprintf(path, sizeof path, "%s/%s.csv", dir, name);
    if (csv_load(path, ',', rows, error, sizeof error) == 0) return 0;
    fprintf(stderr, "%s\n", error);
    cJSON_Delete(*facts);
    return -1;
}

double claims_sweep_value(const csv_table *rows, const char *variant, double x, const char *column) {
    const int v = csv_column(rows, "variant"), xc = csv_column(rows, "x"), m = csv_column(rows, column);
    for (size_t row = 0; v >= 0 && xc >= 0 && m >= 0 && row < rows->n_rows; row++)
        if (strcmp(csv_cell(rows, row, (size_t)v), variant) == 0 && csv_number(rows, row, (size_t)xc) == x)
            return csv_number(rows, row, (size_t)m);
    return NAN;
}

int claims_sweep_ratio(const csv_table *rows, const char *baseline, const char *contender, double x, const char *column,
                       double *ratio, double *lo, double *hi) {
    const double b = claims_sweep_value(rows, baseline, x, column), c = claims_sweep_value(rows, contender, x, column);
    if (isnan(b) || isnan(c)) return 0;
    char lo_column[128], hi_column[128];
    snprintf(lo_column, sizeof lo_column, "%s_lo", column);
    snprintf(hi_column, sizeof hi_column, "%s_hi", column);
    const double b_lo = claims_sweep_value(rows, baseline, x, lo_column), b_hi = claims_sweep_value(rows, baseline, x, hi_column);
    const double c_lo = claims_sweep_value(rows, contender, x, lo_column), c_hi = claims_sweep_value(rows, contender, x, hi_column);
    *ratio = *lo = *hi = b / c;
    if (isnan(b_lo) || isnan(b_hi) || isnan(c_lo) || isnan(c_hi)) return 1;
    *lo = c_hi > 0 ? b_lo / c_hi : NAN;
    *hi = c_lo > 0 ? b_hi / c_lo : INFINITY;
    return 2;
}

int claims_each_comparison(const char *dir, const char *suffix, claims_visit_fn *visit, void *ctx) {
    char pattern[4096];
    glob_t found;
    snprintf(pattern, sizeof pattern, "%s/*%s", dir, suffix);
    if (glob(pattern, 0, NULL, &found) != 0) return 0;
    int status = 0;
    for (size_t i = 0; i < found.gl_pathc && status == 0; i++) {
        char name[256];
        const char *base = strrchr(found.gl_pathv[i], '/');
        snprintf(name, sizeof name, "%s", base ? base + 1 : found.gl_pathv[i]);
        name[strlen(name) - strlen(suffix)] = '\0';
        status = visit(name, found.gl_pathv[i], ctx);
    }
    globfree(&found);
    return status;
}

double claims_growth_order(const csv_table *rows, const char *variant) {
    const int v = csv_column(rows, "variant"), xc = csv_column(rows, "x"), ns = csv_column(rows, "ns_per_item"),
              items = csv_column(rows, "items");
    double x[CLAIMS_MAX_POINTS], per_iteration[CLAIMS_MAX_POINTS], top = 0, slope;
    size_t n = 0;
    for (size_t r = 0; v >= 0 && xc >= 0 && ns >= 0 && items >= 0 && r < rows->n_rows && n < CLAIMS_MAX_POINTS; r++) {
        if (strcmp(csv_cell(rows, r, (size_t)v), variant) != 0) continue;
        x[n] = csv_number(rows, r, (size_t)xc);
        per_iteration[n] = csv_number(rows, r, (size_t)ns) * csv_number(rows, r, (size_t)items);
        if (x[n] > top) top = x[n];
        n++;
    }
    size_t fitted = 0;
    for (size_t k = 0; k < n; k++)
        if (x[k] >= top / 100 && x[k] > 0) {
            x[fitted] = x[k];
            per_iteration[fitted++] = per_iteration[k];
        }
    return fitted >= 2 && stats_loglog_slope(x, per_iteration, fitted, &slope) == 0 ? slope : NAN;
}
