/* idiom_site.c: the static site people cite (results/site/): an index with the verdicts at a glance
 * (the forest plot's data, the counts, the articles' scoreboard, then the suite's own claims), a card
 * per claim at its own address (claims/<claim_id>.html), a page per comparison, the history of every
 * claim across the archived runs, and the machine. Every ratio is said one way: how many times faster
 * (or smaller) the side the article favours is (summary.csv's factor columns), k > 1 meaning the
 * article is right. It lays out what the summary computed and reads only files a run wrote; the
 * charts are copied beside it (scripts/site.sh), so that every link resolves inside the folder. */
#include "claims.h"
#include "csv.h"
#include "csvout.h"
#include "idiom_config.h"
#include "jsonfile.h"
#include "options.h"
#include "site_html.h"
#include "verdict.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* What the site reads. */
typedef struct site {
    const char *results, *out, *runs; /* runs: the archive (results/runs) */
    csv_table summary, claims, allocators; /* allocators: empty where make allocators has not run */
    cJSON *environment;
} site;

#define FIELD(table, row, name) csv_field((table), (row), (name))

/* out/<path> opened for writing; NULL with the reason on stderr. */
static FILE *open_page(const site *s, const char *path) {
    char full[8192];
    snprintf(full, sizeof full, "%s/%s", s->out, path);
    FILE *f = fopen(full, "w");
    if (f == NULL) fprintf(stderr, "idiom_site: %s: %s\n", full, strerror(errno));
    return f;
}

static int close_page(FILE *f) { return (ferror(f) | fclose(f)) ? -1 : 0; }

/* The claims row of claim_id, or -1. */
static long claims_row(const site *s, const char *claim_id) {
    for (size_t i = 0; i < s->claims.n_rows; i++)
        if (strcmp(FIELD(&s->claims, i, "claim_id"), claim_id) == 0) return (long)i;
    return -1;
}

static const char *claim_text(const site *s, size_t i, const char *column) {
    const long c = claims_row(s, FIELD(&s->summary, i, "claim_id"));
    return c >= 0 ? FIELD(&s->claims, (size_t)c, column) : "";
}

static void verdict_span(FILE *f, const char *verdict, const char *outcome) {
    const verdict_glance g = verdict_glance_of(verdict, outcome);
    fprintf(f, "<span class=\"verdict %s\">%s</span>", verdict_glance_name(g), verdict);
}

/* "k [lo, hi]" of one side, each number carrying the CSV's own text (data-csv) for a test to compare. */
static void factor_cell(FILE *f, const csv_table *t, size_t i, const char *column) {
    char lo_column[64], hi_column[64], k[32], lo[32], hi[32];
    snprintf(lo_column, sizeof lo_column, "%s_lo", column);
    snprintf(hi_column, sizeof hi_column, "%s_hi", column);
    if (!*csv_field(t, i, column)) {
        fputs("—", f);
        return;
    }
    fprintf(f, "<span class=\"factor\" data-column=\"%s\" data-csv=\"%s\">%s</span>×", column, csv_field(t, i, column),
            html_number(csv_field_number(t, i, column), k, sizeof k));
    if (csv_column(t, lo_column) >= 0 && *csv_field(t, i, lo_column))
        fprintf(f, " [%s, %s]", html_number(csv_field_number(t, i, lo_column), lo, sizeof lo),
                html_number(csv_field_number(t, i, hi_column), hi, sizeof hi));
}

/* The run's identity, as one line. */
static void run_line(FILE *f, const site *s) {
    fprintf(f, "run <code>%s</code>, %s, commit <code>%s</code>%s, ", jsonfile_text_of(s->environment, "run_id"),
            jsonfile_text_of(s->environment, "date_utc"), jsonfile_text_of(s->environment, "commit"),
            strcmp(jsonfile_text_of(s->environment, "dirty"), "true") == 0 ? " (with uncommitted changes)" : "");
    html_text(f, jsonfile_text_of(s->environment, "cpu_model"));
    fprintf(f, ", %s cores", jsonfile_text_of(s->environment, "cores"));
}

