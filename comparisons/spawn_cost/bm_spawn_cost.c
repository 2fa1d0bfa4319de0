/* bm_spawn_cost.c: the articles' "processes are heavier than threads", in numbers: what starting
 * and finishing one thread, one forked process, and one spawned program costs. */
#include "bench.h"

#include <errno.h>
#include <pthread.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define TRIVIAL_PROGRAM "/bin/true" /* what posix_spawn starts: coreutils' true, which does nothing */

extern char **environ;

/* What each started thread or child computes, so that the start cannot be optimised into nothing:
 * a thread returns its argument plus one; a child exits with status 0. */
static void *thread_body(void *arg) { return (void *)((uintptr_t)arg + 1); }

typedef enum how { THREAD, FORK, SPAWN } how;

typedef struct fixture {
    how how;
    size_t n;          /* starts per iteration, one after another */
    size_t finished;   /* how many the last run started and saw finish correctly */
} fixture;

/* n times: start one, wait for it, check what it returned. Counts the correct finishes; a failure
 * to start stops the run (the count then falls short, which check reports). */
static int run_starts(void *state) {
    fixture *f = state;
    f->finished = 0;
    for (size_t i = 0; i < f->n; i++) {
        if (f->how == THREAD) {
            pthread_t thread;
            void *result;
            if (pthread_create(&thread, NULL, thread_body, (void *)(uintptr_t)i) != 0) return -1;
            if (pthread_join(thread, &result) != 0) return -1;
            f->finished += (uintptr_t)result == i + 1;
            continue;
        }
        pid_t pid;
        if (f->how == FORK) {
            pid = fork();
            if (pid == 0) _exit(0);
            if (pid < 0) return -1;
        } else {
            char *const argv[] = {TRIVIAL_PROGRAM, NULL};
            if (posix_spawn(&pid, TRIVIAL_PROGRAM, NULL, NULL, argv, environ) != 0) return -1;
        }
        int status;
        if (waitpid(pid, &status, 0) != pid) return -1;
        f->finished += WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    return f->finished == f->n ? 0 : -1;
}

static void *setup_fixture(bench_case *c) {
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->how = *(const how *)bench_case_arg(c);
    f->n = bench_case_count(c);
    if (f->how == SPAWN && access(TRIVIAL_PROGRAM, X_OK) != 0) {
        bench_case_fail(c, "%s is not an executable here: %s", TRIVIAL_PROGRAM, strerror(errno));
        free(f);
        return NULL;
    }
    bench_case_set_items(c, (int64_t)f->n);
    return f;
}

static int check_starts(void *state, bench_case *c) {
    const fixture *f = state;
    if (f->finished == f->n) return 0;
    bench_case_fail(c, "%zu of %zu starts finished correctly", f->finished, f->n);
    return -1;
}

static void teardown_fixture(void *state) { free(state); }

#define HOW(h) .run = run_starts, .arg = &(const how){h}
static const bench_variant variants[] = {
    {.name = "pthread_create", HOW(THREAD)},
    {.name = "fork", HOW(FORK)},
    {.name = "posix_spawn", HOW(SPAWN)},
};

/* Starts per iteration: one alone, and several in a row, where the allocator and kernel caches are warm. */
static const double sweep[] = {1, 4, 16};
static const double quick_sweep[] = {1, 4};

const bench_comparison bench_this_comparison = {
    .name = "spawn_cost",
    .param = "starts",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "start",
    .about = "What it costs to start a unit of concurrency and wait for it to finish, the articles' "
             "\"processes are heavier than threads\" in numbers. `pthread_create` creates a thread "
             "that returns its argument plus one, and joins it; `fork` forks this benchmark process "
             "(its whole address space, copy-on-write) and the child exits at once; `posix_spawn` "
             "starts " TRIVIAL_PROGRAM " (glibc uses clone with CLONE_VM and exec, so nothing is "
             "copied, but a program is loaded). Timed: `starts` of them one after another, each "
             "waited for (`items` = starts, so ns per start). Every thread's return value and every "
             "child's exit status are checked, in the checked run and in every timed iteration.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    .setup = setup_fixture,
    .check = check_starts,
    .teardown = teardown_fixture,
};
