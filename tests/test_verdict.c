/* test_verdict.c: the ledger's rules on hand-made numbers: paired intervals over rounds and
 * processes, which side an interval favours, the verdict word, and where a crossover lies. */
#include "verdict.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#define FLOOR 1.02

/* 4 processes x 7 rounds of log ratios around log(2): rounds 0.001 apart within a process, process
 * medians offset by -0.03, -0.01, 0.01 and 0.03; their estimate. */
static paired_estimate four_processes(double *logs, unsigned *process) {
    static const double offset[] = {-0.03, -0.01, 0.01, 0.03};
    for (int i = 0; i < 28; i++) {
        process[i] = (unsigned)(i / 7 + 1);
        logs[i] = log(2.0) + 0.001 * (i % 7 - 3) + offset[i / 7];
    }
    paired_estimate e;
    assert_int_equal(verdict_paired(logs, process, 28, 0.95, &e), 0);
    return e;
}

static void paired_interval_is_students_t_over_the_processes_medians(void **state) {
    (void)state;
    double logs[28];
    unsigned process[28];
    const paired_estimate e = four_processes(logs, process);
    assert_int_equal(e.rounds, 28);
    assert_int_equal(e.processes, 4);
    assert_int_equal(e.below_level, 0);
    assert_float_equal(e.ratio, 2.0, 1e-12); /* the mean of the medians */
    /* medians' standard deviation: sqrt((0.03^2 + 0.01^2) * 2 / 3); t(0.975, 3 df) = 3.182446 */
    const double half = 3.182446 * sqrt((0.0009 + 0.0001) * 2 / 3) / 2;
    assert_float_equal(log(e.hi / 2.0), half, 1e-6);
    assert_float_equal(log(2.0 / e.lo), half, 1e-6);
    assert_float_equal(verdict_half_width(e.lo, e.hi), exp(half) - 1, 1e-6);
}

static void paired_spread_splits_into_rounds_and_processes(void **state) {
    (void)state;
    double logs[28];
    unsigned process[28];
    paired_estimate e = four_processes(logs, process);
    /* within a process: MAD 0.002 over rounds -3..3 thousandths; between: nearly all of the medians' spread */
    assert_float_equal(e.sd_rounds, 1.4826 * 0.002, 1e-9);
    assert_true(e.sd_processes > 0.02 && e.sd_processes < 0.026);
    /* the same rounds with no offsets: no spread between processes */
    for (int i = 0; i < 28; i++) logs[i] = log(2.0) + 0.001 * (i % 7 - 3);
    assert_int_equal(verdict_paired(logs, process, 28, 0.95, &e), 0);
    assert_float_equal(e.sd_processes, 0, 1e-12);
    assert_float_equal(e.lo, 2.0, 1e-12);
    assert_float_equal(e.hi, 2.0, 1e-12);
}

static void more_processes_narrow_the_interval(void **state) {
    (void)state;
    /* the same two process medians, 0.02 apart, repeated in 2 and in 8 processes */
    double logs[8];
    unsigned process[8];
    paired_estimate two, eight;
    for (int i = 0; i < 8; i++) {
        process[i] = (unsigned)i + 1;
        logs[i] = i % 2 ? 0.01 : -0.01;
    }
    assert_int_equal(verdict_paired(logs, process, 2, 0.95, &two), 0);
    assert_int_equal(verdict_paired(logs, process, 8, 0.95, &eight), 0);
    assert_true(verdict_half_width(eight.lo, eight.hi) < verdict_half_width(two.lo, two.hi) / 10);
}

static void paired_interval_of_too_few_rounds_is_their_range(void **state) {
    (void)state;
    const double logs[] = {0.1, 0.2, 0.3};
    const unsigned process[] = {1, 1, 1};
    paired_estimate e;
    assert_int_equal(verdict_paired(logs, process, 3, 0.95, &e), 0);
    assert_int_equal(e.below_level, 1);
    assert_float_equal(e.lo, exp(0.1), 1e-12);
    assert_float_equal(e.hi, exp(0.3), 1e-12);
    assert_int_equal(verdict_paired(logs, process, 0, 0.95, &e), -1);
}

static void outcome_follows_the_interval_and_floor(void **state) {
    (void)state;
    assert_int_equal(verdict_outcome_of(1.10, 1.30, FLOOR), OUTCOME_CONTENDER);
    assert_int_equal(verdict_outcome_of(0.70, 0.90, FLOOR), OUTCOME_BASELINE);
    assert_int_equal(verdict_outcome_of(0.99, 1.01, FLOOR), OUTCOME_NO_DIFFERENCE);
    assert_int_equal(verdict_outcome_of(1.01, 1.05, FLOOR), OUTCOME_UNDECIDED); /* straddles the floor */
    assert_int_equal(verdict_outcome_of(0.90, 1.10, FLOOR), OUTCOME_UNDECIDED);
    assert_int_equal(verdict_outcome_of(NAN, NAN, FLOOR), OUTCOME_UNDECIDED);
    /* A side that allocates nothing: an exact, unbounded ratio. */
    assert_int_equal(verdict_outcome_of(INFINITY, INFINITY, FLOOR), OUTCOME_CONTENDER);
    assert_string_equal(verdict_outcome_name(OUTCOME_NO_DIFFERENCE), "no_difference");
}

