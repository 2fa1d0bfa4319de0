/* contract.c: see contract.h. */
#include "contract.h"

#include <stddef.h>

const char *const contract_columns[] = {
    "comparison", "variant", "param", "#x", "#reps", "#ns_per_item", "#ns_per_item_min", "#ns_per_item_max",
    "#cv_pct", "#items", "#peak_bytes", "#allocs", "#unstable", "#cpu_ns_per_item", "#ns_per_item_lo",
    "#ns_per_item_hi", "#mdape_pct", "#working_set_bytes", NULL};
