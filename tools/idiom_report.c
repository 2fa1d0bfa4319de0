/* idiom_report.c: writes results/REPORT.md, the page people cite: the verdicts at a glance, the
 * run's fingerprint and method, the A/A control and the harness calibration, the claims ledger
 * from summary.csv, then one section per comparison with its method, chart and key numbers. It
 * reads only files a run wrote, and knows comparisons only by what their facts files declare. It lays
 * out what the summary computed and judges nothing: the words of each claim are report_claim.c's, the
 * comparisons' sections report_sections.c's, the run's report_run.c's and the
 * robustness table's report_robustness.c's. */
#include "csv.h"
#include "idiom_config.h"
#include "jsonfile.h"
#include "options.h"
#include "report_robustness.h"
#include "report_claim.h"
#include "report_run.h"
#include "report_sections.h"
#include "verdict.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>





/* Which heading summary row i falls under (verdict_glance_of). */
static verdict_glance glance_of(const csv_table *s, size_t i) {
    return verdict_glance_of(csv_field(s, i, "verdict"), csv_field(s, i, "outcome"));
}


static void write_header(FILE *f, const report_inputs *in) {
    fprintf(f, "# idiombench report\n\n");
    fprintf(f, "Run `%s`, %s, commit `%s`%s, on `%s`.", report_env(in, "run_id"), report_env(in, "date_utc"), report_env(in, "commit"),
            strcmp(report_env(in, "dirty"), "true") == 0 ? " (with uncommitted changes)" : "", report_env(in, "host"));
    if (strcmp(report_env(in, "quick"), "true") == 0)
        fprintf(f, " **A QUICK run: reduced sweeps and short times, for checking the pipeline, not for citing.**");
    fprintf(f, "\n\n");
}


/* The articles' claims, each answered three ways: in CPython here, by the C model of what CPython
 * does underneath (mechanism) and by what a C programmer would write (idiomatic). A claim's
 * idiomatic row, where it differs from the mechanism row, is named <claim>.idiomatic. */
static void write_three_answers(FILE *f, const report_inputs *in) {
    const csv_table *s = &in->summary;
    static const char idiomatic_suffix[] = ".idiomatic";
    fprintf(f, "Each article claim answered three ways, as baseline / contender with its interval: in CPython "
               "here; in C that does what CPython does underneath (*mechanism*); and in C as a C programmer "
               "would write it (*idiomatic*). Where the two C models differ in verdict, the modelling choice "
               "decides the answer, and the claim's sentence in the ledger says which.\n\n"
               "| claim | CPython here | C, mechanism | C, idiomatic |\n|---|---|---|---|\n");
    for (size_t i = 0; i < s->n_rows; i++) {
        const char *id = csv_field(s, i, "claim_id"), *model = csv_field(s, i, "model");
        if (strcmp(csv_field(s, i, "kind"), "article") != 0) continue;
        const size_t len = strlen(id), suffix = sizeof idiomatic_suffix - 1;
        if (len > suffix && strcmp(id + len - suffix, idiomatic_suffix) == 0) continue; /* with its claim */
        char sibling_id[256], python[128], mechanism[128], idiomatic[128];
        snprintf(sibling_id, sizeof sibling_id, "%s%s", id, idiomatic_suffix);
        const long sibling = csv_find_row(s, "claim_id", sibling_id);
        cpython_answer_cell(in, i, python, sizeof python);
        answer_cell(s, strcmp(model, "mechanism") == 0 ? (long)i : -1, mechanism, sizeof mechanism);
        answer_cell(s, sibling >= 0 ? sibling : strcmp(model, "idiomatic") == 0 ? (long)i : -1, idiomatic, sizeof idiomatic);
        fprintf(f, "| `%s` | %s | %s | %s |\n", id, python, mechanism, idiomatic);
    }
    fprintf(f, "\n");
}

/* Article 002's "compiling Python brings massive speed gains" across the comparisons: the claims
 * on metric cpython_over_c (CPython here's time per item over C here's for the same work), their
 * geometric mean and their range. */
