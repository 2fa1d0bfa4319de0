/* report_allocators.c: see report_allocators.h. */
#include "report_allocators.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ALLOCATORS 8
#define ORDER_CHANGE 0.3 /* a growth order that moves by more than this between allocators is reported */
#define MAGNITUDE_CHANGE 2.0

typedef struct ledger {
    csv_table t;
    const char *names[MAX_ALLOCATORS]; /* the allocators, in the CSV's (fixed) order */
    size_t n;
} ledger;

/* The row of claim under allocator, or -1. */
static long row_of(const ledger *l, const char *claim, const char *allocator) {
    for (size_t r = 0; r < l->t.n_rows; r++)
        if (strcmp(csv_field(&l->t, r, "claim_id"), claim) == 0 && strcmp(csv_field(&l->t, r, "allocator"), allocator) == 0)
            return (long)r;
    return -1;
}

static double number(const ledger *l, long row, const char *column) {
    return row < 0 ? NAN : csv_field_number(&l->t, (size_t)row, column);
}

/* The claims, in the first allocator's order: rows of the first allocator. */
static int is_first(const ledger *l, size_t r) { return strcmp(csv_field(&l->t, r, "allocator"), l->names[0]) == 0; }

static void write_table(FILE *f, const ledger *l) {
    fprintf(f, "| claim |");
    for (size_t a = 0; a < l->n; a++) fprintf(f, " %s |", l->names[a]);
    fprintf(f, "\n|---|");
    for (size_t a = 0; a < l->n; a++) fprintf(f, "---|");
    fprintf(f, "\n");
    for (size_t r = 0; r < l->t.n_rows; r++) {
        if (!is_first(l, r)) continue;
        const char *claim = csv_field(&l->t, r, "claim_id");
        fprintf(f, "| `%s` (%s) |", claim, csv_field(&l->t, r, "metric"));
        for (size_t a = 0; a < l->n; a++) {
            const long k = row_of(l, claim, l->names[a]);
            if (k < 0 || isnan(number(l, k, "ratio"))) fprintf(f, " — |");
            else fprintf(f, " %.3g (%.3g to %.3g) **%s** |", number(l, k, "ratio"), number(l, k, "ratio_lo"),
                         number(l, k, "ratio_hi"), csv_field(&l->t, (size_t)k, "verdict"));
        }
        fprintf(f, "\n");
    }
    fprintf(f, "\n");
}

/* The sentences: verdicts that change, magnitudes that change by more than 2x, growth orders that move. */
static void write_changes(FILE *f, const ledger *l) {
    size_t verdicts = 0, magnitudes = 0, orders = 0;
    char said[256][128]; /* "comparison/variant" of the growth orders already stated */
    size_t n_said = 0;
    for (size_t r = 0; r < l->t.n_rows; r++) {
        if (!is_first(l, r)) continue;
        const char *claim = csv_field(&l->t, r, "claim_id");
        int verdict_changes = 0;
        double lo = INFINITY, hi = 0;
        for (size_t a = 0; a < l->n; a++) {
            const long k = row_of(l, claim, l->names[a]);
            if (k < 0) continue;
            verdict_changes |= strcmp(csv_field(&l->t, (size_t)k, "verdict"), csv_field(&l->t, r, "verdict")) != 0;
            const double ratio = number(l, k, "ratio");
            if (ratio > 0 && isfinite(ratio)) lo = fmin(lo, ratio), hi = fmax(hi, ratio);
        }
        if (verdict_changes || hi / lo > MAGNITUDE_CHANGE) {
            fprintf(f, "- **%s**: %s", claim, verdict_changes ? "the verdict changes" : "the magnitude changes by more than 2x");
            for (size_t a = 0; a < l->n; a++) {
                const long k = row_of(l, claim, l->names[a]);
                if (k >= 0) fprintf(f, "%s %s %.3g (%s)", a ? ";" : ":", l->names[a], number(l, k, "ratio"),
                                    csv_field(&l->t, (size_t)k, "verdict"));
            }
            fprintf(f, ".\n");
            verdicts += (size_t)verdict_changes;
            magnitudes += (size_t)(!verdict_changes);
        }
        const char *const sides[2] = {"baseline", "contender"};
        for (int s = 0; s < 2; s++) {
            double order_lo = INFINITY, order_hi = -INFINITY;
            for (size_t a = 0; a < l->n; a++) {
                char column[32];
                snprintf(column, sizeof column, "%s_order", sides[s]);
                const double order = number(l, row_of(l, claim, l->names[a]), column);
                if (!isnan(order)) order_lo = fmin(order_lo, order), order_hi = fmax(order_hi, order);
            }
            if (!(order_hi - order_lo > ORDER_CHANGE)) continue;
            char key[128];
            snprintf(key, sizeof key, "%s/%s", csv_field(&l->t, r, "comparison"), csv_field(&l->t, r, sides[s]));
            size_t seen = 0;
            while (seen < n_said && strcmp(said[seen], key) != 0) seen++;
            if (seen < n_said || n_said == 256) continue; /* one sentence per variant */
            snprintf(said[n_said++], sizeof said[0], "%s", key);
            fprintf(f, "- **%s**: `%s`'s time grows as %s^k with", claim, csv_field(&l->t, r, sides[s]), csv_field(&l->t, r, "param"));
            for (size_t a = 0; a < l->n; a++) {
                char column[32];
                snprintf(column, sizeof column, "%s_order", sides[s]);
                fprintf(f, "%s k = %.2f under %s", a ? "," : "", number(l, row_of(l, claim, l->names[a]), column),
                        l->names[a]);
            }
            fprintf(f, ": its growth is the allocator's.\n");
            orders++;
        }
    }
    if (verdicts + magnitudes + orders == 0)
        fprintf(f, "No verdict changes with the allocator, no ratio moves by more than 2x, and no side's growth order "
                   "moves by more than %.1f: these conclusions are the idioms', not glibc's.\n", ORDER_CHANGE);
    fprintf(f, "\nIn all: %zu verdict(s) change with the allocator, %zu more claim(s) change by more than 2x, and %zu "
               "side(s) grow at an order that moves by more than %.1f (growth orders are fitted over each allocator's "
               "sweep: 1 is linear, 2 quadratic).\n\n", verdicts, magnitudes, orders, ORDER_CHANGE);
}

