/* idiom_summary.c: the claims ledger: for each claim in claims/articles.tsv whose comparison has
 * results, the measured ratio with a 95% bootstrap interval and a verdict, into summary.csv. */
#include "csv.h"
#include "stats.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BOOTSTRAP_RESAMPLES 10000u /* percentile bootstrap: 10,000 resamples pin the 2.5% tails */
#define BOOTSTRAP_SEED 1u          /* fixed, so that the same data always gives the same interval */
#define NOISE_FLOOR 1.02           /* a ratio within 2% of 1 is never called a difference */
#define MAX_REPS 1024

typedef struct comparison_data {
    csv_table rows; /* <comparison>.csv: medians and the unstable flag */
    csv_table reps; /* <comparison>.reps.csv: every repetition */
} comparison_data;

static const char *const claim_columns[] = {"claim_id", "comparison", "metric", "baseline", "contender", "x",
                                            "article_favours", "article_ratio", "article", "article_figure",
                                            "why", NULL};

static int load_comparison(const char *dir, const char *name, comparison_data *data) {
    char path[4096], error[1024];
    snprintf(path, sizeof path, "%s/%s.csv", dir, name);
    if (csv_load(path, ',', &data->rows, error, sizeof error) != 0) return -1;
    if (data->rows.n_rows == 0 || csv_column(&data->rows, "param") < 0) {
        csv_free(&data->rows);
        return -1;
    }
    snprintf(path, sizeof path, "%s/%s.reps.csv", dir, name);
    if (csv_load(path, ',', &data->reps, error, sizeof error) != 0) {
        fprintf(stderr, "idiom_summary: %s\n", error);
        csv_free(&data->rows);
        return -1;
    }
    return 0;
}

/* The metric's values over the repetitions of variant at x; returns how many. */
static size_t rep_values(const csv_table *reps, const char *variant, double x, const char *metric, double *out) {
    const int v = csv_column(reps, "variant"), xc = csv_column(reps, "x"), m = csv_column(reps, metric);
    size_t n = 0;
    for (size_t row = 0; v >= 0 && xc >= 0 && m >= 0 && row < reps->n_rows && n < MAX_REPS; row++)
        if (strcmp(csv_cell(reps, row, (size_t)v), variant) == 0 && csv_number(reps, row, (size_t)xc) == x)
            out[n++] = csv_number(reps, row, (size_t)m);
    return n;
}

/* Whether the row of variant at x is marked unstable in <comparison>.csv. */
static int is_unstable(const csv_table *rows, const char *variant, double x) {
    const int v = csv_column(rows, "variant"), xc = csv_column(rows, "x"), u = csv_column(rows, "unstable");
    for (size_t row = 0; v >= 0 && xc >= 0 && u >= 0 && row < rows->n_rows; row++)
        if (strcmp(csv_cell(rows, row, (size_t)v), variant) == 0 && csv_number(rows, row, (size_t)xc) == x)
            return csv_number(rows, row, (size_t)u) != 0;
    return 0;
}

/* The x to judge the claim at: its own, or else the largest below it that both variants have (a
 * QUICK sweep may stop short of the article's point), or else the smallest above. NAN if none. */
static double resolve_x(const comparison_data *data, const char *baseline, const char *contender, double wanted) {
    const int v = csv_column(&data->rows, "variant"), xc = csv_column(&data->rows, "x");
    double below = NAN, above = NAN;
    for (size_t row = 0; v >= 0 && xc >= 0 && row < data->rows.n_rows; row++) {
        if (strcmp(csv_cell(&data->rows, row, (size_t)v), baseline) != 0) continue;
        const double x = csv_number(&data->rows, row, (size_t)xc);
        double scratch[MAX_REPS];
        if (rep_values(&data->reps, contender, x, "ns_per_item", scratch) == 0) continue;
        if (x == wanted) return x;
        if (x < wanted && (isnan(below) || x > below)) below = x;
        if (x > wanted && (isnan(above) || x < above)) above = x;
    }
    return isnan(below) ? above : below;
}

/* The medians of variant's rows, by x, into xs/medians (ascending x); returns how many. */
static size_t medians_by_x(const csv_table *rows, const char *variant, double *xs, double *medians) {
    const int v = csv_column(rows, "variant"), xc = csv_column(rows, "x"), m = csv_column(rows, "ns_per_item");
    size_t n = 0;
    for (size_t row = 0; row < rows->n_rows && n < MAX_REPS; row++) {
        if (strcmp(csv_cell(rows, row, (size_t)v), variant) != 0) continue;
        xs[n] = csv_number(rows, row, (size_t)xc);
        medians[n++] = csv_number(rows, row, (size_t)m);
    }
    return n; /* rows are written in ascending x */
}

