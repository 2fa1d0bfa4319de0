/* idiom_robustness.c: the robustness table. `make robustness` (scripts/robustness.sh) measures every
 * claim again under each setting of each axis (allocator, compiler, layout), each setting a whole run
 * into <results>/robustness/<folder>/; this joins those runs' summaries into one CSV
 * (results/robustness.csv): per claim and setting, the ratio, its interval, the favoured side's factor
 * and the verdict, as that setting's run judged them; and per claim, whether its verdict is robust (the
 * same under every setting it was measured in), the settings that flip it, and the largest factor
 * by which its ratio moved from the reference's, and under how many settings and runs (the reference,
 * which stands in every axis as its default, is a setting of each and one run). A setting counts for
 * a claim only where it measured the claim: a timing claim is measured in every setting's pairs; a
 * claim of what is counted (bytes) only where that setting swept its comparison, or the claim's own
 * rows of it (phases.tsv), since a setting that took the reference's sweep would only repeat the
 * reference's figure. It reads only what those runs wrote. */
#include "csv.h"
#include "csvout.h"
#include "jsonfile.h"
#include "options.h"
#include "verdict.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SETTINGS 32

/* One setting: the axis it stands in, its name there, and what its run left. */
typedef struct setting {
    char axis[32], label[64], folder[64];
    char run_id[64], quick[8], about[512];
    csv_table summary, phases; /* phases: empty where the run left none */
} setting;

/* A line of robustness.csv. */
typedef struct robustness_line {
    const char *claim_id, *comparison, *kind, *metric, *axis, *setting;
    double ratio, ratio_lo, ratio_hi, factor, factor_lo, factor_hi; /* NaN: none (a crossover) */
    const char *verdict, *outcome, *glance, *run_id, *quick, *about; /* quick: true for a QUICK run */
    const char *robust;   /* robust, or flips: the claim's, on each of its lines */
    const char *flipped_by; /* "axis: setting (glance); ...", or empty */
    double largest_move;  /* the largest factor its ratio moved by from the reference's, or NaN */
    size_t settings;      /* how many of the axes' settings measured it (the reference in each axis it stands in) */
    size_t runs;          /* how many runs measured it (the reference once) */
} robustness_line;
#define LINE_TEXT(field) CSVOUT_TEXT(robustness_line, field)
#define LINE_NUMBER(field) CSVOUT_OPTIONAL(robustness_line, field, CSVOUT_G6)
static const csvout_column robustness_table[] = {
    LINE_TEXT(claim_id), LINE_TEXT(comparison), LINE_TEXT(kind), LINE_TEXT(metric), LINE_TEXT(axis), LINE_TEXT(setting),
    LINE_NUMBER(ratio), LINE_NUMBER(ratio_lo), LINE_NUMBER(ratio_hi), LINE_NUMBER(factor), LINE_NUMBER(factor_lo),
    LINE_NUMBER(factor_hi), LINE_TEXT(verdict), LINE_TEXT(outcome), LINE_TEXT(glance), LINE_TEXT(robust),
    LINE_TEXT(flipped_by), LINE_NUMBER(largest_move), CSVOUT_COUNT(robustness_line, settings),
    CSVOUT_COUNT(robustness_line, runs), LINE_TEXT(run_id),
    LINE_TEXT(quick), LINE_TEXT(about),
};
#undef LINE_TEXT
#undef LINE_NUMBER

static const char *const summary_columns[] = {"claim_id", "comparison", "kind", "metric", "ratio", "ratio_lo", "ratio_hi",
                                              "factor", "factor_lo", "factor_hi", "verdict", "outcome", NULL};

/* Commas out of a field of the CSV (which is unquoted). */
static void no_commas(char *text) {
    for (char *c = text; *c; c++)
        if (*c == ',' || *c == '\n') *c = *c == ',' ? ';' : ' ';
}

