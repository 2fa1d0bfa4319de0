/* idiom_site.c: the static site people cite (results/site/): an index with the verdicts at a glance
 * (the forest plot's data, the counts, the articles' scoreboard, then the suite's own claims), a card
 * per claim at its own address (claims/<claim_id>.html), a page per comparison, the history of every
 * claim across the archived runs, and the machine. Every ratio is said one way: how many times faster
 * (or smaller) the side the article favours is (summary.csv's factor columns), k > 1 meaning the
 * article is right. It lays out what the summary computed and reads only files a run wrote; the
 * charts are copied beside it (scripts/site.sh), so that every link resolves inside the folder. This
 * file reads the run and calls each page's writer: site_claim.c, site_index.c and site_pages.c. */
#include "site.h"

#include "claims.h"
#include "csv.h"
#include "jsonfile.h"
#include "options.h"
#include "site_html.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
    snprintf(path, sizeof path, "%s/robustness.csv", s.results);
    if (csv_load(path, ',', &s.robustness, error, sizeof error) != 0) s.robustness = (csv_table){0};
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
    FILE *css = site_open_page(&s, "site.css");
    if (css) {
        html_stylesheet(css);
        status |= site_close_page(css);
    } else {
        status = -1;
    }
    status |= site_write_index(&s, names.names, names.n);
    for (size_t i = 0; i < s.summary.n_rows; i++) status |= site_write_card(&s, i);
    for (size_t c = 0; c < names.n; c++) status |= site_write_comparison(&s, names.names[c]);
    status |= site_write_history(&s);
    status |= site_write_machine(&s, names.names, names.n);
    status |= site_write_forest_data(&s);
    status |= site_write_claim_rounds(&s);
    for (size_t c = 0; c < names.n; c++) free(names.names[c]);
    free(names.names);
    csv_free(&s.summary);
    csv_free(&s.claims);
    csv_free(&s.robustness);
    cJSON_Delete(s.environment);
    return status == 0 ? 0 : 1;
}

