/* test_why.c: a why-text's placeholders are filled with the run's figures (per x where asked, with
 * thousands separators, "not measured" where there is none), a malformed one is refused, and no
 * why-text of the claims states a number of its own: every figure in one is a counter of the run. */
#include <stdarg.h>
#include <stddef.h>
#include <dirent.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "why.h"

/* A fake run: calls 29860703 of naive_recursion at x 35; peak_bytes 8000008 of packed at x 1000000. */
static double lookup(const char *variant, const char *column, void *ctx) {
    (void)ctx;
    if (strcmp(variant, "naive_recursion") == 0) return strcmp(column, "calls") == 0 ? 29860703.0 : strcmp(column, "x") == 0 ? 35.0 : (double)NAN;
    if (strcmp(variant, "packed") == 0) return strcmp(column, "peak_bytes") == 0 ? 8000008.0 : strcmp(column, "x") == 0 ? 1e6 : (double)NAN;
    return NAN;
}

static void placeholders_are_filled(void **state) {
    (void)state;
    char out[256];
    assert_int_equal(why_expand("fib(n) makes {naive_recursion.calls} calls; {packed.peak_bytes/x} bytes each; "
                                "{nope.calls} here", lookup, NULL, out, sizeof out), 3);
    assert_string_equal(out, "fib(n) makes 29,860,703 calls; 8 bytes each; not measured here");
    assert_int_equal(why_expand("no figures", lookup, NULL, out, sizeof out), 0);
    assert_string_equal(out, "no figures");
    assert_int_equal(why_expand("broken {naive_recursion calls", lookup, NULL, out, sizeof out), -1);
    assert_int_equal(why_expand("broken {.calls}", lookup, NULL, out, sizeof out), -1);
    assert_int_equal(why_expand("a long text cut short", lookup, NULL, out, 7), 0);
    assert_string_equal(out, "a long");
}

static void bare_numbers_are_found(void **state) {
    (void)state;
    assert_true(why_has_bare_number("about 30 million calls"));
    assert_false(why_has_bare_number("{naive_recursion.calls} calls, when `x > 50` is a coin toss"));
    assert_true(why_has_bare_number("{a.b} and then 4 us"));
}

/* The why-texts of one claims file that state a figure of their own or a malformed placeholder. */
static int bad_why_texts(const char *path) {
    csv_table claims;
    char error[1024];
    if (csv_load(path, '\t', &claims, error, sizeof error) != 0) fail_msg("%s", error);
    const int why = csv_column(&claims, "why"), id = csv_column(&claims, "claim_id");
    assert_true(why >= 0 && id >= 0);
    int bad = 0;
    for (size_t r = 0; r < claims.n_rows; r++) {
        const char *text = csv_cell(&claims, r, (size_t)why);
        char out[4096];
        if (why_has_bare_number(text) || why_expand(text, lookup, NULL, out, sizeof out) < 0) {
            print_error("%s: %s\n", csv_cell(&claims, r, (size_t)id), text);
            bad++;
        }
    }
    csv_free(&claims);
    return bad;
}

/* Every why-text of every comparison's claims states its figures through placeholders. */
static void no_why_text_states_a_number_of_its_own(void **state) {
    (void)state;
    DIR *comparisons = opendir(IDIOM_SOURCE_DIR "/comparisons");
    assert_non_null(comparisons);
    int bad = 0, files = 0;
    for (const struct dirent *e; (e = readdir(comparisons)) != NULL;) {
        char path[4096];
        snprintf(path, sizeof path, "%s/comparisons/%s/claims.tsv", IDIOM_SOURCE_DIR, e->d_name);
        if (e->d_name[0] == '.' || access(path, R_OK) != 0) continue;
        bad += bad_why_texts(path);
        files++;
    }
    closedir(comparisons);
    assert_true(files > 0);
    assert_int_equal(bad, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(placeholders_are_filled),
        cmocka_unit_test(bare_numbers_are_found),
        cmocka_unit_test(no_why_text_states_a_number_of_its_own),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
