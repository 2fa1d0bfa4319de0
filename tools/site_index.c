/* site_index.c: the site's index (the counts, the forest plot, the scoreboard, the verdicts by
 * comparison) and the forest plot's data, forest.csv (see site.h). */
#include "site.h"

#include "csv.h"
#include "csvout.h"
#include "idiom_config.h"
#include "jsonfile.h"
#include "report_robustness.h"
#include "site_html.h"
#include "verdict.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One row of the scoreboard: claim | article | CPython here | C here, each the favoured side's factor. */
static void scoreboard_row(FILE *f, const site *s, size_t i) {
    const csv_table *t = &s->summary;
    const char *id = FIELD(t, i, "claim_id");
    fprintf(f, "<tr id=\"row-%s\"><td><a href=\"claims/%s.html\">%s</a><br><small>", id, id, id);
    site_article_words(f, s, i);
    fprintf(f, "</small></td><td class=\"num\">");
    site_factor_cell(f, t, i, "article_factor");
    fprintf(f, "</td><td class=\"num\">");
    site_factor_cell(f, t, i, "python_factor");
    if (*FIELD(t, i, "python_verdict")) {
        fprintf(f, "<br>");
        site_verdict_span(f, FIELD(t, i, "python_verdict"), "");
        fprintf(f, "<br><small><code>%s</code> / <code>%s</code></small>", site_claim_text(s, i, "python_baseline"),
                site_claim_text(s, i, "python_contender"));
    }
    fprintf(f, "</td><td class=\"num\">");
    site_factor_cell(f, t, i, "factor");
    fprintf(f, "<br>");
    site_verdict_span(f, FIELD(t, i, "verdict"), FIELD(t, i, "outcome"));
    if (*FIELD(t, i, "magnitude")) fprintf(f, " size: %s", FIELD(t, i, "magnitude"));
    fprintf(f, "</td><td><code>%s</code> / <code>%s</code>%s%s%s</td></tr>\n", FIELD(t, i, "baseline"),
            FIELD(t, i, "contender"), *FIELD(t, i, "model") ? " (" : "", FIELD(t, i, "model"),
            *FIELD(t, i, "model") ? ")" : "");
}

/* The counts of one kind of claim ("article", or everything else), each with its data attribute. */
static void counts_line(FILE *f, const csv_table *t, int articles, const char *who) {
    size_t counts[GLANCE_N] = {0}, n = 0;
    for (size_t i = 0; i < t->n_rows; i++) {
        if ((strcmp(FIELD(t, i, "kind"), "article") == 0) != articles) continue;
        counts[verdict_glance_of(FIELD(t, i, "verdict"), FIELD(t, i, "outcome"))]++;
        n++;
    }
    fprintf(f, "<p class=\"counts\" data-kind=\"%s\">%s: %zu claims: ", articles ? "article" : "ours", who, n);
    for (int g = 0; g < GLANCE_N; g++)
        fprintf(f, "%s<span class=\"verdict %s\" data-count=\"%zu\">%zu %s</span>", g ? " " : "",
                verdict_glance_name((verdict_glance)g), counts[g], counts[g], verdict_glance_words((verdict_glance)g));
    fprintf(f, "</p>\n");
}

/* index.html. 0, or -1. */
int site_write_index(const site *s, char *const *comparisons, size_t n_comparisons) {
    const csv_table *t = &s->summary;
    FILE *f = site_open_page(s, "index.html");
    if (f == NULL) return -1;
    html_begin(f, "Verdicts", "");
    fprintf(f, "<h1>What common idioms really cost: the claims ledger</h1>\n<p>");
    site_run_line(f, s);
    fprintf(f, ".</p>\n");
    if (site_is_quick(s)) fprintf(f, "<p class=\"quick\">A QUICK run: reduced sweeps and short times, for checking the "
                                "pipeline, not for citing.</p>\n");
    fprintf(f, "<p>Every ratio here says one thing: how many times faster (or smaller) the side the article "
               "favours is. Above 1 the article is right; below 1 the other side wins. Intervals are at %.0f%%.</p>\n",
            IDIOM_CONFIDENCE_PCT);
    counts_line(f, t, 1, "The articles' claims");
    counts_line(f, t, 0, "The suite's own claims and controls");
    size_t measured, robust;
    report_robustness_counts(s->results, &measured, &robust);
    if (measured > 0)
        fprintf(f, "<p class=\"robust-count\" data-robust=\"%zu\" data-measured=\"%zu\">Robust: %zu of %zu claims keep "
                   "their verdict under every allocator, compiler and layout <code>make robustness</code> tried (each "
                   "card says which settings flip the others).</p>\n",
                robust, measured, robust, measured);
    fprintf(f, "<h2>Every claim at a glance</h2>\n<p>Each line a claim: C here's factor with its interval, coloured by "
               "verdict; the article's figure (grey diamond) and CPython here's (open circle) on the same line. The "
               "A/A control, which must find no difference, is at the top. Point at a claim for its figures.</p>\n"
               "<div class=\"glance\">");
    if (t->n_rows > 0) /* scripts/site.sh draws forest.svg from forest.csv where it has a line */
        fprintf(f, "<object id=\"forest\" data=\"forest.svg\" type=\"image/svg+xml\" aria-label=\"forest plot of "
                   "every claim\"></object>\n");
    else
        fprintf(f, "<p>No claim's comparison was measured in this run.</p>\n");
    fprintf(f, "<table id=\"by-comparison\"><caption>Verdicts by comparison</caption><tr><th>comparison</th>");
    for (int g = 0; g < GLANCE_N; g++) fprintf(f, "<th>%s</th>", verdict_glance_words((verdict_glance)g));
    fprintf(f, "</tr>\n");
    for (size_t c = 0; c < n_comparisons; c++) {
        size_t counts[GLANCE_N] = {0};
        for (size_t i = 0; i < t->n_rows; i++)
            if (strcmp(FIELD(t, i, "comparison"), comparisons[c]) == 0)
                counts[verdict_glance_of(FIELD(t, i, "verdict"), FIELD(t, i, "outcome"))]++;
        fprintf(f, "<tr><td><a href=\"comparisons/%s.html\">%s</a></td>", comparisons[c], comparisons[c]);
        for (int g = 0; g < GLANCE_N; g++) fprintf(f, "<td class=\"num\">%zu</td>", counts[g]);
        fprintf(f, "</tr>\n");
    }
    fprintf(f, "</table></div>\n");
    fprintf(f, "<h2>The articles' claims</h2>\n<table id=\"scoreboard\"><tr><th>claim</th><th>article</th>"
               "<th>CPython here</th><th>C here</th><th>C variants (baseline / contender)</th></tr>\n");
    for (size_t i = 0; i < t->n_rows; i++)
        if (strcmp(FIELD(t, i, "kind"), "article") == 0) scoreboard_row(f, s, i);
    fprintf(f, "</table>\n<h2>The suite's own claims and controls</h2>\n<table id=\"ours\"><tr><th>claim</th>"
               "<th>article</th><th>CPython here</th><th>C here</th><th>C variants (baseline / contender)</th></tr>\n");
    for (size_t i = 0; i < t->n_rows; i++)
        if (strcmp(FIELD(t, i, "kind"), "article") != 0) scoreboard_row(f, s, i);
    fprintf(f, "</table>\n");
    html_end(f);
    return site_close_page(f);
}


