/* idiom_report.c: writes results/REPORT.md, the page people cite: the run's fingerprint, the
 * harness calibration, the claims ledger from summary.csv, then one section per comparison with
 * its method, chart and key numbers. Reads only files a run wrote. */
#include "csv.h"
#include "stats.h"

#include <glob.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_POINTS 256 /* swept values of one variant */

typedef struct report_inputs {
    const char *dir;        /* the results folder being reported */
    const char *plots_link; /* how REPORT.md reaches the charts, e.g. ../plots */
    char *environment;      /* environment.json's text, or NULL */
    csv_table claims;       /* claims/articles.tsv */
    csv_table summary;      /* summary.csv */
} report_inputs;

/* The text of a small file the run wrote, or NULL if it is not there. */
static char *slurp(const char *path) {
    char error[1024];
    return csv_read_file(path, error, sizeof error);
}

/* A value of an environment.json text of ours ("key": value, one per line), quotes removed. The
 * result lives until 16 more calls, so one printf may use several. */
static const char *env_in(const char *environment, const char *key) {
    static char values[16][1024];
    static unsigned next;
    char *value = values[next++ % 16];
    char pattern[128];
    snprintf(pattern, sizeof pattern, "\"%s\": ", key);
    const char *at = environment ? strstr(environment, pattern) : NULL;
    if (at == NULL) return "unknown";
    at += strlen(pattern);
    size_t n = strcspn(at, "\n");
    if (n > 0 && at[n - 1] == ',') n--;
    if (n >= 2 && at[0] == '"') {
        at++;
        n -= 2;
    }
    snprintf(value, sizeof values[0], "%.*s", (int)n, at);
    return value;
}

/* A value of this run's environment.json. */
static const char *env(const report_inputs *in, const char *key) { return env_in(in->environment, key); }

static const char *cell(const csv_table *t, size_t row, const char *column) {
    const int c = csv_column(t, column);
    return c >= 0 ? csv_cell(t, row, (size_t)c) : "";
}

static void write_header(FILE *f, const report_inputs *in) {
    fprintf(f, "# idiombench report\n\n");
    fprintf(f, "Run `%s`, %s, commit `%s`", env(in, "run_id"), env(in, "date_utc"), env(in, "commit"));
    fprintf(f, "%s, on `%s`.", strcmp(env(in, "dirty"), "true") == 0 ? " (with uncommitted changes)" : "",
            env(in, "host"));
    if (strcmp(env(in, "quick"), "true") == 0)
        fprintf(f, " **A QUICK run: reduced sweeps and short times, for checking the pipeline, not for citing.**");
    fprintf(f, "\n\n| | |\n|---|---|\n");
    fprintf(f, "| Machine | %s, %s cores; caches %s |\n", env(in, "cpu_model"), env(in, "cores"), env(in, "caches"));
    fprintf(f, "| State | load average %s; frequency governor: %s; transparent huge pages: %s; DAMON: %s; %s |\n",
            env(in, "load_average"), env(in, "frequency_governor"), env(in, "transparent_hugepages"),
            env(in, "damon_monitor"), env(in, "kernel"));
    fprintf(f, "| Build | %s, `%s` (%s); C++ wrapper `%s` |\n", env(in, "c_compiler"), env(in, "c_flags"),
            env(in, "build_type"), env(in, "cxx_flags"));
    fprintf(f, "| Libraries | Google Benchmark %s; uthash %s; glibc %s; %s |\n", env(in, "google_benchmark"),
            env(in, "uthash"), env(in, "glibc"), env(in, "gnuplot"));
    fprintf(f, "| Inputs | SplitMix64, seed %s; extra flags: `%s` |\n", env(in, "seed"),
            strlen(env(in, "bench_args")) ? env(in, "bench_args") : "none");
    fprintf(f, "| Statistics | Times are medians over repetitions run in random interleaved order. A ratio is "
               "median(baseline) / median(contender), above 1 when the contender is faster or smaller; its "
               "95%% interval is a percentile bootstrap, each side resampled independently 10,000 times "
               "(seed 1). A claim *agrees* when the interval lies wholly beyond 1.02 in the article's "
               "direction, *disagrees* when it lies wholly beyond 1.02 the other way, and is *inconclusive* "
               "otherwise or when a row it rests on has a CV above 5%%. |\n\n");
}