static void write_compiled_summary(FILE *f, const csv_table *s) {
    size_t n = 0, lowest = 0, highest = 0;
    double log_sum = 0;
    for (size_t i = 0; i < s->n_rows; i++) {
        const double ratio = atof(csv_field(s, i, "ratio"));
        if (strcmp(csv_field(s, i, "metric"), "cpython_over_c") != 0 || !(ratio > 0)) continue;
        if (n == 0 || ratio < atof(csv_field(s, lowest, "ratio"))) lowest = i;
        if (n == 0 || ratio > atof(csv_field(s, highest, "ratio"))) highest = i;
        log_sum += log(ratio);
        n++;
    }
    if (n == 0) return;
    fprintf(f, "**Compiled against interpreted** (002 \"Cython and Numba\": compiling Python brings massive speed "
               "gains): over the %zu comparisons where CPython here and C here time the same work, C runs it %.3gx "
               "faster than CPython (the geometric mean of the `cpython_over_c` rows), from %.3gx (`%s`) to %.3gx "
               "(`%s`). C here is the mechanism model: the same objects and calls without the interpreter, as "
               "compiled Python that keeps its objects would run.\n\n",
            n, exp(log_sum / (double)n), atof(csv_field(s, lowest, "ratio")), csv_field(s, lowest, "claim_id"),
            atof(csv_field(s, highest, "ratio")), csv_field(s, highest, "claim_id"));
}

static void write_glance(FILE *f, const report_inputs *in) {
    const csv_table *s = &in->summary;
    size_t counts[GLANCE_N] = {0};
    for (size_t i = 0; i < s->n_rows; i++) counts[glance_of(s, i)]++;
    fprintf(f, "## Verdicts at a glance\n\nOf %zu claims: **%zu %s**, **%zu %s** (a difference the other way), "
               "**%zu %s**, **%zu %s** and **%zu %s** (measured, but the claim is about something this C does not "
               "have).\n\n", s->n_rows, counts[GLANCE_AGREES], verdict_glance_words(GLANCE_AGREES),
            counts[GLANCE_DISAGREES], verdict_glance_words(GLANCE_DISAGREES), counts[GLANCE_NO_DIFFERENCE],
            verdict_glance_words(GLANCE_NO_DIFFERENCE), counts[GLANCE_INCONCLUSIVE], verdict_glance_words(GLANCE_INCONCLUSIVE),
            counts[GLANCE_NOT_APPLICABLE], verdict_glance_words(GLANCE_NOT_APPLICABLE));
    size_t parted = 0;
    for (size_t i = 0; i < s->n_rows; i++) {
        if (strcmp(csv_field(s, i, "verdict"), "disagrees") != 0 || strcmp(csv_field(s, i, "kind"), "article") != 0) continue;
        const long c = claim_row(in, csv_field(s, i, "claim_id"));
        char figure[512];
        figure_text(s, i, figure, sizeof figure);
        if (parted++ == 0)
            fprintf(f, "Where C and the articles part ways (the articles' own claims among the %zu that disagree; the "
                       "suite's own are in the ledger):\n\n",
                    counts[GLANCE_DISAGREES]);
        fprintf(f, "- **%s**: the article says %s; in C, %s.\n", csv_field(s, i, "claim_id"),
                c >= 0 ? csv_field(&in->claims, (size_t)c, "article_figure") : "", figure);
    }
    if (parted == 0) fprintf(f, "No article claim is contradicted by this run.\n");
    size_t measured, robust;
    report_robustness_counts(in->dir, &measured, &robust);
    if (measured > 0)
        fprintf(f, "\nRobust: **%zu of %zu** claims keep their verdict under every allocator, compiler and layout "
                   "`make robustness` tried (see \"How robust is each verdict?\").\n", robust, measured);
    fprintf(f, "\n");
    write_three_answers(f, in);
    write_compiled_summary(f, s);
}

