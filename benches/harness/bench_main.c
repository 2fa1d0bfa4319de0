/* bench_main.c: main() of every bench executable. By default it sweeps the file's comparison
 * through Google Benchmark (repetitions in random interleaved order) and writes its CSVs, JSON and
 * facts; with --idiom_pairs it measures the plan's pairs of variants in alternating slices instead,
 * and with --idiom_count it counts their timed regions' instructions under callgrind. */
#define _GNU_SOURCE /* dladdr and RTLD_DEFAULT, for --idiom_allocator */
#include "bench_internal.h"
#include "counted.h"
#include "facts.h"
#include "idiom_config.h"
#include "pairs.h"
#include "results.h"
#include "sweep.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t run_seed = IDIOM_DEFAULT_SEED;

uint64_t bench_seed(void) { return run_seed; }

static int quick_run; /* --idiom_quick */
int bench_quick(void) { return quick_run; }

typedef struct options {
    const char *out_dir;   /* --idiom_out=DIR: where results go; none when only listing or probing */
    int quick;             /* --idiom_quick: the reduced sweep and short defaults */
    const char *plan;      /* --idiom_pairs=PLAN.tsv: measure pairs instead of sweeping */
    unsigned long process; /* --idiom_process=P: which replicate of the pairs this process is */
    int names;             /* --idiom_names: print the comparison's, variants' and workloads' names */
    int sweep_xs;          /* --idiom_xs: print every x of the full and QUICK sweeps */
    const char *count;     /* --idiom_count=PLAN.tsv: count the pairs' instructions under callgrind */
    int count_setup;       /* --idiom_count_setup: count setup and the checked run too */
    int allocator;         /* --idiom_allocator: print the file malloc resolves to, and whether the
                              comparison is allocation-heavy */
    int probe;             /* --idiom_fail_alloc=K given: the allocation-failure probe */
    unsigned long long fail_at; /* its K: the allocation request that fails (0: none) */
} options;

static const char own_flags[] =
    "--idiom_out=DIR --idiom_quick --idiom_seed=N --idiom_pairs=PLAN --idiom_process=P --idiom_names --idiom_xs "
    "--idiom_count=PLAN --idiom_count_setup --idiom_allocator --idiom_fail_alloc=K";

