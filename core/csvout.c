/* csvout.c: see csvout.h. */
#include "csvout.h"


void csvout_header(FILE *f, const csvout_column *columns, size_t n) {
    for (size_t k = 0; k < n; k++) fprintf(f, "%s%s", k ? "," : "", columns[k].name);
}

void csvout_row(FILE *f, const csvout_column *columns, size_t n, const void *row) {
    const char *base = row;
    for (size_t k = 0; k < n; k++) {
        if (k) fputc(',', f);
        const void *field = base + columns[k].offset;
        const double v = columns[k].format == CSVOUT_TEXT ? 0 : *(const double *)field;
        switch (columns[k].format) {
        case CSVOUT_TEXT: fputs(*(const char *const *)field, f); break;
        case CSVOUT_WHOLE: fprintf(f, "%.0f", v); break;
        case CSVOUT_G4: fprintf(f, "%.4g", v); break;
        case CSVOUT_G6: fprintf(f, "%.6g", v); break;
        case CSVOUT_G9: fprintf(f, "%.9g", v); break;
        case CSVOUT_EXACT: fprintf(f, "%.15g", v); break;
        case CSVOUT_F3: fprintf(f, "%.3f", v); break;
        }
    }
}
