/* counted.c: see counted.h. */
#include "counted.h"

#include "bench_internal.h"
#include "plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <valgrind/callgrind.h>

/* One variant at one x of the plan, counted once however many pairs name it. */
typedef struct counted_case {
    size_t variant;
    double x;
} counted_case;

/* The distinct (variant, x) of the pairs, into cases (room for two per pair), leaving out variants
 * whose work runs in child processes. Returns how many. */
static size_t distinct_cases(const bench_comparison *cmp, const plan_pair *pairs, long n, counted_case *cases) {
    size_t m = 0;
    for (long i = 0; i < n; i++) {
        const size_t sides[2] = {pairs[i].baseline, pairs[i].contender};
        for (int k = 0; k < 2; k++) {
            if (cmp->variants[sides[k]].in_children) continue;
            size_t seen = 0;
            while (seen < m && !(cases[seen].variant == sides[k] && cases[seen].x == pairs[i].x)) seen++;
            if (seen == m) cases[m++] = (counted_case){sides[k], pairs[i].x};
        }
    }
    return m;
}

/* Set up one case and count its timed iterations (and its setup, if asked) as one dump. 0, or -1. */
static int count_case(const bench_comparison *cmp, const counted_case *k, const counted_settings *s) {
    char x_text[32], label[512];
    bench__format_x(k->x, x_text, sizeof x_text);
    if (s->include_setup) CALLGRIND_START_INSTRUMENTATION;
    bench_case *c = bench__case(cmp, k->variant, k->x);
    if (c == NULL || c->failed) {
        if (s->include_setup) CALLGRIND_STOP_INSTRUMENTATION;
        fprintf(stderr, "FAILED %s/%s/%s: %s\n", cmp->name, cmp->variants[k->variant].name, x_text,
                c ? c->message : "out of memory");
        return -1;
    }
    if (!s->include_setup) {
        bench__settle_allocator(); /* what the harness itself freed since, merged uncounted */
        CALLGRIND_ZERO_STATS;
        CALLGRIND_START_INSTRUMENTATION;
    }
    const int status = bench__iterate_unsettled(c, s->iterations);
    CALLGRIND_STOP_INSTRUMENTATION;
    bench__settle_allocator(); /* what its iterations left, merged uncounted (see bench__iterate_unsettled) */
    snprintf(label, sizeof label, "idiom_count %s %s %lld %ld", c->variant->name, x_text, (long long)c->items,
             s->iterations);
    CALLGRIND_DUMP_STATS_AT(label);
    if (status != 0) {
        fprintf(stderr, "FAILED %s/%s/%s: %s\n", cmp->name, c->variant->name, x_text, c->message);
        return -1;
    }
    return 0;
}

int counted_run(const bench_comparison *cmp, const char *plan_path, const counted_settings *s) {
    if (!RUNNING_ON_VALGRIND) {
        fprintf(stderr, "%s: --idiom_count counts instructions under valgrind --tool=callgrind "
                        "--instr-atstart=no; run it there (scripts/count.sh does)\n", cmp->name);
        return 2;
    }
    plan_pair *pairs = NULL;
    const long n = plan_read(cmp, plan_path, &pairs);
    if (n < 0) return 2;
    counted_case *cases = malloc(2 * (size_t)n * sizeof *cases + 1);
    if (cases == NULL) {
        free(pairs);
        return 2;
    }
    const size_t m = distinct_cases(cmp, pairs, n, cases);
    int status = 0;
    for (size_t i = 0; i < m; i++)
        if (count_case(cmp, &cases[i], s) != 0) status = 1;
    free(cases);
    free(pairs);
    return status;
}