static int is_quick(const site *s) { return strcmp(jsonfile_text_of(s->environment, "quick"), "true") == 0; }

/* The sentence to paste: claim, factor, interval, verdict, run, commit, machine, date. */
static void cite_line(FILE *f, const site *s, size_t i) {
    const csv_table *t = &s->summary;
    char k[32], lo[32], hi[32];
    fprintf(f, "<p class=\"cite\" id=\"cite\">idiombench claim <strong>");
    html_text(f, FIELD(t, i, "claim_id"));
    fprintf(f, "</strong>: ");
    if (!isnan(csv_field_number(t, i, "factor")))
        fprintf(f, "the side the article favours is %s× as fast (or small) [%s, %s at %.0f%%], ",
                html_number(csv_field_number(t, i, "factor"), k, sizeof k), html_number(csv_field_number(t, i, "factor_lo"), lo, sizeof lo),
                html_number(csv_field_number(t, i, "factor_hi"), hi, sizeof hi), IDIOM_CONFIDENCE_PCT);
    fprintf(f, "verdict %s; ", FIELD(t, i, "verdict"));
    run_line(f, s);
    fprintf(f, "%s.</p>\n", is_quick(s) ? " (a QUICK run: not for citing)" : "");
}

/* The article, CPython here and C here, each with its figure and interval, and its verdict. */
static void three_sides(FILE *f, const site *s, size_t i) {
    const csv_table *t = &s->summary;
    fprintf(f, "<table class=\"sides\"><tr><th></th><th>what it says</th><th>the favoured side's factor</th>"
               "<th>verdict</th></tr>\n<tr><th>the article</th><td>");
    html_inline(f, claim_text(s, i, "article"));
    fprintf(f, ": ");
    html_inline(f, claim_text(s, i, "article_figure"));
    fprintf(f, "</td><td class=\"num\">");
    factor_cell(f, t, i, "article_factor");
    const char *favours = claim_text(s, i, "article_favours");
    fprintf(f, "</td><td>favours %s</td></tr>\n<tr><th>CPython here</th><td>the article's setup re-run on this "
               "machine</td><td class=\"num\">",
            strcmp(favours, "contender") == 0 ? FIELD(t, i, "contender")
            : strcmp(favours, "baseline") == 0 ? FIELD(t, i, "baseline")
                                               : "neither side");
    factor_cell(f, t, i, "python_factor");
    if (*claim_text(s, i, "python_baseline"))
        fprintf(f, "<br><small><code>%s</code> against <code>%s</code></small>", claim_text(s, i, "python_baseline"),
                claim_text(s, i, "python_contender"));
    fprintf(f, "</td><td>");
    if (*FIELD(t, i, "python_verdict")) verdict_span(f, FIELD(t, i, "python_verdict"), "");
    fprintf(f, "</td></tr>\n<tr><th>C here</th><td><code>");
    html_text(f, FIELD(t, i, "baseline"));
    fprintf(f, "</code> against <code>");
    html_text(f, FIELD(t, i, "contender"));
    fprintf(f, "</code> at %s=%s%s%s%s</td><td class=\"num\">", FIELD(t, i, "param"), FIELD(t, i, "x"),
            *FIELD(t, i, "model") ? " (the " : "", FIELD(t, i, "model"), *FIELD(t, i, "model") ? " model)" : "");
    factor_cell(f, t, i, "factor");
    fprintf(f, "</td><td>");
    verdict_span(f, FIELD(t, i, "verdict"), FIELD(t, i, "outcome"));
    fprintf(f, "</td></tr></table>\n");
}

/* The claim's other C models: the rows named <claim>.idiomatic, or the one this .idiomatic row belongs
 * to, each with its factor and verdict, linked to its card. */
