/* site_rounds.c: claim_rounds.csv, every round behind each timed claim's interval, for the claim's
 * own chart on its card (charts/claim.gp, drawn by scripts/site.sh). See site.h. */
#include "site.h"

#include "csv.h"
#include "csvout.h"
#include "verdict.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A line of claim_rounds.csv: one round of a claim's pair, said as the favoured side's factor. */
typedef struct round_line {
    const char *claim_id;
    const char *process, *round; /* as the rounds CSV has them */
    double at;                   /* where the chart draws it: its process, the rounds spread across it */
    double factor;               /* the round's ratio turned to the article's side (verdict_favours_inverted) */
} round_line;
static const csvout_column round_table[] = {
    CSVOUT_TEXT(round_line, claim_id), CSVOUT_TEXT(round_line, process), CSVOUT_TEXT(round_line, round),
    CSVOUT_NUMBER(round_line, at, CSVOUT_G6), CSVOUT_NUMBER(round_line, factor, CSVOUT_G6),
};

/* 1 if round r of the rounds is one of summary row i's pair. */
static int of_claim(const site *s, size_t i, const csv_table *rounds, size_t r) {
    const csv_table *t = &s->summary;
    return strcmp(FIELD(rounds, r, "baseline"), FIELD(t, i, "baseline")) == 0 &&
           strcmp(FIELD(rounds, r, "contender"), FIELD(t, i, "contender")) == 0 &&
           csv_field_number(rounds, r, "x") == csv_field_number(t, i, "x");
}

/* The rounds of summary row i in its comparison's rounds (already loaded), written to f: each drawn
 * at its process, its process's rounds spread in order over [process - 0.3, process + 0.3). */
static int claim_rounds(FILE *f, const site *s, size_t i, const csv_table *rounds) {
    size_t processes = 0;
    for (size_t r = 0; r < rounds->n_rows; r++)
        if (of_claim(s, i, rounds, r) && csv_field_number(rounds, r, "process") > (double)processes)
            processes = (size_t)csv_field_number(rounds, r, "process");
    double *first = malloc((processes + 1) * sizeof *first), *count = calloc(processes + 1, sizeof *count);
    if (first == NULL || count == NULL) {
        free(first);
        free(count);
        fprintf(stderr, "idiom_site: out of memory\n");
        return -1;
    }
    for (size_t r = 0; r < rounds->n_rows; r++) {
        if (!of_claim(s, i, rounds, r)) continue;
        const size_t p = (size_t)csv_field_number(rounds, r, "process");
        const double round = csv_field_number(rounds, r, "round");
        if (count[p]++ == 0 || round < first[p]) first[p] = round;
    }
    const int inverted = verdict_favours_inverted(site_claim_text(s, i, "article_favours"), FIELD(&s->summary, i, "metric"));
    for (size_t r = 0; r < rounds->n_rows; r++) {
        if (!of_claim(s, i, rounds, r)) continue;
        const size_t p = (size_t)csv_field_number(rounds, r, "process");
        const double log_ratio = csv_field_number(rounds, r, "log_ratio");
        const round_line line = {
            .claim_id = FIELD(&s->summary, i, "claim_id"),
            .process = FIELD(rounds, r, "process"),
            .round = FIELD(rounds, r, "round"),
            .at = (double)p - 0.3 + 0.6 * (csv_field_number(rounds, r, "round") - first[p]) / count[p],
            .factor = exp(inverted ? -log_ratio : log_ratio),
        };
        csvout_line(f, round_table, CSVOUT_N(round_table), &line, 0);
    }
    free(first);
    free(count);
    return 0;
}

/* claim_rounds.csv: the rounds of every claim timed in pairs (metric ns_per_item, with an x). 0, or -1. */
int site_write_claim_rounds(const site *s) {
    FILE *f = site_open_page(s, "claim_rounds.csv");
    if (f == NULL) return -1;
    csvout_line(f, round_table, CSVOUT_N(round_table), NULL, 1);
    const csv_table *t = &s->summary;
    int status = 0;
    for (size_t i = 0; i < t->n_rows; i++) {
        if (strcmp(FIELD(t, i, "metric"), "ns_per_item") != 0 || isnan(csv_field_number(t, i, "x"))) continue;
        char path[4096], error[512];
        snprintf(path, sizeof path, "%s/%s.rounds.csv", s->results, FIELD(t, i, "comparison"));
        csv_table rounds;
        if (access(path, F_OK) != 0) continue; /* its comparison is not measured in pairs */
        static const char *const needed[] = {"baseline", "contender", "#x", "#process", "#round", "#log_ratio", NULL};
        if (csv_load(path, ',', &rounds, error, sizeof error) != 0 ||
            csv_require(&rounds, path, needed, error, sizeof error) != 0) {
            fprintf(stderr, "idiom_site: %s\n", error);
            status = -1;
            continue;
        }
        status |= claim_rounds(f, s, i, &rounds);
        csv_free(&rounds);
    }
    return site_close_page(f) | status;
}
