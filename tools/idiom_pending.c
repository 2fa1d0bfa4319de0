/* idiom_pending.c: between the passes of a run's pairs, the pairs of the plan that are not yet
 * sure, from the rounds measured so far. A timing claim's pair is sure once it has been measured in
 * at least --min-processes processes and its interval's half-width is at most
 * IDIOM_SURE_HALF_WIDTH_PCT; any other pair of the plan (a crossover's point, a chart's paired
 * sweep) once it has two processes, the fewest an interval needs, and its interval lies on one side
 * of 1 (or is that narrow), since only who wins is asked of it. A pair past those minimums whose
 * rounds have cost IDIOM_PAIR_MAX_SECONDS gets no more: the budget goes to the pairs that are cheap
 * to sharpen. A control's pair (a claim of kind control, the A/A) is sure only at that half-width,
 * whatever it has cost: it is the suite's check on false differences, and its per-process spread
 * (a layout's, some 2%) is as large as the noise floor, so it needs more processes than a claim to
 * tell "no difference" from "inconclusive". With --controls-only, only the controls' unsure pairs
 * are written: the passes a run gives them once its budget is spent. Writes the unsure rows of the
 * plan, in the plan's format, and prints how many. */
#include "claims.h"
#include "csv.h"
#include "options.h"
#include "idiom_config.h"
#include "rounds.h"
#include "verdict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const plan_columns[] = {"claim_id", "comparison", "baseline", "contender", "x", NULL};
static const char *const claim_columns[] = {"claim_id", "metric", "kind", NULL};

/* What the plan's pair is there for. */
typedef enum pair_role {
    ROLE_OTHER,   /* a crossover's point, a chart's paired sweep (claim "-") */
    ROLE_TIMING,  /* a timing claim, judged on its ratio's interval */
    ROLE_CONTROL, /* a timing claim of kind control: the A/A */
} pair_role;

static pair_role role_of(const csv_table *claims, const char *claim_id) {
    const int id = csv_column(claims, "claim_id"), metric = csv_column(claims, "metric"), kind = csv_column(claims, "kind");
    for (size_t row = 0; row < claims->n_rows; row++) {
        if (strcmp(csv_cell(claims, row, (size_t)id), claim_id) != 0) continue;
        if (strcmp(csv_cell(claims, row, (size_t)metric), "ns_per_item") != 0) return ROLE_OTHER;
        return strcmp(csv_cell(claims, row, (size_t)kind), "control") == 0 ? ROLE_CONTROL : ROLE_TIMING;
    }
    return ROLE_OTHER;
}

/* Whether the pair is done, given its estimate and what its rounds cost: see the file's comment. */
static int done(const paired_estimate *e, double seconds, pair_role role, unsigned long min_processes) {
    if (e->processes < (role != ROLE_OTHER ? min_processes : 2)) return 0; /* main() holds min_processes >= 2 */
    if (verdict_half_width(e->lo, e->hi) <= IDIOM_SURE_HALF_WIDTH_PCT / 100.0) return 1;
    if (role == ROLE_CONTROL) return 0;
    if (seconds >= IDIOM_PAIR_MAX_SECONDS) return 1;
    return role == ROLE_OTHER && verdict_side_of_one(e->lo, e->hi) != OUTCOME_UNDECIDED;
}

int main(int argc, char **argv) {
    const char *plan_path = NULL, *dir = NULL, *claims_path = NULL, *out_path = NULL, *min_text = NULL,
               *controls_only = NULL;
    const option_spec specs[] = {{"plan", "PLAN.tsv", &plan_path, 1}, {"results", "DIR", &dir, 1},
                                 {"claims", "CLAIMS.tsv", &claims_path, 1}, {"out", "PENDING.tsv", &out_path, 1},
                                 {"min-processes", "N", &min_text, 1}, {"controls-only", NULL, &controls_only, 0}};
    options_parse(argc, argv, specs, sizeof specs / sizeof specs[0],
                  "The plan's pairs not yet sure after the processes so far (N >= 2: the fewest every pair gets).", "", 0);
    char *end = NULL;
    const unsigned long min_processes = strtoul(min_text, &end, 10);
    if (*end != '\0' || min_processes < 2) {
        fprintf(stderr, "idiom_pending: --min-processes must be a whole number of at least 2, not '%s'\n", min_text);
        return 2;
    }
    csv_table plan = {0}, claims = {0};
    char error[1024];
    if (csv_load(plan_path, '\t', &plan, error, sizeof error) != 0 ||
        csv_require(&plan, plan_path, plan_columns, error, sizeof error) != 0 ||
        csv_load(claims_path, '\t', &claims, error, sizeof error) != 0 ||
        csv_require(&claims, claims_path, claim_columns, error, sizeof error) != 0) {
        fprintf(stderr, "idiom_pending: %s\n", error);
        csv_free(&plan);
        csv_free(&claims);
        return 1;
    }
    FILE *out = fopen(out_path, "w");
    if (out == NULL) {
        perror(out_path);
        csv_free(&plan);
        csv_free(&claims);
        return 1;
    }
    fputs("claim_id\tcomparison\tbaseline\tcontender\tx\n", out);
    csv_table rounds = {0};
    char loaded[256] = "";
    size_t pending = 0;
#define FIELD(name) csv_cell(&plan, row, (size_t)csv_column(&plan, name))
    for (size_t row = 0; row < plan.n_rows; row++) {
        const char *comparison = FIELD("comparison");
        if (strcmp(comparison, loaded) != 0) { /* each comparison's rounds, loaded as its rows come */
            char path[4096];
            csv_free(&rounds);
            snprintf(path, sizeof path, "%s/%s.rounds.csv", dir, comparison);
            if (csv_load(path, ',', &rounds, error, sizeof error) != 0) rounds = (csv_table){0};
            snprintf(loaded, sizeof loaded, "%s", comparison);
        }
        paired_estimate e;
        const char *baseline = FIELD("baseline"), *contender = FIELD("contender");
        const double x = atof(FIELD("x"));
        const pair_role role = role_of(&claims, FIELD("claim_id"));
        if (controls_only && role != ROLE_CONTROL) continue;
        if (rounds_paired_at(&rounds, baseline, contender, x, &e) == 0 &&
            done(&e, rounds_seconds_at(&rounds, baseline, contender, x), role, min_processes))
            continue;
        fprintf(out, "%s\t%s\t%s\t%s\t%s\n", FIELD("claim_id"), comparison, FIELD("baseline"), FIELD("contender"), FIELD("x"));
        pending++;
    }
#undef FIELD
    csv_free(&rounds);
    csv_free(&plan);
    csv_free(&claims);
    if (fclose(out) != 0) {
        perror(out_path);
        return 1;
    }
    printf("%zu\n", pending);
    return 0;
}
