/* report_robustness.h: the report's section "How robust is each verdict?", from the
 * results/robustness.csv that `make robustness` writes; nothing where it has not run. */
#ifndef IDIOM_REPORT_ROBUSTNESS_H
#define IDIOM_REPORT_ROBUSTNESS_H

#include <stdio.h>

/* The claims measured under more than one setting, and how many of them are robust, from
 * dir/robustness.csv; 0 and 0 where make robustness has not run. */
void report_robustness_counts(const char *dir, size_t *claims, size_t *robust);

/* The section into f, reading dir/robustness.csv; plots_link is how the report reaches the charts. */
void report_robustness(FILE *f, const char *dir, const char *plots_link);

#endif /* IDIOM_REPORT_ROBUSTNESS_H */