/* "axis:label:folder" into s, with what the folder's run left. 0, or -1 with the reason on stderr. */
static int load_setting(const char *results, const char *spec, setting *s) {
    memset(s, 0, sizeof *s);
    const char *first = strchr(spec, ':'), *second = first ? strchr(first + 1, ':') : NULL;
    if (second == NULL || first == spec || second == first + 1 || second[1] == '\0') {
        fprintf(stderr, "idiom_robustness: a setting is axis:label:folder, not '%s'\n", spec);
        return -1;
    }
    snprintf(s->axis, sizeof s->axis, "%.*s", (int)(first - spec), spec);
    snprintf(s->label, sizeof s->label, "%.*s", (int)(second - first - 1), first + 1);
    snprintf(s->folder, sizeof s->folder, "%s", second + 1);
    char path[4096], error[1024];
    snprintf(path, sizeof path, "%s/robustness/%s/summary.csv", results, s->folder);
    if (csv_load(path, ',', &s->summary, error, sizeof error) != 0 ||
        csv_require(&s->summary, path, summary_columns, error, sizeof error) != 0) {
        fprintf(stderr, "idiom_robustness: %s\n", error);
        return -1;
    }
    snprintf(path, sizeof path, "%s/robustness/%s/phases.tsv", results, s->folder);
    if (csv_load(path, '\t', &s->phases, error, sizeof error) != 0) s->phases = (csv_table){0};
    snprintf(path, sizeof path, "%s/robustness/%s/environment.json", results, s->folder);
    cJSON *env = jsonfile_load(path, error, sizeof error);
    jsonfile_text(env, "run_id", "unknown", s->run_id, sizeof s->run_id);
    jsonfile_text(env, "quick", "unknown", s->quick, sizeof s->quick);
    cJSON_Delete(env);
    snprintf(path, sizeof path, "%s/robustness/%s/setting.txt", results, s->folder);
    FILE *about = fopen(path, "r");
    if (about == NULL || fgets(s->about, sizeof s->about, about) == NULL) snprintf(s->about, sizeof s->about, "%s", s->label);
    if (about) fclose(about);
    s->about[strcspn(s->about, "\n")] = '\0';
    no_commas(s->about);
    return 0;
}

/* The row of claim in setting s if s measured it, or -1: a crossover and a claim timed in pairs always,
 * one of what is counted only where s swept its comparison, and none without a figure (a claim on
 * CPython here against C: make robustness does not run the CPython side). */
static long measured_row(const setting *s, const char *claim) {
    const long row = csv_find_row(&s->summary, "claim_id", claim);
    if (row < 0) return -1;
    const char *metric = csv_field(&s->summary, (size_t)row, "metric");
    if (strcmp(metric, "crossover") == 0) return row; /* a verdict with no ratio: who wins, and from where */
    if (!*csv_field(&s->summary, (size_t)row, "ratio")) return -1; /* no figure: the CPython side, which no setting runs */
    if (strcmp(metric, "ns_per_item") == 0) return row;
    const char *comparison = csv_field(&s->summary, (size_t)row, "comparison");
    for (size_t r = 0; r < s->phases.n_rows; r++)
        if (strcmp(csv_field(&s->phases, r, "phase"), "sweep") == 0 &&
            strcmp(csv_field(&s->phases, r, "comparison"), comparison) == 0)
            return row;
    return -1;
}

static const char *glance_of(const setting *s, long row) {
    return verdict_glance_name(verdict_glance_of(csv_field(&s->summary, (size_t)row, "verdict"),
                                                 csv_field(&s->summary, (size_t)row, "outcome")));
}

