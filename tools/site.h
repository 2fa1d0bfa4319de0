/* site.h: what the static site's pages share (tools/idiom_site.c and its site_*.c): what the site
 * reads, the helpers every page uses, and the writer of each page. Every ratio is said one way: how
 * many times faster (or smaller) the side the article favours is (summary.csv's factor columns). */
#ifndef IDIOM_SITE_H
#define IDIOM_SITE_H

#include "csv.h"

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdio.h>

/* What the site reads. */
typedef struct site {
    const char *results, *out, *runs; /* runs: the archive (results/runs) */
    csv_table summary, claims, robustness; /* robustness: empty where make robustness has not run */
    cJSON *environment;
} site;

#define FIELD(table, row, name) csv_field((table), (row), (name))

/* out/<path> opened for writing; NULL with the reason on stderr. */
FILE *site_open_page(const site *s, const char *path);

/* Close a page; 0, or -1 if writing it failed. */
int site_close_page(FILE *f);

/* Column of the claims row of summary row i ("" if the claim is not in the claims). */
const char *site_claim_text(const site *s, size_t i, const char *column);

/* The claim's "article" column with each article's number said as one ("article 000 \"Title\""),
 * for a reader who does not know the seeds' numbering. */
void site_article_words(FILE *f, const site *s, size_t i);

/* A verdict as a coloured label, coloured by its heading (verdict_glance_of). */
void site_verdict_span(FILE *f, const char *verdict, const char *outcome);

/* "k [lo, hi]" of one side, each number carrying the CSV's own text (data-csv) for a test to compare. */
void site_factor_cell(FILE *f, const csv_table *t, size_t i, const char *column);

/* The run's identity, as one line. */
void site_run_line(FILE *f, const site *s);

/* 1 if the run was QUICK. */
int site_is_quick(const site *s);

/* The sentence to paste: claim, factor, interval, verdict, run, commit, machine, date. */
void site_cite_line(FILE *f, const site *s, size_t i);

/* The article, CPython here and C here, each with its figure and interval, and its verdict. */
void site_three_sides(FILE *f, const site *s, size_t i);

/* claims/<claim_id>.html. 0, or -1. */
int site_write_card(const site *s, size_t i);

/* index.html. 0, or -1. */
int site_write_index(const site *s, char *const *comparisons, size_t n_comparisons);

/* forest.csv: a line per claim for charts/forest.gp, the A/A control first, then the articles' claims,
 * then the suite's own; factors beyond the axis drawn at its edge (clipped 1), none where there is none
 * (a crossover claim, or nothing measured: a line with its name and no point). */
int site_write_forest_data(const site *s);

/* claim_rounds.csv: every round behind each claim timed in pairs, as the favoured side's factor, for
 * the chart on its card (charts/claim.gp). 0, or -1. */
int site_write_claim_rounds(const site *s);

/* comparisons/<name>.html: its method, chart, key numbers, variants and its claims. 0, or -1. */
int site_write_comparison(const site *s, const char *name);

/* history.html: every claim's verdict and factor in each archived run and in this one (where it is
 * not archived yet: a run publishes before it files its archive), a changed verdict marked. */
int site_write_history(const site *s);

/* machine.html: environment.json, readable, and the calibrations' charts. */
int site_write_machine(const site *s, char *const *comparisons, size_t n_comparisons);

#endif /* IDIOM_SITE_H */
