/* test_csvout.c: a CSV's header and rows from one table (core/csvout.c), each format as the table
 * says; and the sweep CSV's contract, whose column list for csv_require comes from that same table. */
#include "contract.h"
#include "csvout.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

typedef struct toy_row {
    const char *name;
    double whole, g4, g6, g9, exact, f3;
} toy_row;
static const csvout_column toy_table[] = {
    CSVOUT_TEXT(toy_row, name), CSVOUT_NUMBER(toy_row, whole, CSVOUT_WHOLE), CSVOUT_NUMBER(toy_row, g4, CSVOUT_G4),
    CSVOUT_NUMBER(toy_row, g6, CSVOUT_G6), CSVOUT_NUMBER(toy_row, g9, CSVOUT_G9),
    CSVOUT_NUMBER(toy_row, exact, CSVOUT_EXACT), CSVOUT_NUMBER(toy_row, f3, CSVOUT_F3),
};

/* What writing does, into a string. */
static void written(char *out, size_t size, const toy_row *row) {
    FILE *f = fmemopen(out, size, "w");
    assert_non_null(f);
    csvout_header(f, toy_table, sizeof toy_table / sizeof toy_table[0]);
    fputc('\n', f);
    csvout_row(f, toy_table, sizeof toy_table / sizeof toy_table[0], row);
    fclose(f);
}

static void header_and_row_from_one_table(void **state) {
    (void)state;
    char out[256];
    const toy_row row = {"a", 2.5, 3.14159265, 3.14159265, 3.14159265, 1234567890123.0, 1.23456};
    written(out, sizeof out, &row);
    assert_string_equal(out, "name,whole,g4,g6,g9,exact,f3\na,2,3.142,3.14159,3.14159265,1234567890123,1.235");
}

typedef struct sparse_row {
    const char *name;
    size_t count;
    double measured, missing;
} sparse_row;
static const csvout_column sparse_table[] = {
    CSVOUT_TEXT(sparse_row, name), CSVOUT_COUNT(sparse_row, count),
    CSVOUT_OPTIONAL(sparse_row, measured, CSVOUT_G6), CSVOUT_OPTIONAL(sparse_row, missing, CSVOUT_G6),
};

static void counts_and_missing_figures(void **state) {
    (void)state;
    char out[256];
    FILE *f = fmemopen(out, sizeof out, "w");
    assert_non_null(f);
    const sparse_row row = {"b", 12345678901u, 0.5, NAN};
    assert_int_equal(csvout_line(f, sparse_table, CSVOUT_N(sparse_table), NULL, 1), 0);
    assert_int_equal(csvout_line(f, sparse_table, CSVOUT_N(sparse_table), &row, 0), 0);
    fclose(f);
    /* a missing figure is an empty field, where a plain number column would write nan */
    assert_string_equal(out, "name,count,measured,missing\nb,12345678901,0.5,\n");
}

static void the_contract_names_its_numeric_columns_for_the_check(void **state) {
    (void)state;
    const char *const *columns = contract_columns();
    size_t n = 0;
    while (columns[n] != NULL) n++;
    assert_int_equal(n, contract_n_columns);
    assert_string_equal(columns[0], "comparison");
    assert_string_equal(columns[3], "#x"); /* written as text, a number all the same */
    assert_string_equal(columns[5], "#ns_per_item");
    for (size_t k = 0; k < n; k++) assert_string_equal(columns[k] + (columns[k][0] == '#'), contract_table[k].name);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(header_and_row_from_one_table),
        cmocka_unit_test(counts_and_missing_figures),
        cmocka_unit_test(the_contract_names_its_numeric_columns_for_the_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