/* The calibration table: harness_overhead's two variants side by side. */
static void write_calibration(FILE *f, const report_inputs *in) {
    char path[4096], error[1024];
    csv_table t;
    snprintf(path, sizeof path, "%s/harness_overhead.csv", in->dir);
    fprintf(f, "## Harness calibration\n\n");
    if (csv_load(path, ',', &t, error, sizeof error) != 0) {
        fprintf(f, "Not measured in this run (`make bench ONLY=harness_overhead`).\n\n");
        return;
    }
    fprintf(f, "What one iteration of the timing loop costs, in ns; every time per iteration below includes "
               "it once. The C wrapper should cost no more than Google Benchmark's own loop.\n\n"
               "| body barriers n | native_cpp | c_wrapper | c_wrapper / native_cpp |\n|---:|---:|---:|---:|\n");
    for (size_t i = 0; i < t.n_rows; i++) {
        if (strcmp(cell(&t, i, "variant"), "native_cpp") != 0) continue;
        for (size_t j = 0; j < t.n_rows; j++) {
            if (strcmp(cell(&t, j, "variant"), "c_wrapper") != 0 || strcmp(cell(&t, i, "x"), cell(&t, j, "x")) != 0)
                continue;
            const double native = atof(cell(&t, i, "ns_per_item")), wrapped = atof(cell(&t, j, "ns_per_item"));
            fprintf(f, "| %s | %.3f | %.3f | %.3f |\n", cell(&t, i, "x"), native, wrapped, wrapped / native);
        }
    }
    fprintf(f, "\n");
    csv_free(&t);
}

/* The claims row of claim_id in claims/articles.tsv, or -1. */
static long claim_row(const report_inputs *in, const char *claim_id) {
    for (size_t i = 0; i < in->claims.n_rows; i++)
        if (strcmp(cell(&in->claims, i, "claim_id"), claim_id) == 0) return (long)i;
    return -1;
}

/* summary.csv's magnitude word as a phrase: smaller, similar or larger than the article's ratio. */
static const char *magnitude_text(const char *magnitude) {
    return strcmp(magnitude, "similar") == 0 ? "similar to the article's (within a factor of 2)"
           : strcmp(magnitude, "smaller") == 0 ? "smaller than the article's (by more than a factor of 2)"
                                               : "larger than the article's (by more than a factor of 2)";
}

/* "contender 4.2x faster than baseline [4.0, 4.4]": the measured figure of summary row i. */
static void figure_text(const csv_table *s, size_t i, char *buffer, size_t size) {
    const double ratio = atof(cell(s, i, "ratio")), lo = atof(cell(s, i, "ratio_lo")), hi = atof(cell(s, i, "ratio_hi"));
    const int time = strcmp(cell(s, i, "metric"), "peak_bytes") != 0, contender_wins = ratio >= 1;
    if (isnan(ratio)) {
        snprintf(buffer, size, "not measured");
        return;
    }
    if (isinf(ratio) || ratio == 0) { /* one side allocates nothing: no finite ratio to quote */
        snprintf(buffer, size, "`%s` needs no heap memory, `%s` does, at %s=%s",
                 ratio > 0 ? cell(s, i, "contender") : cell(s, i, "baseline"),
                 ratio > 0 ? cell(s, i, "baseline") : cell(s, i, "contender"), cell(s, i, "param"), cell(s, i, "x"));
        return;
    }
    if (ratio > 1 / 1.02 && ratio < 1.02) { /* within the 2% noise floor: no winner to name */
        snprintf(buffer, size, "`%s` and `%s` within 2%% of each other at %s=%s (ratio %.3g, 95%% interval %.3g to %.3g)",
                 cell(s, i, "baseline"), cell(s, i, "contender"), cell(s, i, "param"), cell(s, i, "x"), ratio, lo, hi);
        return;
    }
    snprintf(buffer, size, "`%s` %.3gx %s than `%s` at %s=%s (95%% interval %.3g to %.3g)",
             contender_wins ? cell(s, i, "contender") : cell(s, i, "baseline"), contender_wins ? ratio : 1 / ratio,
             time ? "faster" : "smaller", contender_wins ? cell(s, i, "baseline") : cell(s, i, "contender"),
             cell(s, i, "param"), cell(s, i, "x"), contender_wins ? lo : 1 / hi, contender_wins ? hi : 1 / lo);
}

