/* report_run.h: what the report says of the run itself, from environment.json and summary.csv: the
 * OpenBLAS kernel, each phase's time, the neighbours' steal time, and where the paired intervals'
 * spread lies (within a process's rounds, or between processes). */
#ifndef IDIOM_REPORT_RUN_H
#define IDIOM_REPORT_RUN_H

#include "csv.h"

#include <cjson/cJSON.h>
#include <stdio.h>

/* Rows of the fingerprint's table (the table's header is already written), then its blank line:
 * OpenBLAS, the run's phases, and the steal time. environment may be NULL (older results). */
void report_run_fingerprint(FILE *f, const cJSON *environment);
/* The section "Where the spread lies": the timing claims' median interval half-width, and the five
 * widest intervals split into the spread of rounds and the spread of processes. */
void report_run_spread(FILE *f, const csv_table *summary);
/* A sentence if the comparison's pairs ran while neighbours took more than IDIOM_STEAL_WARN_PCT of
 * the CPUs, from the environment.json of the run that measured it (NULL: nothing). */
void report_run_steal_note(FILE *f, const cJSON *measured_in, const char *name);

#endif /* IDIOM_REPORT_RUN_H */
