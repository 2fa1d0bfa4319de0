/* site_pages.c: the site's pages beyond the claims and the index (see site.h): a page per comparison,
 * the history across the archived runs, and the machine. */
#include "site.h"

#include "csv.h"
#include "idiom_config.h"
#include "jsonfile.h"
#include "site_html.h"
#include "verdict.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* comparisons/<name>.html: its method, chart, key numbers, variants and its claims. 0, or -1. */
int site_write_comparison(const site *s, const char *name) {
    char path[4096], error[1024];
    snprintf(path, sizeof path, "%s/%s.facts.json", s->results, name);
    cJSON *facts = jsonfile_load(path, error, sizeof error);
    snprintf(path, sizeof path, "comparisons/%s.html", name);
    FILE *f = site_open_page(s, path);
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
        site_three_sides(f, s, i);
        fprintf(f, "</section>\n");
    }
    html_end(f);
    cJSON_Delete(facts);
    return site_close_page(f);
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
int site_write_history(const site *s) {
    size_t n = 0, archived;
    char **runs = archived_runs(s, &n);
    csv_table *tables = calloc(n + 1, sizeof *tables);
    const char *this_run = jsonfile_text_of(s->environment, "run_id");
    int this_archived = 0;
    for (size_t r = 0; r < n; r++) this_archived |= strcmp(runs[r], this_run) == 0;
    archived = n;
    FILE *f = site_open_page(s, "history.html");
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
            const long row = csv_find_row(&tables[r], "claim_id", id);
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
            site_verdict_span(f, verdict, FIELD(&tables[r], (size_t)row, "outcome"));
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
    return site_close_page(f);
}


/* machine.html: environment.json, readable, and the calibrations' charts. */
int site_write_machine(const site *s, char *const *comparisons, size_t n_comparisons) {
    FILE *f = site_open_page(s, "machine.html");
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
    return site_close_page(f);
}