/* The claim at reference row i, under every setting that measured it, written to out. */
static void write_claim(FILE *out, const setting *settings, size_t n, size_t i) {
    const setting *reference = &settings[0];
    const char *claim = csv_field(&reference->summary, i, "claim_id");
    long rows[MAX_SETTINGS];
    size_t measured = 0, runs = 0;
    char flipped_by[1024] = "";
    const char *reference_glance = NULL, *last_axis = "";
    double reference_ratio = NAN, largest = NAN;
    for (size_t k = 0; k < n; k++) {
        rows[k] = measured_row(&settings[k], claim);
        if (rows[k] < 0) continue;
        int again = 0; /* the reference stands in every axis: a run counts once */
        for (size_t q = 0; q < k && !again; q++) again = rows[q] >= 0 && strcmp(settings[q].folder, settings[k].folder) == 0;
        measured++;
        runs += !again;
        const char *glance = glance_of(&settings[k], rows[k]);
        const double ratio = csv_field_number(&settings[k].summary, (size_t)rows[k], "ratio");
        if (reference_glance == NULL) reference_glance = glance, reference_ratio = ratio;
        if (strcmp(glance, reference_glance) != 0) {
            const size_t used = strlen(flipped_by);
            const int new_axis = strcmp(settings[k].axis, last_axis) != 0;
            snprintf(flipped_by + used, sizeof flipped_by - used, "%s%s%s%s (%s)", used ? (new_axis ? "; " : " ") : "",
                     new_axis ? settings[k].axis : "", new_axis ? ": " : "", settings[k].label, glance);
            last_axis = settings[k].axis;
        }
        const double move = exp(fabs(log(ratio / reference_ratio)));
        if (isfinite(move) && !(move <= largest)) largest = move;
    }
    for (size_t k = 0; k < n; k++) {
        if (rows[k] < 0) continue;
        const csv_table *t = &settings[k].summary;
        const size_t r = (size_t)rows[k];
        const robustness_line line = {
            .claim_id = claim,
            .comparison = csv_field(t, r, "comparison"),
            .kind = csv_field(t, r, "kind"),
            .metric = csv_field(t, r, "metric"),
            .axis = settings[k].axis,
            .setting = settings[k].label,
            .ratio = csv_field_number(t, r, "ratio"),
            .ratio_lo = csv_field_number(t, r, "ratio_lo"),
            .ratio_hi = csv_field_number(t, r, "ratio_hi"),
            .factor = csv_field_number(t, r, "factor"),
            .factor_lo = csv_field_number(t, r, "factor_lo"),
            .factor_hi = csv_field_number(t, r, "factor_hi"),
            .verdict = csv_field(t, r, "verdict"),
            .outcome = csv_field(t, r, "outcome"),
            .glance = glance_of(&settings[k], rows[k]),
            .robust = *flipped_by ? "flips" : "robust",
            .flipped_by = flipped_by,
            .largest_move = largest,
            .settings = measured,
            .runs = runs,
            .run_id = settings[k].run_id,
            .quick = settings[k].quick,
            .about = settings[k].about,
        };
        csvout_line(out, robustness_table, CSVOUT_N(robustness_table), &line, 0);
    }
}

int main(int argc, char **argv) {
    const char *dir = NULL, *out_path = NULL;
    const option_spec specs[] = {{"results", "DIR", &dir, 1}, {"out", "FILE", &out_path, 1}};
    const int first = options_parse(argc, argv, specs, sizeof specs / sizeof specs[0],
                                    "Every claim under each setting, from DIR/robustness/FOLDER/, into FILE; the first "
                                    "setting is the reference the others are held against.",
                                    "AXIS:LABEL:FOLDER...", 1);
    const size_t n = (size_t)(argc - first);
    if (n > MAX_SETTINGS) {
        fprintf(stderr, "idiom_robustness: at most %d settings, not %zu\n", MAX_SETTINGS, n);
        return 2;
    }
    setting *settings = calloc(n, sizeof *settings);
    int status = settings == NULL ? -1 : 0;
    for (size_t k = 0; k < n && status == 0; k++) status = load_setting(dir, argv[first + (int)k], &settings[k]);
    FILE *out = status == 0 ? fopen(out_path, "w") : NULL;
    if (status == 0 && out == NULL) {
        perror(out_path);
        status = -1;
    }
    if (out) {
        csvout_line(out, robustness_table, CSVOUT_N(robustness_table), NULL, 1);
        for (size_t i = 0; i < settings[0].summary.n_rows; i++) write_claim(out, settings, n, i);
        if ((ferror(out) | fclose(out)) != 0) status = -1;
    }
    for (size_t k = 0; settings && k < n; k++) {
        csv_free(&settings[k].summary);
        csv_free(&settings[k].phases);
    }
    free(settings);
    return status == 0 ? 0 : 1;
}