/* Peak heap bytes per item of each side of the memory claims, under each allocator. */
static void write_bytes(FILE *f, const ledger *l, const csv_table *claims) {
    size_t shown = 0;
    for (size_t r = 0; r < l->t.n_rows; r++) {
        if (!is_first(l, r) || strcmp(csv_field(&l->t, r, "metric"), "peak_bytes") != 0) continue;
        if (shown++ == 0) {
            fprintf(f, "Peak heap bytes per item at each memory claim's point, as each allocator grants them (the "
                       "counting allocator adds up each block's usable size):\n\n| claim | variant |");
            for (size_t a = 0; a < l->n; a++) fprintf(f, " %s |", l->names[a]);
            fprintf(f, " the article's figure |\n|---|---|");
            for (size_t a = 0; a < l->n; a++) fprintf(f, "---|");
            fprintf(f, "---|\n");
        }
        const char *claim = csv_field(&l->t, r, "claim_id");
        const long c = csv_find_row(claims, "claim_id", claim);
        const char *figure = c >= 0 ? csv_field(claims, (size_t)c, "article_figure") : "";
        const char *const sides[2] = {"baseline", "contender"};
        for (int s = 0; s < 2; s++) {
            char column[32];
            snprintf(column, sizeof column, "%s_bytes_per_item", sides[s]);
            fprintf(f, "| `%s` | `%s` |", claim, csv_field(&l->t, r, sides[s]));
            for (size_t a = 0; a < l->n; a++) fprintf(f, " %.4g |", number(l, row_of(l, claim, l->names[a]), column));
            fprintf(f, " %s |\n", s == 0 ? figure : "");
        }
    }
    if (shown) fprintf(f, "\n");
}

void report_allocators(FILE *f, const char *dir, const char *plots_link, const csv_table *claims) {
    char path[4096], error[1024];
    ledger l = {.n = 0};
    snprintf(path, sizeof path, "%s/allocators.csv", dir);
    if (csv_load(path, ',', &l.t, error, sizeof error) != 0) return; /* make allocators has not run */
    for (size_t r = 0; r < l.t.n_rows && l.n < MAX_ALLOCATORS; r++) {
        const char *name = csv_field(&l.t, r, "allocator");
        size_t a = 0;
        while (a < l.n && strcmp(l.names[a], name) != 0) a++;
        if (a == l.n) l.names[l.n++] = name;
    }
    fprintf(f, "## Does it depend on the allocator?\n\n`make allocators` measured the allocation-heavy comparisons once "
               "under each allocator, each a whole paired run of its own (in `results/allocators/<allocator>/`). "
               "Where the verdicts and magnitudes agree, the conclusion is the idiom's; where they part, it is the "
               "allocator's.\n\n");
    for (size_t a = 0; a < l.n; a++) {
        const long r = row_of(&l, csv_field(&l.t, 0, "claim_id"), l.names[a]);
        fprintf(f, "- **%s**: run `%s`: %s.\n", l.names[a], r < 0 ? "?" : csv_field(&l.t, (size_t)r, "run_id"),
                r < 0 ? "?" : csv_field(&l.t, (size_t)r, "allocator_detail"));
    }
    fprintf(f, "\n![each claim's ratio under each allocator](%s/allocators.svg)\n\n", plots_link);
    write_table(f, &l);
    write_changes(f, &l);
    write_bytes(f, &l, claims);
    csv_free(&l.t);
}