static void write_ledger(FILE *f, const report_inputs *in) {
    const csv_table *s = &in->summary;
    fprintf(f, "## Claims ledger\n\n");
    if (s->n_rows == 0) {
        fprintf(f, "No claim's comparison was measured in this run.\n\n");
        return;
    }
    fprintf(f, "| claim | article | article's figure | C figure | verdict |\n|---|---|---|---|---|\n");
    for (size_t i = 0; i < s->n_rows; i++) {
        const long c = claim_row(in, cell(s, i, "claim_id"));
        char figure[512];
        figure_text(s, i, figure, sizeof figure);
        fprintf(f, "| `%s` | %s | %s | %s | **%s**", cell(s, i, "claim_id"),
                c >= 0 ? cell(&in->claims, (size_t)c, "article") : "",
                c >= 0 ? cell(&in->claims, (size_t)c, "article_figure") : "", figure, cell(s, i, "verdict"));
        if (*cell(s, i, "magnitude")) fprintf(f, "; C magnitude: %s", magnitude_text(cell(s, i, "magnitude")));
        if (*cell(s, i, "note")) fprintf(f, "; %s", cell(s, i, "note"));
        fprintf(f, " |\n");
    }
    fprintf(f, "\nEach claim in one sentence, ready to paste:\n\n");
    for (size_t i = 0; i < s->n_rows; i++) {
        const long c = claim_row(in, cell(s, i, "claim_id"));
        const char *verdict = cell(s, i, "verdict");
        char figure[512];
        figure_text(s, i, figure, sizeof figure);
        fprintf(f, "- **%s**: %s; the article's claim %s", cell(s, i, "claim_id"), figure,
                strcmp(verdict, "agrees") == 0      ? "holds in C"
                : strcmp(verdict, "disagrees") == 0 ? "does not hold in C"
                                                    : "is neither confirmed nor refuted here");
        if (*cell(s, i, "note")) fprintf(f, " (%s)", cell(s, i, "note"));
        fprintf(f, ".");
        if (*cell(s, i, "magnitude"))
            fprintf(f, " The article's ratio was %s; the C ratio is %s.", cell(s, i, "article_ratio"),
                    magnitude_text(cell(s, i, "magnitude")));
        if (c >= 0) fprintf(f, " %s", cell(&in->claims, (size_t)c, "why"));
        fprintf(f, "\n");
    }
    fprintf(f, "\n");
}

/* The rows of the variant first seen at row i, as points: x, ns per item and time per iteration,
 * and which rows hold the smallest and largest x. Returns how many; 0 if the variant was seen
 * before row i (so each variant is visited once). */
static size_t variant_points(const csv_table *t, size_t i, double *x, double *per_item, double *per_iteration,
                             size_t *smallest, size_t *largest) {
    for (size_t j = 0; j < i; j++)
        if (strcmp(cell(t, j, "variant"), cell(t, i, "variant")) == 0) return 0;
    size_t n = 0;
    *smallest = *largest = i;
    for (size_t j = i; j < t->n_rows && n < MAX_POINTS; j++) {
        if (strcmp(cell(t, j, "variant"), cell(t, i, "variant")) != 0) continue;
        x[n] = atof(cell(t, j, "x"));
        per_item[n] = atof(cell(t, j, "ns_per_item"));
        per_iteration[n++] = atof(cell(t, j, "ns_per_item")) * atof(cell(t, j, "items"));
        if (atof(cell(t, j, "x")) < atof(cell(t, *smallest, "x"))) *smallest = j;
        if (atof(cell(t, j, "x")) > atof(cell(t, *largest, "x"))) *largest = j;
    }
    return n;
}

