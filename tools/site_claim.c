/* site_claim.c: what the site says of one claim (see site.h): its three sides, its figures, its cite
 * line and its card, claims/<claim_id>.html; and the helpers every page shares. */
#include "site.h"

#include "csv.h"
#include "idiom_config.h"
#include "jsonfile.h"
#include "site_html.h"
#include "verdict.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* out/<path> opened for writing; NULL with the reason on stderr. */
FILE *site_open_page(const site *s, const char *path) {
    char full[8192];
    snprintf(full, sizeof full, "%s/%s", s->out, path);
    FILE *f = fopen(full, "w");
    if (f == NULL) fprintf(stderr, "idiom_site: %s: %s\n", full, strerror(errno));
    return f;
}

int site_close_page(FILE *f) { return (ferror(f) | fclose(f)) ? -1 : 0; }

const char *site_claim_text(const site *s, size_t i, const char *column) {
    const long c = csv_find_row(&s->claims, "claim_id", FIELD(&s->summary, i, "claim_id"));
    return c >= 0 ? FIELD(&s->claims, (size_t)c, column) : "";
}

void site_verdict_span(FILE *f, const char *verdict, const char *outcome) {
    const verdict_glance g = verdict_glance_of(verdict, outcome);
    fprintf(f, "<span class=\"verdict %s\">%s</span>", verdict_glance_name(g), verdict);
}

/* "k [lo, hi]" of one side, each number carrying the CSV's own text (data-csv) for a test to compare. */
void site_factor_cell(FILE *f, const csv_table *t, size_t i, const char *column) {
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

void site_article_words(FILE *f, const site *s, size_t i) {
    const char *words = site_claim_text(s, i, "article");
    char part[1024];
    for (int first = 1; *words; first = 0) {
        const size_t n = strcspn(words, ";");
        snprintf(part, sizeof part, "%s%.*s", first ? "" : ";", (int)n, words);
        const char *text = part + (first ? 0 : 1);
        while (*text == ' ') text++;
        if (!first) fputs("; ", f);
        if (isdigit((unsigned char)text[0])) fputs("article ", f); /* the seeds' number: 000, 001, 002 */
        html_inline(f, text);
        words += n + (words[n] == ';');
    }
}

/* The run's identity, as one line. */
void site_run_line(FILE *f, const site *s) {
    fprintf(f, "run <code>%s</code>, %s, commit <code>%s</code>%s, ", jsonfile_text_of(s->environment, "run_id"),
            jsonfile_text_of(s->environment, "date_utc"), jsonfile_text_of(s->environment, "commit"),
            strcmp(jsonfile_text_of(s->environment, "dirty"), "true") == 0 ? " (with uncommitted changes)" : "");
    html_text(f, jsonfile_text_of(s->environment, "cpu_model"));
    fprintf(f, ", %s cores", jsonfile_text_of(s->environment, "cores"));
}

int site_is_quick(const site *s) { return strcmp(jsonfile_text_of(s->environment, "quick"), "true") == 0; }

/* The sentence to paste: claim, factor, interval, verdict, run, commit, machine, date. */
void site_cite_line(FILE *f, const site *s, size_t i) {
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
    site_run_line(f, s);
    fprintf(f, "%s.</p>\n", site_is_quick(s) ? " (a QUICK run: not for citing)" : "");
}

/* The article, CPython here and C here, each with its figure and interval, and its verdict. */
void site_three_sides(FILE *f, const site *s, size_t i) {
    const csv_table *t = &s->summary;
    fprintf(f, "<table class=\"sides\"><tr><th></th><th>what it says</th><th>the favoured side's factor</th>"
               "<th>verdict</th></tr>\n<tr><th>the article</th><td>");
    site_article_words(f, s, i);
    fprintf(f, ": ");
    html_inline(f, site_claim_text(s, i, "article_figure"));
    fprintf(f, "</td><td class=\"num\">");
    site_factor_cell(f, t, i, "article_factor");
    const char *favours = site_claim_text(s, i, "article_favours");
    fprintf(f, "</td><td>favours %s</td></tr>\n<tr><th>CPython here</th><td>the article's setup re-run on this "
               "machine</td><td class=\"num\">",
            strcmp(favours, "contender") == 0 ? FIELD(t, i, "contender")
            : strcmp(favours, "baseline") == 0 ? FIELD(t, i, "baseline")
                                               : "neither side");
    site_factor_cell(f, t, i, "python_factor");
    if (*site_claim_text(s, i, "python_baseline"))
        fprintf(f, "<br><small><code>%s</code> against <code>%s</code></small>", site_claim_text(s, i, "python_baseline"),
                site_claim_text(s, i, "python_contender"));
    fprintf(f, "</td><td>");
    if (*FIELD(t, i, "python_verdict")) site_verdict_span(f, FIELD(t, i, "python_verdict"), "");
    fprintf(f, "</td></tr>\n<tr><th>C here</th><td><code>");
    html_text(f, FIELD(t, i, "baseline"));
    fprintf(f, "</code> against <code>");
    html_text(f, FIELD(t, i, "contender"));
    fprintf(f, "</code> at %s=%s%s%s%s</td><td class=\"num\">", FIELD(t, i, "param"), FIELD(t, i, "x"),
            *FIELD(t, i, "model") ? " (the " : "", FIELD(t, i, "model"), *FIELD(t, i, "model") ? " model)" : "");
    site_factor_cell(f, t, i, "factor");
    fprintf(f, "</td><td>");
    site_verdict_span(f, FIELD(t, i, "verdict"), FIELD(t, i, "outcome"));
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
    const long found = csv_find_row(t, "claim_id", sibling);
    if (found < 0) return;
    const size_t k = (size_t)found;
    fprintf(f, "<p>The same claim in C's other model (%s): <a href=\"%s.html\">%s</a>, ", FIELD(t, k, "model"), sibling,
            sibling);
    site_factor_cell(f, t, k, "factor");
    fprintf(f, " ");
    site_verdict_span(f, FIELD(t, k, "verdict"), FIELD(t, k, "outcome"));
    fprintf(f, "</p>\n");
}

/* The claim under each setting of make robustness, where it has run: robust, or the settings that
 * flip it, and the factor and verdict under each. */
static void robustness_rows(FILE *f, const site *s, const char *claim_id) {
    const csv_table *t = &s->robustness;
    size_t shown = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        if (strcmp(FIELD(t, r, "claim_id"), claim_id) != 0) continue;
        if (shown++ == 0) {
            fprintf(f, "<h3>Under each setting</h3>\n<p class=\"robustness\">");
            if (strcmp(FIELD(t, r, "robust"), "robust") == 0)
                fprintf(f, "<strong>Robust</strong>: the same verdict under all %s settings that measured it (%s runs).",
                        FIELD(t, r, "settings"), FIELD(t, r, "runs"));
            else fprintf(f, "<strong>Flips</strong> under %s.", FIELD(t, r, "flipped_by"));
            fprintf(f, "</p>\n<table><tr><th>axis</th><th>setting</th><th>the favoured side's factor</th><th>verdict"
                       "</th></tr>\n");
        }
        fprintf(f, "<tr><td>%s</td><td>%s</td><td class=\"num\">", FIELD(t, r, "axis"), FIELD(t, r, "setting"));
        site_factor_cell(f, t, r, "factor");
        fprintf(f, "</td><td>");
        site_verdict_span(f, FIELD(t, r, "verdict"), FIELD(t, r, "outcome"));
        fprintf(f, "</td></tr>\n");
    }
    if (shown) fprintf(f, "</table>\n");
}

