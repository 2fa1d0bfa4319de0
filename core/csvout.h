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
    CSVOUT_COUNT,  /* a size_t field (%zu) */
} csvout_format;

typedef struct csvout_column {
    const char *name;     /* the header's word */
    csvout_format format;
    size_t offset;        /* of the field in the row struct: offsetof(row, field) */
    int optional;         /* a double that is NaN (not measured) is written as an empty field, not "nan" */
} csvout_column;

/* A column of struct type's text field, one of its size_t field, one of its double field in a format,
 * and one of a double field that may be missing (NaN: an empty field). The column's name is the
 * field's. */
#define CSVOUT_TEXT(type, field) {#field, CSVOUT_TEXT, offsetof(type, field), 0}
#define CSVOUT_COUNT(type, field) {#field, CSVOUT_COUNT, offsetof(type, field), 0}
#define CSVOUT_NUMBER(type, field, format) {#field, format, offsetof(type, field), 0}
#define CSVOUT_OPTIONAL(type, field, format) {#field, format, offsetof(type, field), 1}
/* The number of columns of a table (an array). */
#define CSVOUT_N(table) (sizeof(table) / sizeof(table)[0])

/* The n column names, comma-separated; no newline, so that a writer may add columns of its own. */
void csvout_header(FILE *f, const csvout_column *columns, size_t n);
/* The n fields of row, in the columns' formats; no newline. */
void csvout_row(FILE *f, const csvout_column *columns, size_t n, const void *row);
/* Both, as whole lines: the header, if header is nonzero, else row. Returns nonzero if f has seen an
 * error. */
int csvout_line(FILE *f, const csvout_column *columns, size_t n, const void *row, int header);

#endif /* IDIOM_CSVOUT_H */
