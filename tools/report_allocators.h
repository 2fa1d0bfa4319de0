/* report_allocators.h: the report's section "Does it depend on the allocator?", from the
 * results/allocators.csv that `make allocators` writes; nothing where it has not run. */
#ifndef IDIOM_REPORT_ALLOCATORS_H
#define IDIOM_REPORT_ALLOCATORS_H

#include "csv.h"

#include <stdio.h>

/* The section into f, reading dir/allocators.csv and each allocator's environment.json; claims is
 * the gathered claims (for the articles' figures), plots_link how the report reaches the charts. */
void report_allocators(FILE *f, const char *dir, const char *plots_link, const csv_table *claims);

#endif /* IDIOM_REPORT_ALLOCATORS_H */