static void write_method(FILE *f, const report_inputs *in) {
    fprintf(f, "## Method\n\n");
    fprintf(f, "A timing claim is measured in pairs: its baseline and contender are set up once, each checked "
               "against its reference, then timed in alternating slices of a fixed iteration count (about %.0f ms "
               "each, in ABBA or BAAB order from a random start), so that the machine's drift lands on both sides "
               "of every round alike. Each round gives a log ratio. The pairs run in passes, one process per "
               "comparison per pass, the comparisons and the pairs in a shuffled order in each: every pair gets at "
               "least %d processes; then only the pairs not yet sure get more, up to %d, while the pairs' budget of "
               "%d s lasts. A timing claim is sure once its interval is within %d%% of its ratio; a crossover's or a "
               "chart's pair once its interval lies on one side of 1. Each process's median log ratio is one sample "
               "(Kalibera and Jones's two-level model): the claim's ratio is their mean, and its %.0f%% interval "
               "Student's t interval of that mean over the processes, so it covers the spread within a process's "
               "rounds and the spread between processes (a heap layout, a neighbour's load), and narrows only as "
               "processes are added. "
               "A claim whose interval lies wholly beyond %.2f on one side is a difference; wholly within "
               "[1/%.2f, %.2f] it is *no difference* (which disagrees with an article that claims one); an "
               "interval that straddles the floor is *inconclusive*. A crossover is stated where the paired "
               "intervals on both sides of it exclude 1, else as a range of x. Memory claims come from the "
               "counting allocator, whose figures repeat exactly. The charts' sweeps are Google Benchmark's: "
               "up to %d repetitions per point in random interleaved order (at least %d where one iteration is long); "
               "a point is their median, its bar the "
               "%.0f%% sign-test interval of that median. Beside each timing claim's time ratio stands an instruction "
               "ratio: each side's instructions per item over the timed region alone, counted by valgrind's callgrind "
               "at the claim's x (one iteration, setup uncounted; instructions: %s). A count repeats exactly for the "
               "same build; where it and the time ratio part, the time went to memory, the kernel or waiting. "
               "Debian's Google Benchmark is built without NDEBUG (its assertions are on); no figure here rests on "
               "its loop, since every timed loop is idiombench's own batch loop, and the harness's calibration "
               "(below) measures what Google Benchmark's loop adds.\n\n",
            1000 * IDIOM_SLICE_SECONDS, IDIOM_MIN_PROCESSES, IDIOM_MAX_PROCESSES, IDIOM_PAIRS_BUDGET,
            IDIOM_SURE_HALF_WIDTH_PCT, IDIOM_CONFIDENCE_PCT, IDIOM_NOISE_FLOOR, IDIOM_NOISE_FLOOR, IDIOM_NOISE_FLOOR,
            IDIOM_SWEEP_REPETITIONS, IDIOM_SWEEP_MIN_REPETITIONS, IDIOM_CONFIDENCE_PCT, report_env(in, "instruction_counts"));
    fprintf(f, "| | |\n|---|---|\n");
    fprintf(f, "| Machine | %s, %s cores; caches %s |\n", report_env(in, "cpu_model"), report_env(in, "cores"), report_env(in, "caches"));
    fprintf(f, "| State | load average %s; frequency governor: %s; transparent huge pages: %s; DAMON: %s; %s; "
               "clock source %s (available: %s) |\n",
            report_env(in, "load_average"), report_env(in, "frequency_governor"), report_env(in, "transparent_hugepages"),
            report_env(in, "damon_monitor"), report_env(in, "kernel"), report_env(in, "clocksource"), report_env(in, "clocksources_available"));
    fprintf(f, "| Build | %s, `%s` (%s); C++ wrapper `%s` |\n", report_env(in, "c_compiler"), report_env(in, "c_flags"),
            report_env(in, "build_type"), report_env(in, "cxx_flags"));
    fprintf(f, "| Libraries | Google Benchmark %s; uthash %s; cJSON %s; glibc %s (malloc's mmap threshold fixed at %s "
               "bytes, trim threshold at %s); %s |\n", report_env(in, "google_benchmark"), report_env(in, "uthash"), report_env(in, "cjson"),
            report_env(in, "glibc"), report_env(in, "malloc_mmap_threshold"), report_env(in, "malloc_trim_threshold"), report_env(in, "gnuplot"));
    fprintf(f, "| CPython side | %s |\n", report_env(in, "cpython"));
    fprintf(f, "| Inputs | SplitMix64, seed %s; extra flags: `%s` |\n", report_env(in, "seed"),
            strlen(report_env(in, "bench_args")) ? report_env(in, "bench_args") : "none");
    report_run_fingerprint(f, in->environment);
}

