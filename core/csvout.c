/* csvout.c: see csvout.h. */
#include "csvout.h"

#include <math.h>

void csvout_header(FILE *f, const csvout_column *columns, size_t n) {
    for (size_t k = 0; k < n; k++) fprintf(f, "%s%s", k ? "," : "", columns[k].name);
}

void csvout_row(FILE *f, const csvout_column *columns, size_t n, const void *row) {
    const char *base = row;
    for (size_t k = 0; k < n; k++) {
        if (k) fputc(',', f);
        const void *field = base + columns[k].offset;
        const int is_double = columns[k].format != CSVOUT_TEXT && columns[k].format != CSVOUT_COUNT;
        const double v = is_double ? *(const double *)field : 0;
        if (is_double && columns[k].optional && isnan(v)) continue; /* not measured: an empty field */
        switch (columns[k].format) {
        case CSVOUT_TEXT: fputs(*(const char *const *)field, f); break;
        case CSVOUT_COUNT: fprintf(f, "%zu", *(const size_t *)field); break;
        case CSVOUT_WHOLE: fprintf(f, "%.0f", v); break;
        case CSVOUT_G4: fprintf(f, "%.4g", v); break;
        case CSVOUT_G6: fprintf(f, "%.6g", v); break;
        case CSVOUT_G9: fprintf(f, "%.9g", v); break;
        case CSVOUT_EXACT: fprintf(f, "%.15g", v); break;
        case CSVOUT_F3: fprintf(f, "%.3f", v); break;
        }
    }
}

int csvout_line(FILE *f, const csvout_column *columns, size_t n, const void *row, int header) {
    if (header) csvout_header(f, columns, n);
    else csvout_row(f, columns, n, row);
    fputc('\n', f);
    return ferror(f);
}
