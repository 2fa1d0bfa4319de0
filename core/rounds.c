/* rounds.c: see rounds.h. Plain malloc: the tools' memory is not a benchmark's. */
#include "rounds.h"

#include "idiom_config.h"

#include <stdlib.h>
#include <string.h>

/* Whether row of the rounds is a round of baseline against contender at x (columns b, c, xc). */
static int of_pair(const csv_table *rounds, size_t row, int b, int c, int xc, const char *baseline, const char *contender,
                   double x) {
    return strcmp(csv_cell(rounds, row, (size_t)b), baseline) == 0 &&
           strcmp(csv_cell(rounds, row, (size_t)c), contender) == 0 && csv_number(rounds, row, (size_t)xc) == x;
}

int rounds_paired_at(const csv_table *rounds, const char *baseline, const char *contender, double x,
                     paired_estimate *out) {
    const int b = csv_column(rounds, "baseline"), c = csv_column(rounds, "contender"), xc = csv_column(rounds, "x"),
              p = csv_column(rounds, "process"), l = csv_column(rounds, "log_ratio");
    if (b < 0 || c < 0 || xc < 0 || p < 0 || l < 0) return -1;
    double *logs = malloc((rounds->n_rows + 1) * sizeof *logs);
    unsigned *process = malloc((rounds->n_rows + 1) * sizeof *process);
    if (logs == NULL || process == NULL) abort();
    size_t n = 0;
    for (size_t row = 0; row < rounds->n_rows; row++) {
        if (!of_pair(rounds, row, b, c, xc, baseline, contender, x)) continue;
        logs[n] = csv_number(rounds, row, (size_t)l);
        process[n++] = (unsigned)csv_number(rounds, row, (size_t)p);
    }
    const int status = verdict_paired(logs, process, n, IDIOM_CONFIDENCE, out);
    free(logs);
    free(process);
    return status;
}

double rounds_seconds_at(const csv_table *rounds, const char *baseline, const char *contender, double x) {
    const int b = csv_column(rounds, "baseline"), c = csv_column(rounds, "contender"), xc = csv_column(rounds, "x"),
              sc = csv_column(rounds, "seconds");
    double seconds = 0;
    for (size_t row = 0; b >= 0 && c >= 0 && xc >= 0 && sc >= 0 && row < rounds->n_rows; row++)
        if (of_pair(rounds, row, b, c, xc, baseline, contender, x)) seconds += csv_number(rounds, row, (size_t)sc);
    return seconds;
}