/* The claims that check the suite itself: what "no difference" measures like today. */
static void write_controls(FILE *f, const report_inputs *in) {
    const csv_table *s = &in->summary;
    for (size_t i = 0; i < s->n_rows; i++) {
        if (strcmp(csv_field(s, i, "kind"), "control") != 0) continue;
        char figure[512], by[128];
        figure_text(s, i, figure, sizeof figure);
        measured_by(s, i, by, sizeof by);
        char why[2048];
        claim_sweep sweep = claim_sweep_load(in, i);
        why_text(in, i, &sweep, why, sizeof why);
        claim_sweep_free(&sweep);
        fprintf(f, "## Control: %s\n\n%s Measured: %s, from %s: **%s**. A control that does not read *no difference* means "
                   "the suite would see differences where there are none today; read every verdict with that in "
                   "mind.\n\n", csv_field(s, i, "claim_id"), why, figure, by,
                strcmp(csv_field(s, i, "outcome"), "no_difference") == 0 ? "no difference, as it should" : "NOT no difference");
    }
}

static void write_ledger(FILE *f, const report_inputs *in) {
    const csv_table *s = &in->summary;
    fprintf(f, "## Claims ledger\n\n");
    if (s->n_rows == 0) {
        fprintf(f, "No claim's comparison was measured in this run.\n\n");
        return;
    }
    fprintf(f, "Three columns side by side: the article's figure, the article's own setup re-run in CPython on this "
               "machine in this run (*CPython here*: %s), and the C analogue (*C here*). The machine, the interpreter's "
               "version and the language all differ between them, and no run here varies one at a time: the report "
               "gives the gaps as factors and attributes only what it measured (the profiler's share, where the "
               "CPython side ran the article's profiler too).\n\n",
            report_env(in, "cpython"));
    fprintf(f, "| claim | article | article's figure | CPython here | C here | measured by | instruction ratio (per item) | verdict |\n"
               "|---|---|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < s->n_rows; i++) {
        const long c = claim_row(in, csv_field(s, i, "claim_id"));
        char figure[512], by[128], instr[128], python[512];
        figure_text(s, i, figure, sizeof figure);
        measured_by(s, i, by, sizeof by);
        instr_cell(s, i, instr, sizeof instr);
        cpython_cell(in, i, python, sizeof python);
        fprintf(f, "| `%s` | %s | %s | %s | %s%s%s%s | %s | %s | **%s**", csv_field(s, i, "claim_id"),
                c >= 0 ? csv_field(&in->claims, (size_t)c, "article") : "",
                c >= 0 ? csv_field(&in->claims, (size_t)c, "article_figure") : "", python, figure,
                *csv_field(s, i, "model") ? " (" : "", csv_field(s, i, "model"), *csv_field(s, i, "model") ? " model)" : "",
                by, instr, csv_field(s, i, "verdict"));
        if (*csv_field(s, i, "note")) fprintf(f, "; %s", csv_field(s, i, "note"));
        fprintf(f, " |\n");
    }
    fprintf(f, "\nEach claim in one sentence, ready to paste:\n\n");
    for (size_t i = 0; i < s->n_rows; i++) {
        const char *verdict = csv_field(s, i, "verdict");
        char figure[512], by[128];
        figure_text(s, i, figure, sizeof figure);
        measured_by(s, i, by, sizeof by);
        fprintf(f, "- **%s**: %s, from %s; the claim %s%s%s%s", csv_field(s, i, "claim_id"), figure, by,
                strcmp(verdict, "agrees") == 0           ? "holds in C"
                : strcmp(verdict, "disagrees") == 0      ? "does not hold in C"
                : strcmp(verdict, "not_applicable") == 0 ? "does not apply to this C"
                                                    : "is neither confirmed nor refuted here",
                *csv_field(s, i, "model") ? " (the " : "", csv_field(s, i, "model"), *csv_field(s, i, "model") ? " model)" : "");
        if (*csv_field(s, i, "note")) fprintf(f, " (%s)", csv_field(s, i, "note"));
        fprintf(f, ".");
        char grade[512];
        const int article_claim = strcmp(csv_field(s, i, "kind"), "article") == 0;
        if (article_claim) {
            grade_text(in, i, "ratio", "C", grade, sizeof grade);
            fprintf(f, " %s", grade);
        }
        if (article_claim && *csv_field(s, i, "python_ratio")) {
            grade_text(in, i, "python_ratio", "CPython here", grade, sizeof grade);
            fprintf(f, " %s", grade);
        }
        claim_sweep sweep = claim_sweep_load(in, i); /* what the why-text, range and diagnosis quote */
        char why[2048];
        why_text(in, i, &sweep, why, sizeof why);
        if (*why) fprintf(f, " %s", why);
        char range[512];
        sweep_range_text(s, i, range, sizeof range);
        fprintf(f, "%s", range);
        sweep_agreement_text(s, i, range, sizeof range);
        fprintf(f, "%s", range);
        char witness[2048], loads[512], gaps[1024];
        witness_text(in, i, &sweep, witness, sizeof witness);
        claim_sweep_free(&sweep);
        loads_text(s, i, loads, sizeof loads);
        cpython_gaps(s, i, gaps, sizeof gaps);
        fprintf(f, "%s%s%s\n", gaps, witness, loads);
    }
    fprintf(f, "\n");
}