static void other_models(FILE *f, const site *s, size_t i) {
    static const char suffix[] = ".idiomatic";
    const csv_table *t = &s->summary;
    const char *id = FIELD(t, i, "claim_id");
    const size_t len = strlen(id), n = sizeof suffix - 1;
    char sibling[512];
    if (len > n && strcmp(id + len - n, suffix) == 0) snprintf(sibling, sizeof sibling, "%.*s", (int)(len - n), id);
    else snprintf(sibling, sizeof sibling, "%s%s", id, suffix);
    for (size_t k = 0; k < t->n_rows; k++) {
        if (strcmp(FIELD(t, k, "claim_id"), sibling) != 0) continue;
        fprintf(f, "<p>The same claim in C's other model (%s): <a href=\"%s.html\">%s</a>, ", FIELD(t, k, "model"), sibling,
                sibling);
        factor_cell(f, t, k, "factor");
        fprintf(f, " ");
        verdict_span(f, FIELD(t, k, "verdict"), FIELD(t, k, "outcome"));
        fprintf(f, "</p>\n");
    }
}

/* The verdict under each allocator, where make allocators has run. */
static void allocator_rows(FILE *f, const site *s, const char *claim_id) {
    size_t shown = 0;
    for (size_t r = 0; r < s->allocators.n_rows; r++) {
        if (strcmp(FIELD(&s->allocators, r, "claim_id"), claim_id) != 0) continue;
        if (shown++ == 0) fprintf(f, "<h3>Under each allocator</h3>\n<table><tr><th>allocator</th><th>ratio "
                                     "(baseline / contender)</th><th>verdict</th></tr>\n");
        char k[32], lo[32], hi[32];
        fprintf(f, "<tr><td>%s</td><td class=\"num\">%s [%s, %s]</td><td>", FIELD(&s->allocators, r, "allocator"),
                html_number(csv_field_number(&s->allocators, r, "ratio"), k, sizeof k),
                html_number(csv_field_number(&s->allocators, r, "ratio_lo"), lo, sizeof lo),
                html_number(csv_field_number(&s->allocators, r, "ratio_hi"), hi, sizeof hi));
        verdict_span(f, FIELD(&s->allocators, r, "verdict"), FIELD(&s->allocators, r, "outcome"));
        fprintf(f, "</td></tr>\n");
    }
    if (shown) fprintf(f, "</table>\n");
}

/* claims/<claim_id>.html. 0, or -1. */
static int write_card(const site *s, size_t i) {
    const csv_table *t = &s->summary;
    const char *id = FIELD(t, i, "claim_id"), *comparison = FIELD(t, i, "comparison");
    char path[1024];
    snprintf(path, sizeof path, "claims/%s.html", id);
    FILE *f = open_page(s, path);
    if (f == NULL) return -1;
    html_begin(f, id, "../");
    fprintf(f, "<article class=\"card\" id=\"%s\" data-claim=\"%s\">\n<h1>", id, id);
    html_text(f, id);
    fprintf(f, "</h1>\n<p>A claim of comparison <a href=\"../comparisons/%s.html#%s\">%s</a>; %s.</p>\n", comparison, id,
            comparison, strcmp(FIELD(t, i, "kind"), "article") == 0 ? "the article's claim" : "a claim of the suite's own");
    if (is_quick(s)) fprintf(f, "<p class=\"quick\">A QUICK run: reduced sweeps and short times, not for citing.</p>\n");
    three_sides(f, s, i);
    other_models(f, s, i);
    cite_line(f, s, i);
    fprintf(f, "<h3>Why</h3>\n<p>");
    html_inline(f, claim_text(s, i, "why"));
    fprintf(f, "</p>\n<h3>Behind the interval</h3>\n<ul>\n<li>measured in %s rounds over %s processes, paired in "
               "alternating slices (%s)</li>\n",
            FIELD(t, i, "rounds"), FIELD(t, i, "processes"), FIELD(t, i, "metric"));
    if (*FIELD(t, i, "instr_ratio"))
        fprintf(f, "<li>instructions per item, counted by callgrind: %s for <code>%s</code>, %s for <code>%s</code> "
                   "(ratio %s)</li>\n",
                FIELD(t, i, "instr_baseline"), FIELD(t, i, "baseline"), FIELD(t, i, "instr_contender"),
                FIELD(t, i, "contender"), FIELD(t, i, "instr_ratio"));
    if (*FIELD(t, i, "loads_baseline"))
        fprintf(f, "<li>time per item in dependent random loads at each side's working set: %s and %s</li>\n",
                FIELD(t, i, "loads_baseline"), FIELD(t, i, "loads_contender"));
    if (*FIELD(t, i, "note")) {
        fprintf(f, "<li>");
        html_inline(f, FIELD(t, i, "note"));
        fprintf(f, "</li>\n");
    }
    fprintf(f, "</ul>\n");
    allocator_rows(f, s, id);
    fprintf(f, "<h3>The comparison's chart</h3>\n<p>The claim is judged at %s=%s, where the chart's black diamonds are "
               "the pairs' medians.</p>\n<a href=\"../charts/%s.svg\"><img src=\"../charts/%s.png\" alt=\"%s: the "
               "comparison's chart\"></a>\n</article>\n",
            FIELD(t, i, "param"), *FIELD(t, i, "x") ? FIELD(t, i, "x") : "every x", comparison, comparison, comparison);
    html_end(f);
    return close_page(f);
}

