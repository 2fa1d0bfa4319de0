/* summary_files.c: the per-comparison files beside summary.csv (see summary_files.h). */
#include "summary_files.h"

#include "claims.h"
#include "csv.h"
#include "csvout.h"
#include "idiom_config.h"
#include "jsonfile.h"
#include "key_numbers.h"
#include "rounds.h"
#include "verdict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A line of <comparison>.memory.csv. */
typedef struct memory_line {
    const char *comparison, *variant, *x;
    double working_set_bytes, load_ns, copy_ns_per_byte;
} memory_line;
static const csvout_column memory_table[] = {
    CSVOUT_TEXT(memory_line, comparison), CSVOUT_TEXT(memory_line, variant), CSVOUT_TEXT(memory_line, x),
    CSVOUT_NUMBER(memory_line, working_set_bytes, CSVOUT_WHOLE), CSVOUT_NUMBER(memory_line, load_ns, CSVOUT_G6),
    CSVOUT_NUMBER(memory_line, copy_ns_per_byte, CSVOUT_G6),
};

typedef struct memory_walk {
    const char *dir;
    const memline *latency, *bandwidth;
} memory_walk;

/* A claims_visit_fn: <name>.memory.csv for a memory-bound comparison: at each x, its memory
 * variant's working set, one dependent load there, and one byte copied there. 0, or -1. */
static int write_memory_line(const char *name, const char *facts_path, void *ctx) {
    (void)facts_path;
    const memory_walk *w = ctx;
    cJSON *facts;
    csv_table rows;
    if (claims_load_sweep(w->dir, name, &facts, &rows) != 0) return 0;
    const char *variant = jsonfile_string(facts, "memory_variant", "");
    int status = 0;
    if (*variant && w->latency->n > 0) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.memory.csv", w->dir, name);
        FILE *out = fopen(path, "w");
        const int v = csv_column(&rows, "variant"), x = csv_column(&rows, "x"), ws = csv_column(&rows, "working_set_bytes");
        if (out) csvout_line(out, memory_table, CSVOUT_N(memory_table), NULL, 1);
        for (size_t r = 0; out && v >= 0 && x >= 0 && ws >= 0 && r < rows.n_rows; r++) {
            if (strcmp(csv_cell(&rows, r, (size_t)v), variant) != 0) continue;
            const double bytes = csv_number(&rows, r, (size_t)ws);
            const memory_line line = {name, variant, csv_cell(&rows, r, (size_t)x), bytes, memline_at(w->latency, bytes),
                                      memline_at(w->bandwidth, bytes)};
            csvout_line(out, memory_table, CSVOUT_N(memory_table), &line, 0);
        }
        if (out == NULL || (ferror(out) | fclose(out))) status = -1;
    }
    cJSON_Delete(facts);
    csv_free(&rows);
    return status;
}

/* A line of <comparison>.keys.csv: one variant's key numbers (core/key_numbers.h). */
typedef struct keys_line {
    const char *comparison, *variant, *param;
    key_numbers k;
} keys_line;
#define KEYS_NUMBER(field, format) {#field, format, offsetof(keys_line, k.field), 1}
static const csvout_column keys_table[] = {
    CSVOUT_TEXT(keys_line, comparison), CSVOUT_TEXT(keys_line, variant), CSVOUT_TEXT(keys_line, param),
    KEYS_NUMBER(x_smallest, CSVOUT_EXACT), KEYS_NUMBER(ns_per_item_smallest, CSVOUT_G6),
    KEYS_NUMBER(x_largest, CSVOUT_EXACT), KEYS_NUMBER(ns_per_item_largest, CSVOUT_G6),
    KEYS_NUMBER(growth_order, CSVOUT_G6), KEYS_NUMBER(bytes_per_x_largest, CSVOUT_G6), KEYS_NUMBER(slope, CSVOUT_G6),
    KEYS_NUMBER(growth_per_step, CSVOUT_G6),
};
#undef KEYS_NUMBER

/* A claims_visit_fn: <name>.keys.csv, each variant's key numbers in the sweep's order, computed here
 * once for the report to lay out. 0, or -1. */
static int write_key_numbers(const char *name, const char *facts_path, void *dir) {
    (void)facts_path;
    cJSON *facts;
    csv_table rows;
    if (claims_load_sweep(dir, name, &facts, &rows) != 0) return 0;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.keys.csv", (const char *)dir, name);
    FILE *out = fopen(path, "w");
    const int v = csv_column(&rows, "variant");
    if (out) csvout_line(out, keys_table, CSVOUT_N(keys_table), NULL, 1);
    for (size_t r = 0; out && v >= 0 && r < rows.n_rows; r++) {
        const char *variant = csv_cell(&rows, r, (size_t)v);
        size_t first = 0;
        while (strcmp(csv_cell(&rows, first, (size_t)v), variant) != 0) first++;
        keys_line line = {.comparison = name, .variant = variant, .param = jsonfile_string(facts, "param", "x")};
        if (first == r && key_numbers_of(&rows, variant, &line.k) == 0)
            csvout_line(out, keys_table, CSVOUT_N(keys_table), &line, 0);
    }
    const int status = out == NULL || (ferror(out) | fclose(out)) ? -1 : 0;
    cJSON_Delete(facts);
    csv_free(&rows);
    return status;
}

