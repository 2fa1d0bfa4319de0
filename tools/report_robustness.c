/* report_robustness.c: see report_robustness.h. */
#include "report_robustness.h"

#include "csv.h"

#include <math.h>
#include <string.h>

/* 1 if row r is its claim's first (the reference's) row. */
static int first_of_claim(const csv_table *t, size_t r) {
    return r == 0 || strcmp(csv_field(t, r, "claim_id"), csv_field(t, r - 1, "claim_id")) != 0;
}

/* The claims of the table measured in more than one run, and how many of them are robust. */
static void counts_of(const csv_table *t, size_t *claims, size_t *robust) {
    *claims = *robust = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        if (!first_of_claim(t, r) || csv_field_number(t, r, "runs") < 2) continue;
        ++*claims;
        *robust += strcmp(csv_field(t, r, "robust"), "robust") == 0;
    }
}

void report_robustness_counts(const char *dir, size_t *claims, size_t *robust) {
    char path[4096], error[1024];
    csv_table t;
    *claims = *robust = 0;
    snprintf(path, sizeof path, "%s/robustness.csv", dir);
    if (csv_load(path, ',', &t, error, sizeof error) != 0) return;
    counts_of(&t, claims, robust);
    csv_free(&t);
}

/* The settings, each once, in the table's order, with the run that measured each and how. */
static void write_settings(FILE *f, const csv_table *t) {
    for (size_t r = 0; r < t->n_rows; r++) {
        int seen = 0;
        for (size_t q = 0; q < r && !seen; q++)
            seen = strcmp(csv_field(t, q, "axis"), csv_field(t, r, "axis")) == 0 &&
                   strcmp(csv_field(t, q, "setting"), csv_field(t, r, "setting")) == 0;
        if (!seen)
            fprintf(f, "- %s **%s**: run `%s`, %s.\n", csv_field(t, r, "axis"), csv_field(t, r, "setting"),
                    csv_field(t, r, "run_id"), csv_field(t, r, "about"));
    }
    fprintf(f, "\n");
}

void report_robustness(FILE *f, const char *dir, const char *plots_link) {
    char path[4096], error[1024];
    csv_table t;
    snprintf(path, sizeof path, "%s/robustness.csv", dir);
    if (csv_load(path, ',', &t, error, sizeof error) != 0) return; /* make robustness has not run */
    size_t claims, robust;
    counts_of(&t, &claims, &robust);
    fprintf(f, "## How robust is each verdict?\n\n`make robustness` measured every claim's pairs again under each "
               "setting of three axes, each setting a whole run of its own (in `results/robustness/<setting>/`): the "
               "allocator, the compiler, and the layout of the code and data (randomised builds and environment sizes). "
               "A verdict is **robust** if it is the same under every setting that measured it; otherwise the line "
               "names the settings that flip it. %zu of the %zu claims measured under more than one setting are "
               "robust. A claim of what is counted (bytes) is measured in each setting by a sweep of its own rows. "
               "A claim's settings count the reference once in each axis, as that axis's default; its runs count it "
               "once. The A/A control, under every layout, checks that the layouts themselves are sound.\n\n",
            robust, claims);
    write_settings(f, &t);
    fprintf(f, "![each claim's factor under each setting](%s/robustness.svg)\n\n", plots_link);
    fprintf(f, "| claim | verdict (reference) | settings (runs) | robust? | largest move of the ratio |\n|---|---|---:|---|---:|\n");
    for (size_t r = 0; r < t.n_rows; r++) {
        if (!first_of_claim(&t, r)) continue;
        const double move = csv_field_number(&t, r, "largest_move");
        fprintf(f, "| `%s` | %s | %s (%s) | %s%s%s | ", csv_field(&t, r, "claim_id"), csv_field(&t, r, "glance"),
                csv_field(&t, r, "settings"), csv_field(&t, r, "runs"), strcmp(csv_field(&t, r, "robust"), "robust") == 0 ? "robust" : "flips under ",
                csv_field(&t, r, "flipped_by"), "");
        if (isnan(move)) fprintf(f, "— |\n");
        else fprintf(f, "%.3gx |\n", move);
    }
    fprintf(f, "\n");
    csv_free(&t);
}