#define FOREST_EDGE 1e6 /* the forest plot's axis ends at 1 / FOREST_EDGE and FOREST_EDGE */

/* A line of forest.csv: a claim for charts/forest.gp. */
typedef struct forest_line {
    size_t line;
    const char *claim_id, *glance;
    double factor, factor_lo, factor_hi, article_factor, python_factor; /* NaN: none (an empty field) */
    size_t clipped;
} forest_line;
#define FOREST_FACTOR(field) CSVOUT_OPTIONAL(forest_line, field, CSVOUT_G6)
static const csvout_column forest_table[] = {
    CSVOUT_COUNT(forest_line, line), CSVOUT_TEXT(forest_line, claim_id), CSVOUT_TEXT(forest_line, glance),
    FOREST_FACTOR(factor), FOREST_FACTOR(factor_lo), FOREST_FACTOR(factor_hi), FOREST_FACTOR(article_factor),
    FOREST_FACTOR(python_factor), CSVOUT_COUNT(forest_line, clipped),
};
#undef FOREST_FACTOR

/* v held to the forest plot's axis, [1 / FOREST_EDGE, FOREST_EDGE]. */
static double on_axis(double v) { return fmin(fmax(v, 1 / FOREST_EDGE), FOREST_EDGE); }

/* forest.csv: a line per claim for charts/forest.gp, the A/A control first, then the articles' claims,
 * then the suite's own; factors beyond the axis drawn at its edge (clipped 1), none where there is none
 * (a crossover claim, or nothing measured: a line with its name and no point). */
int site_write_forest_data(const site *s) {
    FILE *f = site_open_page(s, "forest.csv");
    if (f == NULL) return -1;
    csvout_line(f, forest_table, CSVOUT_N(forest_table), NULL, 1);
    const csv_table *t = &s->summary;
    size_t line = 0;
    for (int pass = 0; pass < 3; pass++)
        for (size_t i = 0; i < t->n_rows; i++) {
            const char *kind = FIELD(t, i, "kind");
            const int control = strcmp(kind, "control") == 0, of_article = strcmp(kind, "article") == 0;
            if ((pass == 0) != control || (pass == 1 && !of_article) || (pass == 2 && of_article)) continue;
            const double k = csv_field_number(t, i, "factor"), lo = csv_field_number(t, i, "factor_lo"),
                         hi = csv_field_number(t, i, "factor_hi");
            const forest_line row = {
                .line = line++,
                .claim_id = FIELD(t, i, "claim_id"),
                .glance = verdict_glance_name(verdict_glance_of(FIELD(t, i, "verdict"), FIELD(t, i, "outcome"))),
                .factor = isnan(k) ? NAN : on_axis(k),
                .factor_lo = isnan(k) ? NAN : on_axis(isnan(lo) ? k : lo),
                .factor_hi = isnan(k) ? NAN : on_axis(isnan(hi) ? k : hi),
                .article_factor = csv_field_number(t, i, "article_factor"),
                .python_factor = csv_field_number(t, i, "python_factor"),
                .clipped = k > FOREST_EDGE || k < 1 / FOREST_EDGE,
            };
            csvout_line(f, forest_table, CSVOUT_N(forest_table), &row, 0);
        }
    return site_close_page(f);
}

