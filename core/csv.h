/* csv.h: reads the suite's own CSVs (a header line, comma-separated fields, no quoting) and TSVs,
 * and says exactly which file and line is wrong when one is not what it should be. */
#ifndef IDIOM_CSV_H
#define IDIOM_CSV_H

#include <stddef.h>

typedef struct csv_table {
    size_t n_columns;
    char **header;        /* n_columns names */
    size_t n_rows;
    char **cells;         /* n_rows * n_columns fields, row-major */
    size_t *line_numbers; /* the file line of each row, for error messages */
    char *text;           /* the file's contents, which header and cells point into */
} csv_table;

/* The whole text of path, NUL-terminated, for the caller to free; NULL with the reason in error. */
char *csv_read_file(const char *path, char *error, size_t error_size);
/* Load path, fields separated by separator (',' or '\t'). 0, or -1 with "path:line: what is
 * wrong" in error (also for a missing file). */
int csv_load(const char *path, char separator, csv_table *table, char *error, size_t error_size);
void csv_free(csv_table *table);
/* Index of the column called name, or -1. */
int csv_column(const csv_table *table, const char *name);
/* The field at row, column. */
const char *csv_cell(const csv_table *table, size_t row, size_t column);
/* Check that the named columns exist and that the numeric ones hold numbers in every row.
 * names is NULL-terminated; a name starting with '#' is numeric. 0, or -1 with the first error. */
int csv_require(const csv_table *table, const char *path, const char *const *names, char *error,
                size_t error_size);
/* The field at row in the column called name, or "" if there is no such column. */
const char *csv_field(const csv_table *table, size_t row, const char *name);
/* The first row whose column called name holds value, or -1 (also without such a column). */
long csv_find_row(const csv_table *table, const char *name, const char *value);
/* The field at row in the column called name as a number (inf too: a ratio over nothing); NaN where
 * the field is empty (a figure not measured), the column missing or the field not a number. */
double csv_field_number(const csv_table *table, size_t row, const char *name);
/* The field at row, column as a number; 0 if it is not one (csv_require has ruled that out). */
double csv_number(const csv_table *table, size_t row, size_t column);

#endif /* IDIOM_CSV_H */
