/* test_csv.c: the CSV reader takes good files and names file and line for bad ones. */
#include <stdarg.h>
#include <stddef.h>
#include <math.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

static const char *write_temp(const char *text) {
    static char path[64];
    snprintf(path, sizeof path, "/tmp/idiom_test_csv_XXXXXX");
    const int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    return path;
}

static void loads_rows_skipping_blank_lines(void **state) {
    (void)state;
    const char *path = write_temp("variant,x\r\nboxed,10\n\npacked,20\n");
    csv_table t;
    char error[256];
    assert_int_equal(csv_load(path, ',', &t, error, sizeof error), 0);
    assert_int_equal(t.n_rows, 2);
    assert_string_equal(csv_cell(&t, 1, 0), "packed");
    assert_int_equal(t.line_numbers[1], 4);
    assert_int_equal(csv_column(&t, "x"), 1);
    assert_int_equal(csv_column(&t, "nope"), -1);
    assert_float_equal(csv_number(&t, 1, 1), 20, 0);
    const char *const need[] = {"variant", "#x", NULL};
    assert_int_equal(csv_require(&t, path, need, error, sizeof error), 0);
    csv_free(&t);
    remove(path);
}

static void names_file_and_line_of_each_fault(void **state) {
    (void)state;
    csv_table t;
    char error[256], expected[128];
    const char *path = write_temp("variant,x\nboxed,10\nshort\n");
    assert_int_equal(csv_load(path, ',', &t, error, sizeof error), -1);
    snprintf(expected, sizeof expected, "%s:3: 1 fields, but the header has 2", path);
    assert_string_equal(error, expected);
    remove(path);

    path = write_temp("variant,x\nboxed,10\npacked,ten\n");
    assert_int_equal(csv_load(path, ',', &t, error, sizeof error), 0);
    const char *const need[] = {"variant", "#x", NULL}, *const missing[] = {"#ns_per_item", NULL};
    assert_int_equal(csv_require(&t, path, need, error, sizeof error), -1);
    snprintf(expected, sizeof expected, "%s:3: column 'x' holds 'ten', not a number", path);
    assert_string_equal(error, expected);
    assert_int_equal(csv_require(&t, path, missing, error, sizeof error), -1);
    assert_non_null(strstr(error, ":1: no column 'ns_per_item'"));
    csv_free(&t);
    remove(path);

    path = write_temp("");
    assert_int_equal(csv_load(path, ',', &t, error, sizeof error), -1);
    assert_non_null(strstr(error, ":1: empty file"));
    remove(path);
    assert_int_equal(csv_load("/nonexistent/x.csv", ',', &t, error, sizeof error), -1);
    assert_non_null(strstr(error, "/nonexistent/x.csv: cannot open"));
}

static void reads_tab_separated_prose(void **state) {
    (void)state;
    const char *path = write_temp("id\tfigure\na\t0.768 s, 0.012 s\n");
    csv_table t;
    char error[256];
    assert_int_equal(csv_load(path, '\t', &t, error, sizeof error), 0);
    assert_string_equal(csv_cell(&t, 0, 1), "0.768 s, 0.012 s");
    csv_free(&t);
    remove(path);
}

/* A figure read by name: a number, infinity kept, and NaN for an empty field, a word or no such column. */
static void reads_figures_by_name(void **state) {
    (void)state;
    const char *path = write_temp("claim,ratio,bound,word\na,1.5,inf,,\n");
    csv_table t;
    char error[256];
    assert_int_equal(csv_load(path, ',', &t, error, sizeof error), -1); /* five fields under four names */
    remove(path);
    path = write_temp("claim,ratio,bound,empty,word\na,1.5,inf,,fast\n");
    assert_int_equal(csv_load(path, ',', &t, error, sizeof error), 0);
    assert_float_equal(csv_field_number(&t, 0, "ratio"), 1.5, 0);
    assert_true(isinf(csv_field_number(&t, 0, "bound")));
    assert_true(isnan(csv_field_number(&t, 0, "empty")));
    assert_true(isnan(csv_field_number(&t, 0, "word")));
    assert_true(isnan(csv_field_number(&t, 0, "absent")));
    csv_free(&t);
    remove(path);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_figures_by_name),
        cmocka_unit_test(loads_rows_skipping_blank_lines),
        cmocka_unit_test(names_file_and_line_of_each_fault),
        cmocka_unit_test(reads_tab_separated_prose),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
