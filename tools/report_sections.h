/* report_sections.h: the report's section of each measured comparison, and the calibrations' tables. */
#ifndef IDIOM_REPORT_SECTIONS_H
#define IDIOM_REPORT_SECTIONS_H

#include <stdio.h>

/* Where the sections read and link: the results folder, and how REPORT.md reaches the charts (e.g.
 * ../plots). */
typedef struct report_place {
    const char *dir, *plots_link;
} report_place;

/* Each comparison with facts in the results folder, in name order: its whole section; or, with
 * calibration_only, only the calibration comparisons' tables, which go before the ledger. */
void report_sections(FILE *f, const report_place *in, int calibration_only);

#endif /* IDIOM_REPORT_SECTIONS_H */
