/* counted.h: instruction counts of timed regions, under valgrind's callgrind. Each case of the plan
 * is set up uninstrumented (unless asked), then its timed iterations run with callgrind's
 * instrumentation on and are dumped as one profile whose trigger names the case: "idiom_count
 * <variant> <x> <items per iteration> <iterations>". The count of a deterministic variant is the
 * same run after run; scripts/count.sh turns the dumps into <comparison>.instr.csv. */
#ifndef IDIOM_COUNTED_H
#define IDIOM_COUNTED_H

#include "bench.h"

typedef struct counted_settings {
    long iterations;   /* timed iterations counted per case: one is enough for a deterministic count */
    int include_setup; /* 1: setup and the checked run are counted too (make profile SETUP=1) */
} counted_settings;

/* Count every variant of the plan's pairs whose comparison is cmp's, at the pair's x, each once.
 * Returns 0; 1 if a case failed (said on stderr); 2 if the plan cannot be read or the process is
 * not running under callgrind. Variants whose work runs in child processes (in_children) are not
 * counted: callgrind counts this process. */
int counted_run(const bench_comparison *cmp, const char *plan_path, const counted_settings *s);

#endif /* IDIOM_COUNTED_H */
