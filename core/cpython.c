/* cpython.c: see cpython.h. */
#include "cpython.h"

#include "idiom_config.h"
#include "stats.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const rounds_columns[] = {"idiom", "#x", "metric", "tool", "#round", "#value", NULL};

int cpython_load(const char *dir, const char *comparison, csv_table *rounds) {
    char path[4096], error[1024];
    snprintf(path, sizeof path, "%s/%s.cpython_rounds.csv", dir, comparison);
    if (csv_load(path, ',', rounds, error, sizeof error) != 0) return -1; /* none: not measured */
    if (csv_require(rounds, path, rounds_columns, error, sizeof error) == 0) return 0;
    fprintf(stderr, "%s\n", error);
    csv_free(rounds);
    return -1;
}

/* The value of idiom's row on metric at x in round, or NaN. */
static double value_at(const csv_table *t, const char *idiom, const char *metric, double x, double round, size_t *tool_row) {
    const size_t i = (size_t)csv_column(t, "idiom"), m = (size_t)csv_column(t, "metric"), xc = (size_t)csv_column(t, "x"),
                 r = (size_t)csv_column(t, "round"), v = (size_t)csv_column(t, "value");
    for (size_t row = 0; row < t->n_rows; row++)
        if (strcmp(csv_cell(t, row, i), idiom) == 0 && strcmp(csv_cell(t, row, m), metric) == 0 &&
            csv_number(t, row, xc) == x && csv_number(t, row, r) == round) {
            if (tool_row) *tool_row = row;
            return csv_number(t, row, v);
        }
    return NAN;
}

/* The x nearest wanted (as cpython.h says) at which both idioms have a positive figure in some
 * round of metric; NaN if none. */
static double shared_x(const csv_table *t, const char *metric, const char *baseline, const char *contender, double wanted) {
    const size_t i = (size_t)csv_column(t, "idiom"), xc = (size_t)csv_column(t, "x"), r = (size_t)csv_column(t, "round");
    double below = NAN, above = NAN;
    for (size_t row = 0; row < t->n_rows; row++) {
        if (strcmp(csv_cell(t, row, i), baseline) != 0) continue;
        const double x = csv_number(t, row, xc), round = csv_number(t, row, r);
        if (!(value_at(t, baseline, metric, x, round, NULL) > 0 && value_at(t, contender, metric, x, round, NULL) > 0))
            continue;
        if (x == wanted) return x;
        if (x < wanted && (isnan(below) || x > below)) below = x;
        if (x > wanted && (isnan(above) || x < above)) above = x;
    }
    return isnan(below) ? above : below;
}

/* baseline / contender on metric at x, paired by round, into e; the tool of the baseline's first
 * row into tool. 0, or -1 if no round has both. */
static int paired_rounds(const csv_table *t, const char *metric, const char *baseline, const char *contender, double x,
                         paired_estimate *e, char *tool, size_t tool_size) {
    const size_t i = (size_t)csv_column(t, "idiom"), r = (size_t)csv_column(t, "round"), tc = (size_t)csv_column(t, "tool"),
                 m = (size_t)csv_column(t, "metric"), xc = (size_t)csv_column(t, "x");
    double *logs = malloc((t->n_rows + 1) * sizeof *logs);
    unsigned *process = calloc(t->n_rows + 1, sizeof *process); /* one process: every round in process 0 */
    if (logs == NULL || process == NULL) abort();
    size_t n = 0, tool_row = 0;
    for (size_t row = 0; row < t->n_rows; row++) {
        if (strcmp(csv_cell(t, row, i), baseline) != 0 || strcmp(csv_cell(t, row, m), metric) != 0 ||
            csv_number(t, row, xc) != x)
            continue;
        const double round = csv_number(t, row, r);
        const double b = value_at(t, baseline, metric, x, round, &tool_row), c = value_at(t, contender, metric, x, round, NULL);
        if (b > 0 && c > 0) logs[n++] = log(b / c);
        if (n == 1 && tool) snprintf(tool, tool_size, "%s", csv_cell(t, tool_row, tc));
    }
    const int status = verdict_paired(logs, process, n, IDIOM_CONFIDENCE, e);
    free(logs);
    free(process);
    return status;
}

int cpython_estimate_of(const csv_table *rounds, const char *metric, const char *baseline, const char *contender,
                        double wanted_x, cpython_estimate *out) {
    *out = (cpython_estimate){.x = shared_x(rounds, metric, baseline, contender, wanted_x), .profiled_ratio = NAN};
    if (isnan(out->x) ||
        paired_rounds(rounds, metric, baseline, contender, out->x, &out->e, out->tool, sizeof out->tool) != 0)
        return -1;
    char profiled[128];
    paired_estimate p;
    snprintf(profiled, sizeof profiled, "profiled_%s", metric);
    if (paired_rounds(rounds, profiled, baseline, contender, out->x, &p, out->profiler, sizeof out->profiler) == 0)
        out->profiled_ratio = p.ratio;
    return 0;
}

int cpython_idiom_figure(const csv_table *rounds_table, const char *metric, const char *idiom, double wanted_x,
                         double confidence, double *x, double *median, double *lo, double *hi, size_t *rounds) {
    const csv_table *t = rounds_table;
    *x = shared_x(t, metric, idiom, idiom, wanted_x);
    if (isnan(*x)) return -1;
    const size_t i = (size_t)csv_column(t, "idiom"), m = (size_t)csv_column(t, "metric"), xc = (size_t)csv_column(t, "x"),
                 v = (size_t)csv_column(t, "value");
    double *values = malloc((t->n_rows + 1) * sizeof *values);
    if (values == NULL) abort();
    size_t n = 0;
    for (size_t row = 0; row < t->n_rows; row++)
        if (strcmp(csv_cell(t, row, i), idiom) == 0 && strcmp(csv_cell(t, row, m), metric) == 0 &&
            csv_number(t, row, xc) == *x && csv_number(t, row, v) > 0)
            values[n++] = csv_number(t, row, v);
    *rounds = n;
    *median = stats_median(values, n);
    (void)stats_median_interval(values, n, confidence, lo, hi); /* too few rounds: their range */
    free(values);
    return 0;
}
