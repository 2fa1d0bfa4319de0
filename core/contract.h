/* contract.h: the columns of results/<comparison>.csv, which the harness writes and the tools
 * check, in one table: each column's name, the field of contract_row it holds and its format. The
 * contract's own columns come first; ours follow, and a comparison's extra counters after them. */
#ifndef IDIOM_CONTRACT_H
#define IDIOM_CONTRACT_H

#include "csvout.h"

/* One row of a sweep CSV: a variant at one x. */
typedef struct contract_row {
    const char *comparison, *variant, *param;
    const char *x; /* as the benchmark's name writes it: the shortest decimal that reads back the same */
    double reps, ns_per_item, ns_per_item_min, ns_per_item_max, cv_pct, items, peak_bytes, allocs, unstable,
        cpu_ns_per_item, ns_per_item_lo, ns_per_item_hi, mdape_pct, working_set_bytes;
} contract_row;

/* The table, in order. */
extern const csvout_column contract_table[];
extern const size_t contract_n_columns;

/* The table's names in the form csv_require takes (a leading '#' on a numeric column, x included),
 * NULL-terminated. */
const char *const *contract_columns(void);

#endif /* IDIOM_CONTRACT_H */