/* claims/<claim_id>.html. 0, or -1. */
int site_write_card(const site *s, size_t i) {
    const csv_table *t = &s->summary;
    const char *id = FIELD(t, i, "claim_id"), *comparison = FIELD(t, i, "comparison");
    char path[1024];
    snprintf(path, sizeof path, "claims/%s.html", id);
    FILE *f = site_open_page(s, path);
    if (f == NULL) return -1;
    html_begin(f, id, "../");
    fprintf(f, "<article class=\"card\" id=\"%s\" data-claim=\"%s\">\n<h1>", id, id);
    html_text(f, id);
    fprintf(f, "</h1>\n<p>A claim of comparison <a href=\"../comparisons/%s.html#%s\">%s</a>; %s.</p>\n", comparison, id,
            comparison, strcmp(FIELD(t, i, "kind"), "article") == 0 ? "the article's claim" : "a claim of the suite's own");
    if (site_is_quick(s)) fprintf(f, "<p class=\"quick\">A QUICK run: reduced sweeps and short times, not for citing.</p>\n");
    site_three_sides(f, s, i);
    other_models(f, s, i);
    site_cite_line(f, s, i);
    fprintf(f, "<h3>Why</h3>\n<p>");
    html_inline(f, site_claim_text(s, i, "why"));
    fprintf(f, "</p>\n<h3>Behind the interval</h3>\n<ul>\n<li>measured in %s rounds over %s processes, paired in "
               "alternating slices (%s)</li>\n",
            FIELD(t, i, "rounds"), FIELD(t, i, "processes"), FIELD(t, i, "metric"));
    if (*FIELD(t, i, "instr_ratio"))
        fprintf(f, "<li>instructions per item, counted by callgrind: %s for <code>%s</code>, %s for <code>%s</code> "
                   "(ratio %s)</li>\n",
                FIELD(t, i, "instr_baseline"), FIELD(t, i, "baseline"), FIELD(t, i, "instr_contender"),
                FIELD(t, i, "contender"), FIELD(t, i, "instr_ratio"));
    if (*FIELD(t, i, "loads_baseline") && *FIELD(t, i, "loads_contender")) /* a side never swept has no working set */
        fprintf(f, "<li>time per item in dependent random loads at each side's working set: %s for <code>%s</code>, %s "
                   "for <code>%s</code></li>\n",
                FIELD(t, i, "loads_baseline"), FIELD(t, i, "baseline"), FIELD(t, i, "loads_contender"),
                FIELD(t, i, "contender"));
    if (*FIELD(t, i, "note")) {
        fprintf(f, "<li>");
        html_inline(f, FIELD(t, i, "note"));
        fprintf(f, "</li>\n");
    }
    fprintf(f, "</ul>\n");
    robustness_rows(f, s, id);
    if (strcmp(FIELD(t, i, "metric"), "ns_per_item") == 0 && *FIELD(t, i, "x") && csv_field_number(t, i, "rounds") > 0)
        fprintf(f, "<h3>Its rounds</h3>\n<p>Each point is one round of the pair, in the process it ran in; the band is "
                   "C here's interval, and the lines across are its estimate, the article's figure and CPython here's. "
                   "Point at a round for its figure.</p>\n<object type=\"image/svg+xml\" data=\"%s.svg\" "
                   "class=\"claim-chart\" aria-label=\"%s: every round of its pairs\"></object>\n",
                id, id);
    fprintf(f, "<h3>The comparison's chart</h3>\n<p>The claim is judged at %s=%s, where the chart's black diamonds are "
               "the pairs' medians.</p>\n<a href=\"../charts/%s.svg\"><img src=\"../charts/%s.png\" alt=\"%s: the "
               "comparison's chart\"></a>\n</article>\n",
            FIELD(t, i, "param"), *FIELD(t, i, "x") ? FIELD(t, i, "x") : "every x", comparison, comparison, comparison);
    html_end(f);
    return site_close_page(f);
}