int main(int argc, char **argv) {
    report_inputs in = {0};
    const char *claims_path = NULL;
    const option_spec specs[] = {{"results", "DIR", &in.dir, 1}, {"claims", "CLAIMS.tsv", &claims_path, 1},
                                 {"plots-link", "LINK", &in.plots_link, 1}};
    options_parse(argc, argv, specs, sizeof specs / sizeof specs[0],
                  "DIR/REPORT.md from the run's summary and results; charts linked as LINK/<comparison>.svg.", "", 0);
    char path[4096], error[1024];
    snprintf(path, sizeof path, "%s/environment.json", in.dir);
    in.environment = jsonfile_load(path, error, sizeof error);
    snprintf(path, sizeof path, "%s/summary.csv", in.dir);
    if (csv_load(claims_path, '\t', &in.claims, error, sizeof error) != 0 ||
        csv_load(path, ',', &in.summary, error, sizeof error) != 0) {
        fprintf(stderr, "idiom_report: %s\n", error);
        return 1;
    }
    snprintf(path, sizeof path, "%s/python.csv", in.dir);
    if (csv_load(path, ',', &in.python, error, sizeof error) != 0) in.python = (csv_table){0}; /* older results */
    snprintf(path, sizeof path, "%s/REPORT.md", in.dir);
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        perror(path);
        return 1;
    }
    write_header(f, &in);
    write_glance(f, &in);
    write_method(f, &in);
    write_controls(f, &in);
    report_run_spread(f, &in.summary);
    const report_place place = {in.dir, in.plots_link};
    report_sections(f, &place, 1);
    write_ledger(f, &in);
    report_robustness(f, in.dir, in.plots_link);
    report_sections(f, &place, 0);
    cJSON_Delete(in.environment);
    csv_free(&in.claims);
    csv_free(&in.summary);
    csv_free(&in.python);
    return fclose(f) == 0 ? 0 : 1;
}
