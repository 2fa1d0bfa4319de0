/* bench_main.c: main() of every bench executable: registers the file's comparison over its sweep,
 * runs it through Google Benchmark with repetitions and random interleaving, writes the results. */
#include "bench_internal.h"
#include "results.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BENCH_DEFAULT_SEED 20261121u /* the suite's founding date; any fixed value would do */

/* Repetitions and minimum time per repetition: a full run aims at CV under 2%, QUICK=1 at a whole
 * pipeline in under a minute. Flags given later on the command line (BENCH_ARGS) override these. */
static const char *const full_defaults[] = {
    "--benchmark_repetitions=5", "--benchmark_min_time=0.1", "--benchmark_enable_random_interleaving=true"};
static const char *const quick_defaults[] = {
    "--benchmark_repetitions=3", "--benchmark_min_time=0.005", "--benchmark_enable_random_interleaving=true"};

_Static_assert(BENCH_COUNT(full_defaults) == BENCH_COUNT(quick_defaults),
               "main() sizes Google Benchmark's argv for either list of defaults alike");

static uint64_t run_seed = BENCH_DEFAULT_SEED;

uint64_t bench_seed(void) { return run_seed; }

typedef struct options {
    const char *out_dir; /* --idiom_out=DIR: where the CSVs go; none when only listing or probing */
    int quick;           /* --idiom_quick: the reduced sweep and short defaults */
} options;

static int starts_with(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

/* Take our own --idiom_* flags out of argv; the rest is Google Benchmark's. Returns 0, or 2 after
 * naming a bad flag. */
static int parse_own_flags(int *argc, char **argv, options *opt) {
    int kept = 1;
    for (int i = 1; i < *argc; i++) {
        const char *arg = argv[i];
        if (starts_with(arg, "--idiom_out=")) {
            opt->out_dir = arg + strlen("--idiom_out=");
        } else if (strcmp(arg, "--idiom_quick") == 0) {
            opt->quick = 1;
        } else if (starts_with(arg, "--idiom_seed=")) {
            char *end;
            errno = 0;
            run_seed = strtoull(arg + strlen("--idiom_seed="), &end, 10);
            if (errno || *end != '\0' || end == arg + strlen("--idiom_seed=")) {
                fprintf(stderr, "error: --idiom_seed takes a non-negative whole number, not '%s'\n",
                        arg + strlen("--idiom_seed="));
                return 2;
            }
        } else if (starts_with(arg, "--idiom_")) {
            fprintf(stderr, "error: unknown flag %s (known: --idiom_out=DIR --idiom_quick --idiom_seed=N)\n", arg);
            return 2;
        } else {
            argv[kept++] = argv[i];
        }
    }
    *argc = kept;
    argv[kept] = NULL;
    return 0;
}

static int register_sweep(const bench_comparison *cmp, int quick, results *r) {
    const double *xs = quick ? cmp->quick_xs : cmp->xs;
    const size_t n_xs = quick ? cmp->n_quick_xs : cmp->n_xs;
    for (size_t v = 0; v < cmp->n_variants; v++) {
        const bench_variant *variant = &cmp->variants[v];
        for (size_t i = 0; i < n_xs; i++) {
            if (variant->max_x > 0 && xs[i] > variant->max_x) continue;
            const char *name = results_expect(r, v, xs[i]);
            if (name == NULL || bench__register(name, variant->run, variant->arg, xs[i]) != 0) return -1;
        }
    }
    return 0;
}

int main(int argc, char **argv) {
    const bench_comparison *cmp = &bench_this_comparison;
    options opt = {0};
    int status = parse_own_flags(&argc, argv, &opt);
    if (status != 0) return status;

    results *r = results_create(cmp, run_seed);
    if (r == NULL || register_sweep(cmp, opt.quick, r) != 0) {
        fprintf(stderr, "%s: out of memory registering benchmarks\n", cmp->name);
        return 1;
    }

    /* Google Benchmark's argv: program, our defaults, its JSON output, then the caller's flags. */
    const char *const *defaults = opt.quick ? quick_defaults : full_defaults;
    const size_t n_defaults = BENCH_COUNT(full_defaults);
    char json_out[4096], json_format[] = "--benchmark_out_format=json";
    char **gb_argv = calloc((size_t)argc + n_defaults + 3, sizeof *gb_argv);
    if (gb_argv == NULL) return 1;
    int gb_argc = 0;
    gb_argv[gb_argc++] = argv[0];
    for (size_t i = 0; i < n_defaults; i++) gb_argv[gb_argc++] = (char *)defaults[i];
    if (opt.out_dir) {
        snprintf(json_out, sizeof json_out, "--benchmark_out=%s/%s.json", opt.out_dir, cmp->name);
        gb_argv[gb_argc++] = json_out;
        gb_argv[gb_argc++] = json_format;
    }
    for (int i = 1; i < argc; i++) gb_argv[gb_argc++] = argv[i];

    status = bench__run(gb_argc, gb_argv, results_add, results_heartbeat, r);
    if (status == 0 && opt.out_dir && results_completed(r) > 0) {
        results_print_unstable(r, stderr);
        if (results_write(r, opt.out_dir) != 0) {
            fprintf(stderr, "%s: cannot write results into %s: %s\n", cmp->name, opt.out_dir, strerror(errno));
            status = 1;
        }
    }
    if (status == 0 && results_failures(r) > 0) {
        fprintf(stderr, "%s: %zu benchmark(s) FAILED their result check; no figures for them.\n",
                cmp->name, results_failures(r));
        status = 1;
    }
    results_destroy(r);
    free(gb_argv);
    return status;
}