/* The workloads a crossover is judged over: the plain variants and, where a comparison has them,
 * the `_half_hits` ones. */
static const char *const workload_suffixes[] = {"", "_half_hits"};
#define N_WORKLOADS (sizeof workload_suffixes / sizeof workload_suffixes[0])

/* Whether contender's median beats baseline's at x in every workload. */
static int beats_at(const csv_table *rows, const char *baseline, const char *contender, double x) {
    int compared = 0;
    for (size_t k = 0; k < N_WORKLOADS; k++) {
        char b[128], c[128];
        double bx[MAX_REPS], bm[MAX_REPS], cx[MAX_REPS], cm[MAX_REPS];
        snprintf(b, sizeof b, "%s%s", baseline, workload_suffixes[k]);
        snprintf(c, sizeof c, "%s%s", contender, workload_suffixes[k]);
        const size_t nb = medians_by_x(rows, b, bx, bm), nc = medians_by_x(rows, c, cx, cm);
        for (size_t i = 0; i < nb; i++)
            for (size_t j = 0; j < nc; j++)
                if (bx[i] == x && cx[j] == x) {
                    if (!(cm[j] < bm[i])) return 0;
                    compared++;
                }
    }
    return compared > 0;
}

/* The smallest swept x from which contender beats baseline at every larger x, in every workload;
 * NAN if it does not beat it at the largest. */
static double crossover_x(const csv_table *rows, const char *baseline, const char *contender) {
    double xs[MAX_REPS], medians[MAX_REPS], found = NAN;
    const size_t n = medians_by_x(rows, baseline, xs, medians);
    for (size_t i = n; i-- > 0;) {
        if (!beats_at(rows, baseline, contender, xs[i])) break;
        found = xs[i];
    }
    return found;
}

/* The largest swept x of variant. */
static double largest_x(const csv_table *rows, const char *variant) {
    double xs[MAX_REPS], medians[MAX_REPS];
    const size_t n = medians_by_x(rows, variant, xs, medians);
    return n ? xs[n - 1] : NAN;
}

/* Whether any row of baseline or contender, in any workload, at or above x is unstable: the
 * crossover rests on every one of them. */
static int crossover_unstable(const csv_table *rows, const char *baseline, const char *contender, double x) {
    const char *const pair[] = {baseline, contender};
    for (size_t k = 0; k < N_WORKLOADS; k++)
        for (size_t side = 0; side < 2; side++) {
            char variant[128];
            double xs[MAX_REPS], medians[MAX_REPS];
            snprintf(variant, sizeof variant, "%s%s", pair[side], workload_suffixes[k]);
            const size_t n = medians_by_x(rows, variant, xs, medians);
            for (size_t i = 0; i < n; i++)
                if (xs[i] >= x && is_unstable(rows, variant, xs[i])) return 1;
        }
    return 0;
}

static const char *magnitude(double ratio, double article_ratio) {
    if (!(article_ratio > 0)) return "";
    const double factor = ratio / article_ratio;
    return factor < 0.5 ? "smaller" : factor > 2.0 ? "larger" : "similar";
}