/* For a count parameter, per variant: time per item at both ends of the sweep, the fitted growth
 * order of the time per iteration, and bytes per element at the largest count. */
static void write_count_key_numbers(FILE *f, const csv_table *t) {
    const char *param = cell(t, 0, "param");
    fprintf(f, "| variant | ns/item at the smallest %s | at the largest | growth order of time per iteration |"
               " peak bytes per %s at the largest |\n|---|---:|---:|---:|---:|\n", param, param);
    for (size_t i = 0; i < t->n_rows; i++) {
        double x[MAX_POINTS], per_item[MAX_POINTS], per_iteration[MAX_POINTS];
        size_t smallest, largest;
        const size_t n = variant_points(t, i, x, per_item, per_iteration, &smallest, &largest);
        if (n == 0) continue;
        /* The asymptote shows at the top of the sweep: fit the top two decades, where fixed costs
         * per iteration no longer hide the order. */
        const double fit_from = atof(cell(t, largest, "x")) / 100;
        size_t fitted = 0;
        for (size_t k = 0; k < n; k++)
            if (x[k] >= fit_from) {
                x[fitted] = x[k];
                per_iteration[fitted++] = per_iteration[k];
            }
        double slope;
        char order[64] = "n/a", bytes[32] = "n/a";
        if (fitted >= 3 && x[0] > 0 && stats_loglog_slope(x, per_iteration, fitted, &slope) == 0) {
            const double nearest = round(slope);
            if (fabs(slope - nearest) <= 0.25 && nearest >= 1)
                snprintf(order, sizeof order, "%.2f (about %s^%.0f)", slope, param, nearest);
            else
                snprintf(order, sizeof order, "%.2f", slope);
        }
        if (atof(cell(t, largest, "x")) > 0)
            snprintf(bytes, sizeof bytes, "%.1f", atof(cell(t, largest, "peak_bytes")) / atof(cell(t, largest, "x")));
        fprintf(f, "| `%s` | %.4g | %.4g | %s | %s |\n", cell(t, i, "variant"), atof(cell(t, smallest, "ns_per_item")),
                atof(cell(t, largest, "ns_per_item")), order, bytes);
    }
    fprintf(f, "\nGrowth order: the slope of log(time per iteration) against log(%s), by least squares over "
               "the top two decades of the sweep (1 is linear, 2 quadratic).\n\n", param);
}

/* For a hit ratio, per variant: time per lookup with every key missing and with every key
 * present, and what one miss costs beyond a hit: the least-squares slope of time per lookup
 * against the share of misses, over the whole sweep. */
static void write_ratio_key_numbers(FILE *f, const csv_table *t) {
    fprintf(f, "| variant | ns/lookup at the lowest hit ratio | at the highest | ns a miss costs beyond a hit |\n"
               "|---|---:|---:|---:|\n");
    for (size_t i = 0; i < t->n_rows; i++) {
        double x[MAX_POINTS], per_item[MAX_POINTS], per_iteration[MAX_POINTS];
        size_t smallest, largest;
        const size_t n = variant_points(t, i, x, per_item, per_iteration, &smallest, &largest);
        if (n == 0) continue;
        for (size_t k = 0; k < n; k++) x[k] = 1 - x[k]; /* the share of misses */
        double per_miss;
        char cost[32] = "n/a";
        if (stats_linear_slope(x, per_item, n, &per_miss) == 0) snprintf(cost, sizeof cost, "%.1f", per_miss);
        fprintf(f, "| `%s` | %.4g | %.4g | %s |\n", cell(t, i, "variant"), atof(cell(t, smallest, "ns_per_item")),
                atof(cell(t, largest, "ns_per_item")), cost);
    }
    fprintf(f, "\nCost of a miss: the least-squares slope of ns per lookup against the share of lookups that "
               "miss, over the whole sweep; negative where a miss is cheaper than a hit.\n\n");
}

static void write_key_numbers(FILE *f, const csv_table *t) {
    if (strcmp(cell(t, 0, "param"), "hit_ratio") == 0) write_ratio_key_numbers(f, t);
    else write_count_key_numbers(f, t);
}

