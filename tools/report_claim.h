/* report_claim.h: what the report reads, and what it says of one claim (tools/report_claim.c). Each
 * function writes into buffer (of size) the words for summary row i. */
#ifndef IDIOM_REPORT_CLAIM_H
#define IDIOM_REPORT_CLAIM_H

#include "csv.h"

#include <cjson/cJSON.h>
#include <stddef.h>

/* What the report reads: the run's files, loaded once. */
typedef struct report_inputs {
    const char *dir;        /* the results folder being reported */
    const char *plots_link; /* how REPORT.md reaches the charts, e.g. ../plots */
    cJSON *environment;     /* environment.json, or NULL */
    csv_table claims;       /* the claims, every comparison's claims.tsv gathered */
    csv_table summary;      /* summary.csv */
    csv_table python;       /* python.csv: the CPython side's figure per claim (empty if none) */
} report_inputs;

/* What the sentence of one claim quotes from its comparison's sweep: the rows and the facts, loaded
 * once per claim (loaded 0 if the comparison left none), and the claim's x. */
typedef struct claim_sweep {
    csv_table rows;
    cJSON *facts;
    int loaded;
    double x;
} claim_sweep;

/* A value of the run's environment.json as text ("unknown" if absent; jsonfile_text_of). */
const char *report_env(const report_inputs *in, const char *key);
/* The claims row of claim_id, or -1. */
long claim_row(const report_inputs *in, const char *claim_id);

/* "`b` 299x faster than `a` at n=10000 (95% interval 290 to 310)", at idiom.conf's confidence: the
 * measured figure of row i. */
void figure_text(const csv_table *s, size_t i, char *buffer, size_t size);

/* Where the rounds came from, for a timing claim. */
void measured_by(const csv_table *s, size_t i, char *buffer, size_t size);

/* The instruction ratio of row i as a table cell: "12.3x (b / c instr. per item)", or "—". */
void instr_cell(const csv_table *s, size_t i, char *buffer, size_t size);

/* A memory-bound claim's time in dependent loads at each side's working set, in words. */
void loads_text(const csv_table *s, size_t i, char *buffer, size_t size);

/* Summary row i's sweep, for its sentence; claim_sweep_free when done (also when nothing loaded). */
claim_sweep claim_sweep_load(const report_inputs *in, size_t i);
void claim_sweep_free(claim_sweep *c);

/* The witness in words: the two counts, and where the time ratio and the instruction ratio part by
 * more than WITNESS_GAP, that claim's own diagnosis. Empty without counts. */
void witness_text(const report_inputs *in, size_t i, const claim_sweep *sweep, char *buffer, size_t size);

/* A ratio as the report prints it: three significant digits, whole numbers from 1,000 up. */
const char *ratio_text(double ratio, char *buffer, size_t size);

/* The CPython-here cell of row i: "`a` / `b` = 17.4x (range 16.9 to 18; 7 rounds of timeit) at n=...",
 * with the article's profiler's reading of the same ratio; why there is none, if there is none. */
void cpython_cell(const report_inputs *in, size_t i, char *buffer, size_t size);

/* The gaps between the article's figure, CPython here and C here, as factors. Only the profiler's
 * share is measured (a profiled CPython run); the rest is stated as a factor, not attributed, since
 * no run here varies the machine, the interpreter's version or the language. Empty without a CPython
 * figure. */
void cpython_gaps(const csv_table *s, size_t i, char *buffer, size_t size);

/* Summary row i graded against the article in words, on direction and on magnitude, for the ratio in
 * column (C's "ratio", or CPython here's "python_ratio" judged as C's is), by who: "C: same direction
 * as the article, 47x smaller than its figure of 64 (1.36x)." A verdict that only agrees in direction
 * must not read like one that matches. */
void grade_text(const report_inputs *in, size_t i, const char *column, const char *who, char *out, size_t size);

/* Where in the sweep summary row i's winner wins, as the summary found it (sweep_winner and its xs):
 * "In the sweep (medians of the rows, not paired), `b` is faster from n=1000 to 1e+07; at n=100 and
 * below, it is not." "" where the summary found none. The range of x a verdict holds over; the pairs
 * decide the claim at its own x. */
void sweep_range_text(const csv_table *s, size_t i, char *out, size_t size);

/* The sweep's ratio at the claim's own x (summary's sweep_ratio) against the pairs': the chart draws
 * the first, the claim quotes the second. The sweep's interval is the rows' (baseline lo / contender
 * hi to baseline hi / contender lo). Where the two intervals do not meet, it says so and names how the
 * two regimes differ; where they meet, it says that too. "" where the summary has no sweep ratio. */
void sweep_agreement_text(const csv_table *s, size_t i, char *out, size_t size);

/* Summary row i's why-text with its figures filled in from this run (core/why.h); "" if the claim
 * has none. */
void why_text(const report_inputs *in, size_t i, const claim_sweep *sweep, char *out, size_t size);

/* "**agrees**, 1.23x [1.10, 1.35]": row i's verdict and its ratio (baseline / contender, as in
 * summary.csv) with its interval; "—" for no row. */
void answer_cell(const csv_table *s, long i, char *buffer, size_t size);

/* CPython here's answer to row i: its verdict (as the summary judged it), ratio and interval. */
void cpython_answer_cell(const report_inputs *in, size_t i, char *buffer, size_t size);

#endif /* IDIOM_REPORT_CLAIM_H */
