/* csvout.h: a CSV written from one table of its columns: each column's name, the field of the row
 * struct it prints and the format it prints it in, so that a file's header and its rows cannot part.
 * Unquoted, as every CSV of the suite: no field may hold a comma or a newline. */
#ifndef IDIOM_CSVOUT_H
#define IDIOM_CSVOUT_H

#include <stddef.h>
#include <stdio.h>

/* How a field is written. */
typedef enum csvout_format {
    CSVOUT_TEXT,   /* a const char * field, as it is */
    CSVOUT_WHOLE,  /* a double, rounded to a whole number (%.0f) */
    CSVOUT_G4,     /* a double to 4 significant digits (%.4g): seconds spent */
    CSVOUT_G6,     /* a double to 6 significant digits (%.6g): a measured time */
    CSVOUT_G9,     /* a double to 9 significant digits (%.9g): a log ratio others recompute from */
    CSVOUT_EXACT,  /* a double to 15 significant digits (%.15g): an exact count */
    CSVOUT_F3,     /* a double to 3 decimals (%.3f): a percentage */
} csvout_format;

typedef struct csvout_column {
    const char *name;     /* the header's word */
    csvout_format format;
    size_t offset;        /* of the field in the row struct: offsetof(row, field) */
} csvout_column;

/* A column of struct type's text field, and one of its double field in a format. */
#define CSVOUT_TEXT(type, field) {#field, CSVOUT_TEXT, offsetof(type, field)}
#define CSVOUT_NUMBER(type, field, format) {#field, format, offsetof(type, field)}

/* The n column names, comma-separated; no newline, so that a writer may add columns of its own. */
void csvout_header(FILE *f, const csvout_column *columns, size_t n);
/* The n fields of row, in the columns' formats; no newline. */
void csvout_row(FILE *f, const csvout_column *columns, size_t n, const void *row);

#endif /* IDIOM_CSVOUT_H */