/* One pair at one x, as the rounds hold it. */
typedef struct pair_line {
    const char *baseline, *contender;
    double x;
    paired_estimate e;
} pair_line;

/* A line of a pairs file. */
typedef struct pairs_csv_line {
    const char *comparison, *baseline, *contender;
    double x, ratio, ratio_lo, ratio_hi;
    size_t rounds, processes;
    const char *outcome;
    double sd_rounds, sd_processes;
} pairs_csv_line;
static const csvout_column pairs_table[] = {
    CSVOUT_TEXT(pairs_csv_line, comparison), CSVOUT_TEXT(pairs_csv_line, baseline), CSVOUT_TEXT(pairs_csv_line, contender),
    CSVOUT_NUMBER(pairs_csv_line, x, CSVOUT_EXACT), CSVOUT_NUMBER(pairs_csv_line, ratio, CSVOUT_G6),
    CSVOUT_NUMBER(pairs_csv_line, ratio_lo, CSVOUT_G6), CSVOUT_NUMBER(pairs_csv_line, ratio_hi, CSVOUT_G6),
    CSVOUT_COUNT(pairs_csv_line, rounds), CSVOUT_COUNT(pairs_csv_line, processes), CSVOUT_TEXT(pairs_csv_line, outcome),
    CSVOUT_NUMBER(pairs_csv_line, sd_rounds, CSVOUT_G4), CSVOUT_NUMBER(pairs_csv_line, sd_processes, CSVOUT_G4),
};

/* By pair, then x: the order a chart draws lines in. */
static int compare_pair_lines(const void *a, const void *b) {
    const pair_line *p = a, *q = b;
    int order = strcmp(p->baseline, q->baseline);
    if (order == 0) order = strcmp(p->contender, q->contender);
    return order ? order : (p->x > q->x) - (p->x < q->x);
}

/* <dir>/<name>.pairs.csv: every pair the rounds hold, at every x, with its paired ratio and
 * interval, sorted by pair and x: what the report's tables and the charts draw, computed once
 * here. 0, or -1. */
static int write_pairs(const char *dir, const char *name, const csv_table *rounds) {
    const int b = csv_column(rounds, "baseline"), c = csv_column(rounds, "contender"), xc = csv_column(rounds, "x");
    if (b < 0 || c < 0 || xc < 0 || rounds->n_rows == 0) return 0;
    pair_line *lines = malloc(rounds->n_rows * sizeof *lines);
    if (lines == NULL) return -1;
    size_t n = 0;
    for (size_t row = 0; row < rounds->n_rows; row++) {
        const pair_line line = {.baseline = csv_cell(rounds, row, (size_t)b),
                                .contender = csv_cell(rounds, row, (size_t)c),
                                .x = csv_number(rounds, row, (size_t)xc)};
        size_t seen = 0;
        while (seen < n && compare_pair_lines(&lines[seen], &line) != 0) seen++;
        if (seen < n) continue;
        lines[n] = line;
        if (rounds_paired_at(rounds, line.baseline, line.contender, line.x, &lines[n].e) == 0) n++;
    }
    qsort(lines, n, sizeof *lines, compare_pair_lines);
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.pairs.csv", dir, name);
    FILE *out = fopen(path, "w");
    if (out) {
        csvout_line(out, pairs_table, CSVOUT_N(pairs_table), NULL, 1);
        for (size_t i = 0; i < n; i++) {
            const paired_estimate *e = &lines[i].e;
            const pairs_csv_line line = {name, lines[i].baseline, lines[i].contender, lines[i].x, e->ratio, e->lo, e->hi,
                                         e->rounds, e->processes,
                                         verdict_outcome_name(verdict_outcome_of(e->lo, e->hi, IDIOM_NOISE_FLOOR)),
                                         e->sd_rounds, e->sd_processes};
            csvout_line(out, pairs_table, CSVOUT_N(pairs_table), &line, 0);
        }
    }
    free(lines);
    return out == NULL || (ferror(out) | fclose(out)) ? -1 : 0;
}

/* A claims_visit_fn: the pairs file of the comparison whose rounds are at rounds_path. 0, or -1. */
static int write_pairs_of(const char *name, const char *rounds_path, void *dir) {
    char error[1024];
    csv_table rounds;
    if (csv_load(rounds_path, ',', &rounds, error, sizeof error) != 0) {
        fprintf(stderr, "idiom_summary: %s\n", error);
        return -1;
    }
    const int status = write_pairs(dir, name, &rounds);
    csv_free(&rounds);
    return status;
}

int summary_write_pairs(const char *dir) { return claims_each_comparison(dir, ".rounds.csv", write_pairs_of, (void *)dir); }

int summary_write_memory_lines(const char *dir, const memline *latency, const memline *bandwidth) {
    memory_walk walk = {dir, latency, bandwidth};
    return claims_each_comparison(dir, ".facts.json", write_memory_line, &walk);
}

int summary_write_key_numbers(const char *dir) {
    return claims_each_comparison(dir, ".facts.json", write_key_numbers, (void *)dir);
}