/* One row of the scoreboard: claim | article | CPython here | C here, each the favoured side's factor. */
static void scoreboard_row(FILE *f, const site *s, size_t i) {
    const csv_table *t = &s->summary;
    const char *id = FIELD(t, i, "claim_id");
    fprintf(f, "<tr id=\"row-%s\"><td><a href=\"claims/%s.html\">%s</a><br><small>", id, id, id);
    html_inline(f, claim_text(s, i, "article"));
    fprintf(f, "</small></td><td class=\"num\">");
    factor_cell(f, t, i, "article_factor");
    fprintf(f, "</td><td class=\"num\">");
    factor_cell(f, t, i, "python_factor");
    if (*FIELD(t, i, "python_verdict")) {
        fprintf(f, "<br>");
        verdict_span(f, FIELD(t, i, "python_verdict"), "");
        fprintf(f, "<br><small><code>%s</code> / <code>%s</code></small>", claim_text(s, i, "python_baseline"),
                claim_text(s, i, "python_contender"));
    }
    fprintf(f, "</td><td class=\"num\">");
    factor_cell(f, t, i, "factor");
    fprintf(f, "<br>");
    verdict_span(f, FIELD(t, i, "verdict"), FIELD(t, i, "outcome"));
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
static int write_index(const site *s, char *const *comparisons, size_t n_comparisons) {
    const csv_table *t = &s->summary;
    FILE *f = open_page(s, "index.html");
    if (f == NULL) return -1;
    html_begin(f, "Verdicts", "");
    fprintf(f, "<h1>What common idioms really cost: the claims ledger</h1>\n<p>");
    run_line(f, s);
    fprintf(f, ".</p>\n");
    if (is_quick(s)) fprintf(f, "<p class=\"quick\">A QUICK run: reduced sweeps and short times, for checking the "
                                "pipeline, not for citing.</p>\n");
    fprintf(f, "<p>Every ratio here says one thing: how many times faster (or smaller) the side the article "
               "favours is. Above 1 the article is right; below 1 the other side wins. Intervals are at %.0f%%.</p>\n",
            IDIOM_CONFIDENCE_PCT);
    counts_line(f, t, 1, "The articles' claims");
    counts_line(f, t, 0, "The suite's own claims and controls");
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
    return close_page(f);
}

/* comparisons/<name>.html: its method, chart, key numbers, variants and its claims. 0, or -1. */
static int write_comparison(const site *s, const char *name) {
    char path[4096], error[1024];
    snprintf(path, sizeof path, "%s/%s.facts.json", s->results, name);
    cJSON *facts = jsonfile_load(path, error, sizeof error);
    snprintf(path, sizeof path, "comparisons/%s.html", name);
    FILE *f = open_page(s, path);
    if (f == NULL) {
        cJSON_Delete(facts);
        return -1;
    }
    html_begin(f, name, "../");
    fprintf(f, "<h1>%s</h1>\n<p>", name);
    html_inline(f, jsonfile_string(facts, "about", "(no description was declared)"));
    fprintf(f, "</p>\n<a href=\"../charts/%s.svg\"><img src=\"../charts/%s.png\" alt=\"%s's chart\"></a>\n", name, name, name);
    csv_table keys;
    snprintf(path, sizeof path, "%s/%s.keys.csv", s->results, name);
    if (csv_load(path, ',', &keys, error, sizeof error) == 0) {
        fprintf(f, "<h2>Variants and key numbers</h2>\n<table><tr><th>variant</th><th>ns per %s at %s=%s</th>"
                   "<th>at the largest %s</th><th>growth order</th><th>peak bytes per %s at the largest</th></tr>\n",
                jsonfile_string(facts, "item", "item"), jsonfile_string(facts, "param", "x"),
                keys.n_rows ? FIELD(&keys, 0, "x_smallest") : "", jsonfile_string(facts, "param", "x"),
                jsonfile_string(facts, "param", "x"));
        for (size_t r = 0; r < keys.n_rows; r++) {
            char a[32], b[32], c[32], d[32];
            fprintf(f, "<tr><td><code>%s</code></td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s"
                       "</td><td class=\"num\">%s</td></tr>\n",
                    FIELD(&keys, r, "variant"), html_number(csv_field_number(&keys, r, "ns_per_item_smallest"), a, sizeof a),
                    html_number(csv_field_number(&keys, r, "ns_per_item_largest"), b, sizeof b),
                    html_number(csv_field_number(&keys, r, "growth_order"), c, sizeof c),
                    html_number(csv_field_number(&keys, r, "bytes_per_x_largest"), d, sizeof d));
        }
        fprintf(f, "</table>\n");
        csv_free(&keys);
    }
    fprintf(f, "<h2>Its claims</h2>\n");
    const csv_table *t = &s->summary;
    for (size_t i = 0; i < t->n_rows; i++) {
        if (strcmp(FIELD(t, i, "comparison"), name) != 0) continue;
        const char *id = FIELD(t, i, "claim_id");
        fprintf(f, "<section class=\"card\" id=\"%s\"><h3><a href=\"../claims/%s.html\">%s</a></h3>\n", id, id, id);
        three_sides(f, s, i);
        fprintf(f, "</section>\n");
    }
    html_end(f);
    cJSON_Delete(facts);
    return close_page(f);
}

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The archived runs' ids (<runs>/<id>/ with a summary.csv), oldest first; count in *n. */
static char **archived_runs(const site *s, size_t *n) {
    const char *dir = s->runs;
    *n = 0;
    DIR *d = opendir(dir);
    if (d == NULL) return NULL;
    char **ids = NULL;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char path[8192];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s/summary.csv", dir, e->d_name);
        if (e->d_name[0] == '.' || stat(path, &st) != 0) continue;
        if (*n == cap) {
            cap = cap ? 2 * cap : 16;
            char **grown = realloc(ids, cap * sizeof *ids);
            if (grown == NULL) break;
            ids = grown;
        }
        ids[(*n)++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(ids, *n, sizeof *ids, compare_names);
    return ids;
}

/* history.html: every claim's verdict and factor in each archived run and in this one (where it is
 * not archived yet: a run publishes before it files its archive), a changed verdict marked. */
static int write_history(const site *s) {
    size_t n = 0, archived;
    char **runs = archived_runs(s, &n);
    csv_table *tables = calloc(n + 1, sizeof *tables);
    const char *this_run = jsonfile_text_of(s->environment, "run_id");
    int this_archived = 0;
    for (size_t r = 0; r < n; r++) this_archived |= strcmp(runs[r], this_run) == 0;
    archived = n;
    FILE *f = open_page(s, "history.html");
    if (f == NULL || tables == NULL) {
        free(tables);
        for (size_t r = 0; r < n; r++) free(runs[r]);
        free(runs);
        if (f) fclose(f);
        return -1;
    }
    for (size_t r = 0; r < n; r++) {
        char path[8192], error[1024];
        snprintf(path, sizeof path, "%s/%s/summary.csv", s->runs, runs[r]);
        if (csv_load(path, ',', &tables[r], error, sizeof error) != 0) tables[r] = (csv_table){0};
    }
    if (!this_archived) {
        char **grown = realloc(runs, (n + 1) * sizeof *runs);
        if (grown) {
            runs = grown;
            runs[n] = strdup(this_run);
            tables[n++] = s->summary; /* borrowed: not freed below */
        }
    }
    html_begin(f, "History", "");
    fprintf(f, "<h1>Every claim across the archived runs</h1>\n<p>%zu runs, oldest first: those in "
               "<code>results/runs/</code>, and this one. Each cell: the verdict and the favoured side's factor in that "
               "run; a cell whose verdict differs from the run before is marked.</p>\n<table id=\"history\"><tr>"
               "<th>claim</th>",
            n);
    for (size_t r = 0; r < n; r++) fprintf(f, "<th>%s</th>", runs[r]);
    fprintf(f, "</tr>\n");
    const csv_table *t = &s->summary;
    for (size_t i = 0; i < t->n_rows; i++) {
        const char *id = FIELD(t, i, "claim_id"), *previous = NULL;
        fprintf(f, "<tr><td><a href=\"claims/%s.html\">%s</a></td>", id, id);
        for (size_t r = 0; r < n; r++) {
            long row = -1;
            for (size_t k = 0; k < tables[r].n_rows && row < 0; k++)
                if (strcmp(FIELD(&tables[r], k, "claim_id"), id) == 0) row = (long)k;
            if (row < 0) {
                fprintf(f, "<td>—</td>");
                continue;
            }
            const char *verdict = FIELD(&tables[r], (size_t)row, "verdict");
            const int changed = previous != NULL && strcmp(previous, verdict) != 0;
            char k[32];
            const double factor = csv_column(&tables[r], "factor") >= 0 ? csv_field_number(&tables[r], (size_t)row, "factor")
                                                                          : csv_field_number(&tables[r], (size_t)row, "ratio");
            fprintf(f, "<td class=\"num%s\"%s>", changed ? " changed" : "", changed ? " title=\"the verdict changed\"" : "");
            verdict_span(f, verdict, FIELD(&tables[r], (size_t)row, "outcome"));
            fprintf(f, " %s</td>", html_number(factor, k, sizeof k));
            previous = verdict;
        }
        fprintf(f, "</tr>\n");
    }
    fprintf(f, "</table>\n");
    html_end(f);
    for (size_t r = 0; r < n; r++) {
        if (r < archived) csv_free(&tables[r]);
        free(runs[r]);
    }
    free(tables);
    free(runs);
    return close_page(f);
}

/* machine.html: environment.json, readable, and the calibrations' charts. */
static int write_machine(const site *s, char *const *comparisons, size_t n_comparisons) {
    FILE *f = open_page(s, "machine.html");
    if (f == NULL) return -1;
    html_begin(f, "Machine", "");
    fprintf(f, "<h1>The machine and the run</h1>\n<table id=\"environment\">\n");
    const cJSON *item;
    cJSON_ArrayForEach(item, s->environment) {
        fprintf(f, "<tr><th>");
        html_text(f, item->string);
        fprintf(f, "</th><td>");
        if (cJSON_IsObject(item) || cJSON_IsArray(item)) {
            char *text = cJSON_PrintUnformatted(item);
            fprintf(f, "<code>");
            html_text(f, text ? text : "");
            fprintf(f, "</code>");
            free(text);
        } else {
            html_text(f, jsonfile_text_of(s->environment, item->string));
        }
        fprintf(f, "</td></tr>\n");
    }
    fprintf(f, "</table>\n<h2>Calibrations</h2>\n");
    for (size_t c = 0; c < n_comparisons; c++) {
        char path[4096], error[1024];
        snprintf(path, sizeof path, "%s/%s.facts.json", s->results, comparisons[c]);
        cJSON *facts = jsonfile_load(path, error, sizeof error);
        if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(facts, "calibration")))
            fprintf(f, "<h3><a href=\"comparisons/%s.html\">%s</a></h3>\n<img src=\"charts/%s.png\" alt=\"%s\">\n",
                    comparisons[c], comparisons[c], comparisons[c], comparisons[c]);
        cJSON_Delete(facts);
    }
    html_end(f);
    return close_page(f);
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
static int write_forest_data(const site *s) {
    FILE *f = open_page(s, "forest.csv");
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
    return close_page(f);
}

/* The measured comparisons' names, in name order. */
typedef struct name_list {
    char **names;
    size_t n, cap;
} name_list;

/* A claims_visit_fn: the comparison's name, collected into a name_list. */
static int collect_name(const char *name, const char *path, void *ctx) {
    (void)path;
    name_list *list = ctx;
    if (list->n == list->cap) {
        list->cap = list->cap ? 2 * list->cap : 32;
        char **grown = realloc(list->names, list->cap * sizeof *grown);
        if (grown == NULL) return -1;
        list->names = grown;
    }
    list->names[list->n++] = strdup(name);
    return 0;
}

int main(int argc, char **argv) {
    site s = {0};
    const char *claims_path = NULL;
    const option_spec specs[] = {{"results", "DIR", &s.results, 1}, {"claims", "CLAIMS.tsv", &claims_path, 1},
                                 {"out", "SITE_DIR", &s.out, 1}, {"runs", "RUNS_DIR", &s.runs, 1}};
    options_parse(argc, argv, specs, sizeof specs / sizeof specs[0],
                  "The static site of the results in DIR (summary.csv and the comparisons' files) into SITE_DIR; "
                  "the charts are copied beside it by scripts/site.sh.",
                  "", 0);
    char path[4096], error[1024];
    snprintf(path, sizeof path, "%s/summary.csv", s.results);
    if (csv_load(path, ',', &s.summary, error, sizeof error) != 0) {
        fprintf(stderr, "idiom_site: %s\n", error);
        return 1;
    }
    if (csv_load(claims_path, '\t', &s.claims, error, sizeof error) != 0) {
        fprintf(stderr, "idiom_site: %s\n", error);
        csv_free(&s.summary);
        return 1;
    }
    if (csv_column(&s.summary, "factor") < 0) { /* a summary may have no rows, but not the old columns */
        fprintf(stderr, "idiom_site: %s lacks the column factor: an older summary (make report writes it anew)\n", path);
        csv_free(&s.summary);
        csv_free(&s.claims);
        return 1;
    }
    snprintf(path, sizeof path, "%s/allocators.csv", s.results);
    if (csv_load(path, ',', &s.allocators, error, sizeof error) != 0) s.allocators = (csv_table){0};
    snprintf(path, sizeof path, "%s/environment.json", s.results);
    s.environment = jsonfile_load(path, error, sizeof error);
    static const char *const folders[] = {"", "/claims", "/comparisons"};
    for (size_t k = 0; k < sizeof folders / sizeof folders[0]; k++) {
        snprintf(path, sizeof path, "%s%s", s.out, folders[k]);
        if (mkdir(path, 0777) != 0 && errno != EEXIST) {
            fprintf(stderr, "idiom_site: cannot make %s: %s\n", path, strerror(errno));
            return 1;
        }
    }
    name_list names = {0};
    claims_each_comparison(s.results, ".facts.json", collect_name, &names);
    int status = 0;
    FILE *css = open_page(&s, "site.css");
    if (css) {
        html_stylesheet(css);
        status |= close_page(css);
    } else {
        status = -1;
    }
    status |= write_index(&s, names.names, names.n);
    for (size_t i = 0; i < s.summary.n_rows; i++) status |= write_card(&s, i);
    for (size_t c = 0; c < names.n; c++) status |= write_comparison(&s, names.names[c]);
    status |= write_history(&s);
    status |= write_machine(&s, names.names, names.n);
    status |= write_forest_data(&s);
    for (size_t c = 0; c < names.n; c++) free(names.names[c]);
    free(names.names);
    csv_free(&s.summary);
    csv_free(&s.claims);
    csv_free(&s.allocators);
    cJSON_Delete(s.environment);
    return status == 0 ? 0 : 1;
}