int main(int argc, char **argv) {
    if (argc != 5 || strcmp(argv[1], "--results") != 0 || strcmp(argv[3], "--claims") != 0) {
        fputs("usage: idiom_summary --results DIR --claims claims/articles.tsv\n", stderr);
        return 2;
    }
    const char *dir = argv[2], *claims_path = argv[4];
    csv_table claims;
    char error[1024], out_path[4096];
    if (csv_load(claims_path, '\t', &claims, error, sizeof error) != 0 ||
        csv_require(&claims, claims_path, claim_columns, error, sizeof error) != 0) {
        fprintf(stderr, "idiom_summary: %s\n", error);
        return 1;
    }
    snprintf(out_path, sizeof out_path, "%s/summary.csv", dir);
    FILE *out = fopen(out_path, "w");
    if (out == NULL) {
        perror(out_path);
        return 1;
    }
    fputs("claim_id,comparison,baseline,contender,param,x,ratio,ratio_lo,ratio_hi,article_ratio,verdict,"
          "metric,magnitude,note\n", out);
#define FIELD(name) csv_cell(&claims, row, (size_t)csv_column(&claims, name))
    for (size_t row = 0; row < claims.n_rows; row++) {
        comparison_data data;
        if (load_comparison(dir, FIELD("comparison"), &data) != 0) continue; /* not run: no row */
        const char *baseline = FIELD("baseline"), *contender = FIELD("contender"), *metric = FIELD("metric");
        const double article_ratio = atof(FIELD("article_ratio"));
        /* A crossover claim is judged where the contender starts to win; its ratio is the time ratio there. */
        const int crossover = strcmp(metric, "crossover") == 0;
        if (crossover) metric = "ns_per_item";
        const double wanted = crossover ? crossover_x(&data.rows, baseline, contender) : atof(FIELD("x"));
        const double x = crossover ? wanted : resolve_x(&data, baseline, contender, wanted);
        double base[MAX_REPS], cont[MAX_REPS], ratio = NAN, lo = NAN, hi = NAN;
        const size_t nb = isnan(x) ? 0 : rep_values(&data.reps, baseline, x, metric, base);
        const size_t nc = isnan(x) ? 0 : rep_values(&data.reps, contender, x, metric, cont);
        const char *verdict = "inconclusive";
        char note[512] = "";
        if (crossover && isnan(x)) {
            /* Judged at the largest x, where the contender would have to win last. */
            const double largest = largest_x(&data.rows, baseline);
            const int unstable = is_unstable(&data.rows, baseline, largest) || is_unstable(&data.rows, contender, largest);
            verdict = unstable ? "inconclusive" : "disagrees";
            snprintf(note, sizeof note, "%s%s never beats %s from some %s on in this sweep",
                     unstable ? "unstable: a row's CV is above 5%; no verdict; " : "", contender, baseline,
                     csv_cell(&data.rows, 0, (size_t)csv_column(&data.rows, "param")));
        } else if (nb == 0 || nc == 0) {
            snprintf(note, sizeof note, "no %s figures for both variants in this run", metric);
        } else {
            ratio = stats_median(base, nb) / stats_median(cont, nc);
            if (stats_median(cont, nc) == 0 || stats_median(base, nb) == 0) {
                /* A side that allocates nothing (a lazy iterator): the ratio is unbounded or zero, and
                 * exact, since byte counts do not vary between repetitions. */
                lo = hi = ratio;
                snprintf(note, sizeof note, "%s allocates no heap bytes; %s peaks at %.0f bytes",
                         stats_median(cont, nc) == 0 ? contender : baseline,
                         stats_median(cont, nc) == 0 ? baseline : contender,
                         stats_median(cont, nc) == 0 ? stats_median(base, nb) : stats_median(cont, nc));
            } else if (stats_bootstrap_ratio(base, nb, cont, nc, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, &lo, &hi) != 0) {
                fputs("idiom_summary: out of memory\n", stderr);
                return 1;
            }
            const int favours_contender = strcmp(FIELD("article_favours"), "contender") == 0;
            const double lo_dir = favours_contender ? lo : 1 / hi, hi_dir = favours_contender ? hi : 1 / lo;
            if (strcmp(metric, "ns_per_item") == 0 &&
                (is_unstable(&data.rows, baseline, x) || is_unstable(&data.rows, contender, x)))
                snprintf(note, sizeof note, "unstable: a row's CV is above 5%%; no verdict");
            else if (lo_dir > NOISE_FLOOR) verdict = "agrees";
            else if (hi_dir < 1 / NOISE_FLOOR) verdict = "disagrees";
            if (crossover) {
                /* The article says the contender wins from some point on; a crossover inside the sweep
                 * bears that out, unless the rows it rests on are too noisy to say. */
                const int unstable = crossover_unstable(&data.rows, baseline, contender, x);
                verdict = unstable ? "inconclusive" : "agrees";
                snprintf(note, sizeof note, "%sx is the crossover: from here on %s beats %s in every workload",
                         unstable ? "unstable: a row at or above the crossover has CV above 5%; no verdict; " : "",
                         contender, baseline);
            } else if (x != wanted) {
                const size_t used = strlen(note);
                snprintf(note + used, sizeof note - used, "%smeasured at %s=%.15g: the article's %.15g is not in"
                         " this run's sweep", used ? "; " : "", csv_cell(&data.rows, 0, (size_t)csv_column(&data.rows, "param")),
                         x, wanted);
            }
        }
        fprintf(out, "%s,%s,%s,%s,%s,%.15g,%.6g,%.6g,%.6g,%s,%s,%s,%s,%s\n", FIELD("claim_id"), FIELD("comparison"),
                baseline, contender, csv_cell(&data.rows, 0, (size_t)csv_column(&data.rows, "param")), x, ratio, lo,
                hi, article_ratio > 0 ? FIELD("article_ratio") : "", verdict, crossover ? "crossover" : metric,
                isnan(ratio) ? "" : magnitude(ratio, article_ratio), note);
        csv_free(&data.rows);
        csv_free(&data.reps);
    }
#undef FIELD
    csv_free(&claims);
    if (fclose(out) != 0) {
        perror(out_path);
        return 1;
    }
    return 0;
}
