/* plan.c: see plan.h. Harness memory is plain malloc, never the counting allocator's. */
#include "plan.h"

#include "bench_internal.h"
#include "csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const plan_columns[] = {"comparison", "baseline", "contender", "#x", NULL};

long plan_read(const bench_comparison *cmp, const char *path, plan_pair **out) {
    csv_table plan;
    char error[1024];
    if (csv_load(path, '\t', &plan, error, sizeof error) != 0 ||
        csv_require(&plan, path, plan_columns, error, sizeof error) != 0) {
        fprintf(stderr, "%s: %s\n", cmp->name, error);
        return -1;
    }
    const size_t cc = (size_t)csv_column(&plan, "comparison"), bc = (size_t)csv_column(&plan, "baseline"),
                 kc = (size_t)csv_column(&plan, "contender"), xc = (size_t)csv_column(&plan, "x");
    plan_pair *pairs = calloc(plan.n_rows + 1, sizeof *pairs);
    long n = 0;
    for (size_t row = 0; pairs && row < plan.n_rows; row++) {
        if (strcmp(csv_cell(&plan, row, cc), cmp->name) != 0) continue;
        const long b = bench__variant_index(cmp, csv_cell(&plan, row, bc));
        const long k = bench__variant_index(cmp, csv_cell(&plan, row, kc));
        if (b < 0 || k < 0) {
            fprintf(stderr, "%s:%zu: %s has no variant '%s'\n", path, plan.line_numbers[row], cmp->name,
                    csv_cell(&plan, row, b < 0 ? bc : kc));
            n = -1;
            break;
        }
        const plan_pair p = {(size_t)b, (size_t)k, csv_number(&plan, row, xc)};
        long seen = 0;
        while (seen < n && memcmp(&pairs[seen], &p, sizeof p) != 0) seen++;
        if (seen == n) pairs[n++] = p;
    }
    csv_free(&plan);
    if (pairs == NULL) {
        fprintf(stderr, "%s: out of memory reading the plan\n", cmp->name);
        return -1;
    }
    if (n < 0) free(pairs);
    else *out = pairs;
    return n;
}

