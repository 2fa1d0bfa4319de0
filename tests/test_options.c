/* test_options.c: the tools' one argument style (core/options.c): flags in any order, operands
 * after them, --help, and an exit of 2 for an unknown flag, a flag without its value, a required
 * flag left out and too few operands. */
#include "options.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

static const char *results, *out;

static int parse(int argc, char **argv) {
    results = out = NULL;
    const option_spec specs[] = {{"results", "DIR", &results, 1}, {"out", "FILE", &out, 0}};
    return options_parse(argc, argv, specs, 2, "A tool for the test.", "NAME...", 1);
}

/* The exit status of parse(argv) in a child, its output thrown away; -1 if it returned. */
static int exit_status(int argc, char **argv) {
    const pid_t pid = fork();
    if (pid == 0) {
        if (freopen("/dev/null", "w", stdout) == NULL || freopen("/dev/null", "w", stderr) == NULL) _exit(99);
        parse(argc, argv);
        _exit(100); /* returned: no exit */
    }
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) != 100 ? WEXITSTATUS(status) : -1;
}

static void flags_in_any_order_then_operands(void **state) {
    (void)state;
    char *argv[] = {"tool", "a", "--out", "o.csv", "--results", "r", "b", NULL};
    const int first = parse(7, argv);
    assert_string_equal(results, "r");
    assert_string_equal(out, "o.csv");
    assert_int_equal(7 - first, 2); /* the operands a and b, moved after the flags */
    assert_string_equal(argv[first], "a");
    assert_string_equal(argv[first + 1], "b");
}

static void an_optional_flag_may_be_left_out_and_a_value_may_look_like_a_flag(void **state) {
    (void)state;
    char *argv[] = {"tool", "--results=--odd", "n", NULL};
    assert_int_equal(parse(3, argv), 2);
    assert_string_equal(results, "--odd");
    assert_null(out);
}

static void help_exits_0_and_every_mistake_exits_2(void **state) {
    (void)state;
    char *help[] = {"tool", "--help", NULL};
    char *unknown[] = {"tool", "--results", "r", "--bogus", "x", "n", NULL};
    char *no_value[] = {"tool", "n", "--results", NULL};
    char *missing[] = {"tool", "--out", "o", "n", NULL};
    char *no_operand[] = {"tool", "--results", "r", NULL};
    assert_int_equal(exit_status(2, help), 0);
    assert_int_equal(exit_status(6, unknown), 2);
    assert_int_equal(exit_status(3, no_value), 2);
    assert_int_equal(exit_status(4, missing), 2);
    assert_int_equal(exit_status(3, no_operand), 2);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(flags_in_any_order_then_operands),
        cmocka_unit_test(an_optional_flag_may_be_left_out_and_a_value_may_look_like_a_flag),
        cmocka_unit_test(help_exits_0_and_every_mistake_exits_2),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
