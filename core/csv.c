/* csv.c: see csv.h. */
#include "csv.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *csv_read_file(const char *path, char *error, size_t error_size) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        snprintf(error, error_size, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    size_t size = 0, capacity = 4096;
    char *text = malloc(capacity);
    for (size_t got; text != NULL && (got = fread(text + size, 1, capacity - size - 1, f)) > 0;) {
        size += got;
        if (capacity - size - 1 == 0) {
            char *grown = realloc(text, capacity * 2);
            if (grown == NULL) {
                free(text);
                text = NULL;
                break;
            }
            text = grown;
            capacity *= 2;
        }
    }
    const int failed = ferror(f) || text == NULL;
    fclose(f);
    if (failed) {
        free(text);
        snprintf(error, error_size, "%s: cannot read", path);
        return NULL;
    }
    text[size] = '\0';
    return text;
}

/* Split line in place at commas into fields (at most max); returns how many there were. */
static size_t split_fields(char *line, char separator, char **fields, size_t max) {
    size_t n = 0;
    for (char *field = line;; field++) {
        char *comma = strchr(field, separator);
        if (n < max) fields[n] = field;
        n++;
        if (comma == NULL) break;
        *comma = '\0';
        field = comma;
    }
    return n;
}

static size_t count_separators(const char *line, char separator) {
    size_t n = 0;
    for (; *line; line++) n += *line == separator;
    return n;
}

int csv_load(const char *path, char separator, csv_table *table, char *error, size_t error_size) {
    memset(table, 0, sizeof *table);
    char *text = csv_read_file(path, error, error_size);
    if (text == NULL) return -1;
    table->text = text;
    size_t n_lines = 0;
    for (const char *p = text; *p; p++) n_lines += *p == '\n';
    n_lines++;

    /* Walk the lines by hand, numbering them as an editor does; blank lines are skipped. */
    size_t line_number = 0;
    for (char *line = text, *next; line != NULL; line = next) {
        char *newline = strchr(line, '\n');
        next = newline ? newline + 1 : NULL;
        if (newline) *newline = '\0';
        line_number++;
        const size_t length = strlen(line);
        if (length > 0 && line[length - 1] == '\r') line[length - 1] = '\0';
        if (line[0] == '\0') continue;
        const size_t n = count_separators(line, separator) + 1;
        if (table->header == NULL) {
            table->n_columns = n;
            table->header = malloc(n * sizeof *table->header);
            table->cells = malloc(n_lines * n * sizeof *table->cells);
            table->line_numbers = malloc(n_lines * sizeof *table->line_numbers);
            if (table->header == NULL || table->cells == NULL || table->line_numbers == NULL) {
                snprintf(error, error_size, "%s: out of memory", path);
                csv_free(table);
                return -1;
            }
            split_fields(line, separator, table->header, n);
            continue;
        }
        if (n != table->n_columns) {
            snprintf(error, error_size, "%s:%zu: %zu fields, but the header has %zu", path, line_number, n,
                     table->n_columns);
            csv_free(table);
            return -1;
        }
        split_fields(line, separator, &table->cells[table->n_rows * table->n_columns], n);
        table->line_numbers[table->n_rows++] = line_number;
    }
    if (table->header == NULL) {
        snprintf(error, error_size, "%s:1: empty file, expected a header line", path);
        csv_free(table);
        return -1;
    }
    return 0;
}

void csv_free(csv_table *table) {
    free(table->header);
    free(table->cells);
    free(table->line_numbers);
    free(table->text);
    memset(table, 0, sizeof *table);
}

int csv_column(const csv_table *table, const char *name) {
    for (size_t i = 0; i < table->n_columns; i++)
        if (strcmp(table->header[i], name) == 0) return (int)i;
    return -1;
}

const char *csv_cell(const csv_table *table, size_t row, size_t column) {
    return table->cells[row * table->n_columns + column];
}

static int parse_number(const char *text, double *value) {
    char *end;
    errno = 0;
    *value = strtod(text, &end);
    return end != text && *end == '\0' && errno == 0 && isfinite(*value);
}

const char *csv_field(const csv_table *table, size_t row, const char *name) {
    const int column = csv_column(table, name);
    return column >= 0 ? csv_cell(table, row, (size_t)column) : "";
}

long csv_find_row(const csv_table *table, const char *name, const char *value) {
    const int column = csv_column(table, name);
    for (size_t row = 0; column >= 0 && row < table->n_rows; row++)
        if (strcmp(csv_cell(table, row, (size_t)column), value) == 0) return (long)row;
    return -1;
}

double csv_field_number(const csv_table *table, size_t row, const char *name) {
    const char *field = csv_field(table, row, name);
    char *end;
    const double value = strtod(field, &end);
    return end != field && *end == '\0' ? value : NAN; /* "inf" stays infinite: a side with nothing to divide by */
}

double csv_number(const csv_table *table, size_t row, size_t column) {
    double value;
    return parse_number(csv_cell(table, row, column), &value) ? value : 0.0;
}

int csv_require(const csv_table *table, const char *path, const char *const *names, char *error,
                size_t error_size) {
    for (size_t k = 0; names[k] != NULL; k++) {
        const int numeric = names[k][0] == '#';
        const char *name = names[k] + numeric;
        const int column = csv_column(table, name);
        if (column < 0) {
            snprintf(error, error_size, "%s:1: no column '%s' in the header", path, name);
            return -1;
        }
        for (size_t row = 0; numeric && row < table->n_rows; row++) {
            double value;
            if (!parse_number(csv_cell(table, row, (size_t)column), &value)) {
                snprintf(error, error_size, "%s:%zu: column '%s' holds '%s', not a number", path,
                         table->line_numbers[row], name, csv_cell(table, row, (size_t)column));
                return -1;
            }
        }
    }
    if (table->n_rows == 0) {
        snprintf(error, error_size, "%s:2: no data rows", path);
        return -1;
    }
    return 0;
}
