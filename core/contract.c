/* contract.c: see contract.h. */
#include "contract.h"

#include <stdio.h>
#include <string.h>

#define TEXT(field) CSVOUT_TEXT(contract_row, field)
#define NUMBER(field, format) CSVOUT_NUMBER(contract_row, field, format)
const csvout_column contract_table[] = {
    TEXT(comparison), TEXT(variant), TEXT(param), TEXT(x), NUMBER(reps, CSVOUT_WHOLE),
    NUMBER(ns_per_item, CSVOUT_G6), NUMBER(ns_per_item_min, CSVOUT_G6), NUMBER(ns_per_item_max, CSVOUT_G6),
    NUMBER(cv_pct, CSVOUT_F3), NUMBER(items, CSVOUT_WHOLE), NUMBER(peak_bytes, CSVOUT_WHOLE),
    NUMBER(allocs, CSVOUT_EXACT), /* counts, exact */
    NUMBER(unstable, CSVOUT_WHOLE), NUMBER(cpu_ns_per_item, CSVOUT_G6), NUMBER(ns_per_item_lo, CSVOUT_G6),
    NUMBER(ns_per_item_hi, CSVOUT_G6), NUMBER(mdape_pct, CSVOUT_F3), NUMBER(working_set_bytes, CSVOUT_WHOLE),
};
#undef TEXT
#undef NUMBER
const size_t contract_n_columns = sizeof contract_table / sizeof contract_table[0];

/* The text columns whose values are numbers all the same. */
static int numeric(const csvout_column *c) { return c->format != CSVOUT_TEXT || strcmp(c->name, "x") == 0; }

const char *const *contract_columns(void) {
    static char names[sizeof contract_table / sizeof contract_table[0]][48];
    static const char *columns[sizeof contract_table / sizeof contract_table[0] + 1];
    if (columns[0] == NULL)
        for (size_t k = 0; k < contract_n_columns; k++) {
            snprintf(names[k], sizeof names[k], "%s%s", numeric(&contract_table[k]) ? "#" : "", contract_table[k].name);
            columns[k] = names[k];
        }
    return columns;
}
