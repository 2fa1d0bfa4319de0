/* claims.h: what the planner and the summary agree on about a claim: at which swept x it is
 * judged, read from what the comparison declared in its facts file. */
#ifndef IDIOM_CLAIMS_H
#define IDIOM_CLAIMS_H

#include "csv.h"

#include <cjson/cJSON.h>
#include <stddef.h>

/* The x the run's sweep (facts "xs") offers for the pair: wanted itself if both variants reach it
 * (their max_x), or else the largest below it (a QUICK sweep may stop short of the article's point),
 * or else the smallest above. NAN if a variant is unknown or none is reached. */
double claims_resolve_x(const cJSON *facts, const char *baseline, const char *contender, double wanted);
/* A declared variant's max_x (0: no limit), or -1 if facts has no such variant. */
double claims_variant_max_x(const cJSON *facts, const char *variant);
/* 1 if a declared variant's work runs in child processes (facts "in_children"), else 0. */
int claims_variant_in_children(const cJSON *facts, const char *variant);

/* Load what a comparison's run left in dir: <name>.facts.json into *facts (for cJSON_Delete) and
 * <name>.csv into rows. 0; -1 if it was not measured (no facts file) or its CSV cannot be read
 * (said on stderr). */
int claims_load_sweep(const char *dir, const char *name, cJSON **facts, csv_table *rows);

#define CLAIMS_MAX_POINTS 256 /* swept values of one variant, or measured xs of one pair: more than any sweep has */

/* The growth order of variant's time per iteration (ns_per_item x items) against x: the slope on
 * log-log axes over the sweep's top two decades (x at least the largest / 100), where fixed costs per
 * iteration no longer hide it. NAN with fewer than 2 such points (a QUICK sweep may have only those). The one definition the report's key
 * numbers and the allocators' table both quote. */
double claims_growth_order(const csv_table *rows, const char *variant);

/* The number in column of the sweep row of variant at x, or NAN if there is none. */
double claims_sweep_value(const csv_table *rows, const char *variant, double x, const char *column);

/* The sweep's ratio baseline / contender of column at x: *ratio, and its interval [b_lo / c_hi,
 * b_hi / c_lo] from the columns <column>_lo and <column>_hi (lo NAN if c_hi is not positive, hi
 * infinite if c_lo is not). 0 if either figure is missing; 1 if both are there but some bound is
 * not (lo and hi are then the ratio); 2 with the interval. */
int claims_sweep_ratio(const csv_table *rows, const char *baseline, const char *contender, double x, const char *column,
                       double *ratio, double *lo, double *hi);

/* Called with a comparison's name and the path of its file; nonzero stops the walk. */
typedef int claims_visit_fn(const char *name, const char *path, void *ctx);
/* visit(name, path, ctx) for every <dir>/<name><suffix> (".facts.json", ".rounds.csv"), in name
 * order. Returns the first nonzero visit returned, or 0 (also when there is no such file). */
int claims_each_comparison(const char *dir, const char *suffix, claims_visit_fn *visit, void *ctx);

/* The name of variant in workload (an element of facts "workloads"): variant and the workload's
 * suffix, into out. */
const char *claims_workload_variant(const cJSON *workload, const char *variant, char *out, size_t size);

#endif /* IDIOM_CLAIMS_H */