static void write_comparison(FILE *f, const report_inputs *in, const char *name) {
    char path[4096], error[1024];
    csv_table t;
    snprintf(path, sizeof path, "%s/%s.csv", in->dir, name);
    if (csv_load(path, ',', &t, error, sizeof error) != 0 || t.n_rows == 0) return;
    fprintf(f, "## %s\n\n", name);
    snprintf(path, sizeof path, "%s/%s.environment.json", in->dir, name);
    char *measured_in = slurp(path);
    if (measured_in) {
        fprintf(f, "Measured in run `%s` (%s, commit `%s`)%s.\n\n", env_in(measured_in, "run_id"),
                env_in(measured_in, "date_utc"), env_in(measured_in, "commit"),
                strcmp(env_in(measured_in, "quick"), "true") == 0 ? ", a QUICK run: not for citing" : "");
        free(measured_in);
    }
    snprintf(path, sizeof path, "%s/%s.about.md", in->dir, name);
    char *about = slurp(path);
    fprintf(f, "%s\n", about ? about : "(no description was written)\n");
    free(about);
    fprintf(f, "![%s: time per item against %s](%s/%s.svg)\n\n", name, cell(&t, 0, "param"), in->plots_link, name);
    write_key_numbers(f, &t);
    size_t unstable = 0;
    for (size_t i = 0; i < t.n_rows; i++) {
        if (atof(cell(&t, i, "unstable")) == 0) continue;
        if (unstable++ == 0)
            fprintf(f, "Unstable rows (CV above 5%%; their figures are not used for verdicts): ");
        fprintf(f, "%s`%s/%s` (CV %.1f%%)", unstable > 1 ? ", " : "", cell(&t, i, "variant"), cell(&t, i, "x"),
                atof(cell(&t, i, "cv_pct")));
    }
    fprintf(f, unstable ? ". More repetitions or a longer minimum time may steady them.\n\n"
                        : "Every row's CV is at most 5%%.\n\n");
    csv_free(&t);
}

int main(int argc, char **argv) {
    report_inputs in = {0};
    const char *claims_path = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--results") == 0) in.dir = argv[i + 1];
        else if (strcmp(argv[i], "--claims") == 0) claims_path = argv[i + 1];
        else if (strcmp(argv[i], "--plots-link") == 0) in.plots_link = argv[i + 1];
    }
    if (in.dir == NULL || claims_path == NULL || in.plots_link == NULL || argc != 7) {
        fputs("usage: idiom_report --results DIR --claims claims/articles.tsv --plots-link ../plots\n", stderr);
        return 2;
    }
    char path[4096], error[1024];
    snprintf(path, sizeof path, "%s/environment.json", in.dir);
    in.environment = slurp(path);
    snprintf(path, sizeof path, "%s/summary.csv", in.dir);
    if (csv_load(claims_path, '\t', &in.claims, error, sizeof error) != 0 ||
        csv_load(path, ',', &in.summary, error, sizeof error) != 0) {
        fprintf(stderr, "idiom_report: %s\n", error);
        return 1;
    }
    snprintf(path, sizeof path, "%s/REPORT.md", in.dir);
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        perror(path);
        return 1;
    }
    write_header(f, &in);
    write_calibration(f, &in);
    write_ledger(f, &in);
    /* One section per comparison with results, in name order. */
    glob_t found;
    snprintf(path, sizeof path, "%s/*.reps.csv", in.dir);
    if (glob(path, 0, NULL, &found) == 0) {
        for (size_t i = 0; i < found.gl_pathc; i++) {
            char name[256];
            const char *base = strrchr(found.gl_pathv[i], '/');
            snprintf(name, sizeof name, "%s", base ? base + 1 : found.gl_pathv[i]);
            name[strlen(name) - strlen(".reps.csv")] = '\0';
            write_comparison(f, &in, name);
        }
        globfree(&found);
    }
    free(in.environment);
    csv_free(&in.claims);
    csv_free(&in.summary);
    return fclose(f) == 0 ? 0 : 1;
}