static int starts_with(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

/* A whole number after a flag's '='; 0, or 2 after naming the flag. */
static int parse_count(const char *arg, const char *flag, unsigned long long *out) {
    const char *text = arg + strlen(flag);
    char *end;
    errno = 0;
    *out = strtoull(text, &end, 10);
    if (errno || *end != '\0' || end == text || *text == '-') {
        fprintf(stderr, "error: %s takes a non-negative whole number, not '%s'\n", flag, text);
        return 2;
    }
    return 0;
}

/* Take our own --idiom_* flags out of argv; the rest is Google Benchmark's. 0, or 2 after naming a
 * bad flag. */
static int parse_own_flags(int *argc, char **argv, options *opt) {
    int kept = 1;
    for (int i = 1; i < *argc; i++) {
        const char *arg = argv[i];
        unsigned long long number;
        if (starts_with(arg, "--idiom_out=")) opt->out_dir = arg + strlen("--idiom_out=");
        else if (strcmp(arg, "--idiom_quick") == 0) opt->quick = quick_run = 1;
        else if (strcmp(arg, "--idiom_names") == 0) opt->names = 1;
        else if (strcmp(arg, "--idiom_xs") == 0) opt->sweep_xs = 1;
        else if (starts_with(arg, "--idiom_pairs=")) opt->plan = arg + strlen("--idiom_pairs=");
        else if (starts_with(arg, "--idiom_count=")) opt->count = arg + strlen("--idiom_count=");
        else if (strcmp(arg, "--idiom_count_setup") == 0) opt->count_setup = 1;
        else if (strcmp(arg, "--idiom_allocator") == 0) opt->allocator = 1;
        else if (starts_with(arg, "--idiom_seed=")) {
            if (parse_count(arg, "--idiom_seed=", &number)) return 2;
            run_seed = number;
        } else if (starts_with(arg, "--idiom_fail_alloc=")) {
            if (parse_count(arg, "--idiom_fail_alloc=", &opt->fail_at)) return 2;
            opt->probe = 1;
        } else if (starts_with(arg, "--idiom_process=")) {
            if (parse_count(arg, "--idiom_process=", &number)) return 2;
            opt->process = (unsigned long)number;
        } else if (starts_with(arg, "--idiom_")) {
            fprintf(stderr, "error: unknown flag %s (known: %s)\n", arg, own_flags);
            return 2;
        } else {
            argv[kept++] = argv[i];
        }
    }
    *argc = kept;
    argv[kept] = NULL;
    if (opt->plan && opt->out_dir == NULL) {
        fprintf(stderr, "error: --idiom_pairs needs --idiom_out=DIR for the rounds it writes\n");
        return 2;
    }
    return 0;
}

static void print_names(const bench_comparison *cmp) {
    printf("%s\n", cmp->name);
    for (size_t v = 0; v < cmp->n_variants; v++) printf("%s\n", cmp->variants[v].name);
    for (size_t w = 0; w < cmp->n_workloads; w++)
        if (*cmp->workloads[w].suffix) printf("%s\n", cmp->workloads[w].suffix);
}

/* Every x of the full sweep, then those of the QUICK sweep it lacks, one per line as the CSVs write them. */
static void print_xs(const bench_comparison *cmp) {
    char text[32];
    for (size_t i = 0; i < cmp->n_xs; i++) {
        bench__format_x(cmp->xs[i], text, sizeof text);
        printf("%s\n", text);
    }
    for (size_t i = 0; i < cmp->n_quick_xs; i++) {
        size_t j = 0;
        while (j < cmp->n_xs && cmp->xs[j] != cmp->quick_xs[i]) j++;
        if (j < cmp->n_xs) continue;
        bench__format_x(cmp->quick_xs[i], text, sizeof text);
        printf("%s\n", text);
    }
}

/* The shared object (or executable) whose malloc this process calls, as the dynamic linker resolved
 * it: how a run knows that an LD_PRELOADed allocator took effect. Then 1 or 0: whether the
 * comparison is allocation-heavy. */
static int print_allocator(const bench_comparison *cmp) {
    Dl_info info;
    void *resolved = dlsym(RTLD_DEFAULT, "malloc");
    if (resolved == NULL || dladdr(resolved, &info) == 0 || info.dli_fname == NULL) {
        fprintf(stderr, "%s: cannot tell which object provides malloc\n", cmp->name);
        return 1;
    }
    char path[PATH_MAX];
    printf("%s\n%d\n", realpath(info.dli_fname, path) ? path : info.dli_fname, cmp->allocation_heavy);
    return 0;
}

static int run_pairs(const bench_comparison *cmp, const options *opt) {
    const pairs_settings settings = {
        .slice_seconds = opt->quick ? IDIOM_QUICK_SLICE_SECONDS : IDIOM_SLICE_SECONDS,
        .pair_seconds = opt->quick ? IDIOM_QUICK_PAIR_SECONDS : IDIOM_PAIR_SECONDS,
        .min_rounds = opt->quick ? IDIOM_QUICK_PAIR_MIN_ROUNDS : IDIOM_PAIR_MIN_ROUNDS,
        .process = (unsigned)opt->process,
        .seed = run_seed,
    };
    return pairs_run(cmp, opt->plan, opt->out_dir, &settings);
}

/* Repetitions of a sweep row, unless its checked run asks for fewer (sweep_register). */
static int sweep_repetitions(const options *opt) {
    return opt->quick ? IDIOM_QUICK_SWEEP_REPETITIONS : IDIOM_SWEEP_REPETITIONS;
}

/* Whether the caller's flags (Google Benchmark's, after ours were taken out) set flag. */
static int flag_given(int argc, char **argv, const char *flag) {
    for (int i = 1; i < argc; i++)
        if (starts_with(argv[i], flag)) return 1;
    return 0;
}

/* Google Benchmark's argv: program, our defaults, its JSON output, then the caller's flags (which
 * override the defaults). The minimum time of a repetition is IDIOM_SWEEP_MIN_TIME, or less, so that
 * the comparison's rows take about IDIOM_SWEEP_SECONDS in all, but not under IDIOM_SWEEP_FLOOR_MIN_TIME. */
static char **sweep_argv(const bench_comparison *cmp, int argc, char **argv, const options *opt, long rows,
                         int *gb_argc) {
    static char repetitions[64], min_time[64], json_out[4096];
    const int reps = sweep_repetitions(opt);
    double seconds = opt->quick ? IDIOM_QUICK_SWEEP_MIN_TIME : IDIOM_SWEEP_MIN_TIME;
    if (!opt->quick && rows > 0) {
        const double share = IDIOM_SWEEP_SECONDS / ((double)rows * reps);
        seconds = share < seconds ? share : seconds;
        seconds = seconds < IDIOM_SWEEP_FLOOR_MIN_TIME ? IDIOM_SWEEP_FLOOR_MIN_TIME : seconds;
    }
    snprintf(repetitions, sizeof repetitions, "--benchmark_repetitions=%d", reps);
    snprintf(min_time, sizeof min_time, "--benchmark_min_time=%.4g", seconds);
    char **out = calloc((size_t)argc + 6, sizeof *out);
    if (out == NULL) return NULL;
    int n = 0;
    out[n++] = argv[0];
    out[n++] = repetitions;
    out[n++] = min_time;
    out[n++] = "--benchmark_enable_random_interleaving=true";
    if (opt->out_dir) {
        snprintf(json_out, sizeof json_out, "--benchmark_out=%s/%s.json", opt->out_dir, cmp->name);
        out[n++] = json_out;
        out[n++] = "--benchmark_out_format=json";
    }
    for (int i = 1; i < argc; i++) out[n++] = argv[i];
    *gb_argc = n;
    return out;
}

static int run_sweep(const bench_comparison *cmp, int argc, char **argv, const options *opt) {
    results *r = results_create(cmp, run_seed);
    /* Rows sized by their checked runs, unless the caller set the repetitions, or only lists them. */
    const int sized = !flag_given(argc, argv, "--benchmark_repetitions") && !flag_given(argc, argv, "--benchmark_list_tests");
    const long rows = r ? sweep_register(cmp, opt->quick, sized ? sweep_repetitions(opt) : 0, r) : -1;
    if (rows < 0) {
        fprintf(stderr, "%s: out of memory registering benchmarks\n", cmp->name);
        return 1;
    }
    int gb_argc;
    char **gb_argv = sweep_argv(cmp, argc, argv, opt, rows, &gb_argc);
    int status = gb_argv ? bench__run(gb_argc, gb_argv, results_add, results_heartbeat, r) : 1;
    if (status == 0 && opt->out_dir && results_completed(r) > 0) {
        results_print_unstable(r, stderr);
        if (results_write(r, opt->out_dir) != 0 || facts_write(cmp, opt->out_dir, run_seed, opt->quick) != 0) {
            fprintf(stderr, "%s: cannot write results into %s: %s\n", cmp->name, opt->out_dir, strerror(errno));
            status = 1;
        }
    }
    if (status == 0 && results_failures(r) > 0) {
        fprintf(stderr, "%s: %zu benchmark(s) FAILED their result check; no figures for them.\n", cmp->name,
                results_failures(r));
        status = 1;
    }
    results_destroy(r);
    free(gb_argv);
    return status;
}

int main(int argc, char **argv) {
    const bench_comparison *cmp = &bench_this_comparison;
#ifndef __SANITIZE_ADDRESS__ /* AddressSanitizer's allocator replaces glibc's and has no thresholds */
    /* Fixed thresholds: the dynamic ones would make a case's speed depend on its process's history. */
    if (!mallopt(M_MMAP_THRESHOLD, IDIOM_MALLOC_MMAP_THRESHOLD) || !mallopt(M_TRIM_THRESHOLD, IDIOM_MALLOC_TRIM_THRESHOLD)) {
        fprintf(stderr, "%s: glibc refused the malloc thresholds of idiom.conf\n", cmp->name);
        return 1;
    }
#endif
    options opt = {0};
    int status = parse_own_flags(&argc, argv, &opt);
    if (status != 0) return status;
    if (opt.allocator) return print_allocator(cmp);
    if (opt.probe) { /* at QUICK sizes; a variant that fails with no failure injected is a real failure */
        quick_run = 1;
        size_t failed;
        if (bench__probe_alloc_failure(cmp, opt.fail_at, &failed) != 0) return 1;
        return opt.fail_at == 0 && failed > 0 ? 1 : 0;
    }
    if (opt.names || opt.sweep_xs) {
        if (opt.names) print_names(cmp);
        else print_xs(cmp);
        return 0;
    }
    if (opt.count) {
        const counted_settings counting = {.iterations = 1, .include_setup = opt.count_setup};
        status = counted_run(cmp, opt.count, &counting);
    } else {
        status = opt.plan ? run_pairs(cmp, &opt) : run_sweep(cmp, argc, argv, &opt);
    }
    bench__cases_free();
    return status;
}