static void verdict_word_against_what_the_article_favours(void **state) {
    (void)state;
    assert_string_equal(verdict_word(OUTCOME_CONTENDER, "contender"), "agrees");
    assert_string_equal(verdict_word(OUTCOME_BASELINE, "contender"), "disagrees");
    assert_string_equal(verdict_word(OUTCOME_NO_DIFFERENCE, "contender"), "disagrees");
    assert_string_equal(verdict_word(OUTCOME_UNDECIDED, "contender"), "inconclusive");
    assert_string_equal(verdict_word(OUTCOME_BASELINE, "baseline"), "agrees");
    assert_string_equal(verdict_word(OUTCOME_NO_DIFFERENCE, "neither"), "agrees");
    assert_string_equal(verdict_word(OUTCOME_CONTENDER, "neither"), "disagrees");
}

static void crossover_at_a_point_in_a_range_and_never(void **state) {
    (void)state;
    const double xs[] = {4, 8, 16, 32, 64};
    const verdict_outcome at[] = {OUTCOME_BASELINE, OUTCOME_BASELINE, OUTCOME_CONTENDER, OUTCOME_CONTENDER,
                                  OUTCOME_CONTENDER};
    crossover c = verdict_crossover(xs, at, 5);
    assert_int_equal(c.kind, CROSSOVER_AT);
    assert_float_equal(c.x_lo, 8, 0);
    assert_float_equal(c.x_hi, 16, 0);
    assert_int_equal(c.at, 2);
    assert_string_equal(verdict_crossover_word(c.kind), "agrees");

    const verdict_outcome range[] = {OUTCOME_BASELINE, OUTCOME_UNDECIDED, OUTCOME_UNDECIDED, OUTCOME_CONTENDER,
                                     OUTCOME_CONTENDER};
    c = verdict_crossover(xs, range, 5);
    assert_int_equal(c.kind, CROSSOVER_RANGE);
    assert_float_equal(c.x_lo, 4, 0);
    assert_float_equal(c.x_hi, 32, 0);

    const verdict_outcome everywhere[] = {OUTCOME_UNDECIDED, OUTCOME_CONTENDER, OUTCOME_CONTENDER,
                                          OUTCOME_CONTENDER, OUTCOME_CONTENDER};
    c = verdict_crossover(xs, everywhere, 5);
    assert_int_equal(c.kind, CROSSOVER_AT_OR_BELOW);
    assert_float_equal(c.x_hi, 8, 0);
    assert_true(isnan(c.x_lo));

    /* A win in the middle does not count when the baseline wins at the top. */
    const verdict_outcome never[] = {OUTCOME_BASELINE, OUTCOME_CONTENDER, OUTCOME_CONTENDER, OUTCOME_CONTENDER,
                                     OUTCOME_BASELINE};
    c = verdict_crossover(xs, never, 5);
    assert_int_equal(c.kind, CROSSOVER_NEVER);
    assert_string_equal(verdict_crossover_word(c.kind), "disagrees");

    const verdict_outcome open_top[] = {OUTCOME_BASELINE, OUTCOME_CONTENDER, OUTCOME_CONTENDER, OUTCOME_CONTENDER,
                                        OUTCOME_UNDECIDED};
    c = verdict_crossover(xs, open_top, 5);
    assert_int_equal(c.kind, CROSSOVER_UNDECIDED);
    assert_string_equal(verdict_crossover_word(c.kind), "inconclusive");
}

static void side_of_one_asks_only_who_wins(void **state) {
    (void)state;
    assert_int_equal(verdict_side_of_one(1.005, 1.01), OUTCOME_CONTENDER); /* within the floor, still a win */
    assert_int_equal(verdict_side_of_one(0.5, 0.99), OUTCOME_BASELINE);
    assert_int_equal(verdict_side_of_one(0.99, 1.01), OUTCOME_UNDECIDED);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paired_interval_is_students_t_over_the_processes_medians),
        cmocka_unit_test(paired_spread_splits_into_rounds_and_processes),
        cmocka_unit_test(more_processes_narrow_the_interval),
        cmocka_unit_test(paired_interval_of_too_few_rounds_is_their_range),
        cmocka_unit_test(outcome_follows_the_interval_and_floor),
        cmocka_unit_test(verdict_word_against_what_the_article_favours),
        cmocka_unit_test(crossover_at_a_point_in_a_range_and_never),
        cmocka_unit_test(side_of_one_asks_only_who_wins),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
