/* bm_worker_memory.c: article 000's "Using processes" says processes have a higher memory overhead
 * than threads. Here x workers, each holding the same small working buffer, as threads, as forked
 * processes and as freshly spawned programs; what they hold together is the growth of the
 * proportional set size of this process and its children, so that a page shared by several counts
 * once. */
#define _GNU_SOURCE /* pipe2 */
#include "bench.h"
#include "process_pool.h"
#include "resident.h"
#include "stats.h"

#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <spawn.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define WORK_BYTES (64 * 1024) /* each worker's own buffer: a download's, say */
#define SAMPLES 7               /* measurements per checked case: their range holds the median at 98% per side */
#define MAX_WORKERS 64
#define THREAD_STACK_BYTES (8 * 1024 * 1024) /* a thread's stack, as glibc's default (RLIMIT_STACK here) */
/* Set in a spawned worker's environment: the program then works as a worker (see spawned_worker). */
#define WORKER_ENV "IDIOM_WORKER_MEMORY_BYTES"

extern char **environ;

/* A worker's work: fill its buffer and sum it; every worker's sum must be this. */
static uint64_t work(unsigned char *buffer, size_t bytes) {
    for (size_t i = 0; i < bytes; i++) buffer[i] = (unsigned char)(i * 7 + 1);
    uint64_t sum = 0;
    for (size_t i = 0; i < bytes; i++) sum += buffer[i];
    return sum;
}

static uint64_t expected_sum(void) {
    uint64_t sum = 0;
    for (size_t i = 0; i < WORK_BYTES; i++) sum += (unsigned char)(i * 7 + 1);
    return sum;
}

/* A mapping of its own for each worker's buffer and each thread's stack, unmapped when the worker
 * ends: memory that malloc's arenas or glibc's cache of thread stacks kept from an earlier start
 * would otherwise be resident before the workers start, and their figure would read as nothing. */
static void *map_pages(size_t bytes) {
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

/* A process worker, forked or spawned: work, report the sum on `report`, hold the buffer until
 * `release` reaches end of file (the parent closed it), then leave. */
static void process_worker(int report, int release) {
    unsigned char *buffer = map_pages(WORK_BYTES);
    uint64_t sum = buffer ? work(buffer, WORK_BYTES) : 0;
    const int status = process_pool_transfer(report, &sum, sizeof sum, 1) == 0 ? 0 : 1;
    char byte;
    while (read(release, &byte, 1) > 0) {}
    if (buffer) munmap(buffer, WORK_BYTES);
    _exit(status);
}

/* The spawned program: this very executable, started afresh with WORKER_ENV set, works as a worker
 * on its standard output and input before main runs. */
__attribute__((constructor)) static void spawned_worker(void) {
    if (getenv(WORKER_ENV) != NULL) process_worker(STDOUT_FILENO, STDIN_FILENO);
}

typedef enum how { THREADS, FORKED, SPAWNED } how;

typedef struct fixture {
    how how;
    size_t workers;
    char self[PATH_MAX];      /* this executable, for SPAWNED */
    uint64_t sums[MAX_WORKERS]; /* what the last run's workers reported */
    size_t reported;
} fixture;

/* ---- threads: a barrier to say all are ready, a second to let them go ---- */

typedef struct crew {
    pthread_barrier_t ready, done;
    uint64_t *sums;
} crew;

typedef struct thread_slot {
    crew *crew;
    size_t index;
    void *stack; /* its own mapping, THREAD_STACK_BYTES */
} thread_slot;

static void *thread_worker(void *arg) {
    const thread_slot *slot = arg;
    unsigned char *buffer = map_pages(WORK_BYTES);
    slot->crew->sums[slot->index] = buffer ? work(buffer, WORK_BYTES) : 0;
    pthread_barrier_wait(&slot->crew->ready);
    pthread_barrier_wait(&slot->crew->done);
    if (buffer) munmap(buffer, WORK_BYTES);
    return NULL;
}

/* Start the workers, let `measure` read what they hold while all are alive, then end them. */
typedef void measure_fn(const pid_t *children, size_t n, void *ctx);

static int with_threads(fixture *f, measure_fn *measure, void *ctx) {
    crew c = {.sums = f->sums};
    pthread_t threads[MAX_WORKERS];
    thread_slot slots[MAX_WORKERS];
    for (size_t k = 0; k < f->workers; k++) {
        slots[k] = (thread_slot){&c, k, map_pages(THREAD_STACK_BYTES)};
        if (slots[k].stack == NULL) {
            while (k-- > 0) munmap(slots[k].stack, THREAD_STACK_BYTES);
            return -1;
        }
    }
    pthread_barrier_init(&c.ready, NULL, (unsigned)f->workers + 1);
    pthread_barrier_init(&c.done, NULL, (unsigned)f->workers + 1);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    for (size_t k = 0; k < f->workers; k++)
        /* the barriers wait for every worker: there is no way back from one that did not start */
        if (pthread_attr_setstack(&attr, slots[k].stack, THREAD_STACK_BYTES) != 0 ||
            pthread_create(&threads[k], &attr, thread_worker, &slots[k]) != 0)
            abort();
    pthread_attr_destroy(&attr);
    pthread_barrier_wait(&c.ready);
    if (measure) measure(NULL, 0, ctx);
    pthread_barrier_wait(&c.done);
    for (size_t k = 0; k < f->workers; k++) {
        pthread_join(threads[k], NULL);
        munmap(slots[k].stack, THREAD_STACK_BYTES);
    }
    pthread_barrier_destroy(&c.ready);
    pthread_barrier_destroy(&c.done);
    f->reported = f->workers;
    return 0;
}

/* ---- processes: each reports its sum on one pipe and holds until the other is closed ---- */

static pid_t start_process(fixture *f, int report[2], int release[2]) {
    if (f->how == FORKED) {
        const pid_t pid = fork();
        if (pid == 0) {
            close(report[0]);
            close(release[1]);
            process_worker(report[1], release[0]);
        }
        return pid;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, report[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, release[0], STDIN_FILENO);
    char env_value[64];
    snprintf(env_value, sizeof env_value, WORKER_ENV "=%d", WORK_BYTES);
    char *const envp[] = {env_value, NULL};
    char *const argv[] = {f->self, NULL};
    pid_t pid;
    const int failed = posix_spawn(&pid, f->self, &actions, NULL, argv, envp);
    posix_spawn_file_actions_destroy(&actions);
    return failed ? -1 : pid;
}

static int with_processes(fixture *f, measure_fn *measure, void *ctx) {
    int report[2], release[2];
    if (pipe2(report, O_CLOEXEC) != 0) return -1;
    if (pipe2(release, O_CLOEXEC) != 0) {
        close(report[0]);
        close(report[1]);
        return -1;
    }
    pid_t children[MAX_WORKERS];
    size_t started = 0;
    for (; started < f->workers; started++)
        if ((children[started] = start_process(f, report, release)) < 0) break;
    close(report[1]);
    close(release[0]);
    f->reported = 0;
    while (f->reported < started && process_pool_transfer(report[0], &f->sums[f->reported], sizeof f->sums[0], 0) == 0) f->reported++;
    if (measure && f->reported == f->workers) measure(children, started, ctx);
    close(release[1]); /* every worker now reads end of file and leaves */
    close(report[0]);
    int failed = started < f->workers;
    for (size_t k = 0; k < started; k++) {
        int status;
        if (waitpid(children[k], &status, 0) != children[k] || !WIFEXITED(status) || WEXITSTATUS(status) != 0) failed = 1;
    }
    return failed ? -1 : 0;
}

static int with_workers(fixture *f, measure_fn *measure, void *ctx) {
    return f->how == THREADS ? with_threads(f, measure, ctx) : with_processes(f, measure, ctx);
}

/* ---- the lifecycle ---- */

static int run_workers(void *state) { return with_workers(state, NULL, NULL); }

/* What this process and the workers hold together: the sum of their Pss, into *(double *)ctx (-1 if
 * one could not be read). */
static void total_pss(const pid_t *children, size_t n, void *ctx) {
    long long total = resident_bytes(0, RESIDENT_PSS);
    for (size_t k = 0; k < n && total >= 0; k++) {
        const long long child = resident_bytes(children[k], RESIDENT_PSS);
        total = child < 0 ? -1 : total + child;
    }
    *(double *)ctx = (double)total;
}

static void *setup_fixture(bench_case *c) {
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->how = *(const how *)bench_case_arg(c);
    f->workers = bench_case_count(c);
    const ssize_t length = readlink("/proc/self/exe", f->self, sizeof f->self - 1);
    if (f->workers == 0 || f->workers > MAX_WORKERS || length <= 0) {
        bench_case_fail(c, "%zu workers (1 to %d), or this executable's path unreadable", f->workers, MAX_WORKERS);
        free(f);
        return NULL;
    }
    f->self[length] = '\0';
    bench_case_set_items(c, (int64_t)f->workers);
    return f;
}

/* Every worker of the last run reported the reference's sum. Then SAMPLES times: the workers
 * started anew, and the growth of the Pss summed over this process and its workers from before
 * they started to while all hold their buffers; the median, and the range as its interval. */
static int check_workers(void *state, bench_case *c) {
    fixture *f = state;
    const uint64_t expected = expected_sum();
    for (size_t k = 0; k < f->workers; k++) {
        if (k >= f->reported || f->sums[k] != expected) {
            bench_case_fail(c, "worker %zu of %zu reported %llu, the reference is %llu", k, f->workers,
                            k < f->reported ? (unsigned long long)f->sums[k] : 0ULL, (unsigned long long)expected);
            return -1;
        }
    }
    double growth[SAMPLES];
    for (int s = 0; s < SAMPLES; s++) {
        const long long before = resident_bytes(0, RESIDENT_PSS);
        double during = -1;
        if (before < 0 || with_workers(f, total_pss, &during) != 0 || during < 0) {
            bench_case_fail(c, "the workers could not be started and measured (no /proc/<pid>/smaps_rollup?)");
            return -1;
        }
        growth[s] = during > (double)before ? during - (double)before : 0;
    }
    bench_case_set_counter(c, "pss_bytes", stats_median(growth, SAMPLES));
    bench_case_set_counter(c, "pss_bytes_lo", stats_min(growth, SAMPLES));
    bench_case_set_counter(c, "pss_bytes_hi", stats_max(growth, SAMPLES));
    bench_case_set_counter(c, "pss_bytes_per_worker", stats_median(growth, SAMPLES) / (double)f->workers);
    return 0;
}

static void teardown_fixture(void *state) { free(state); }

#define HOW(h) .run = run_workers, .arg = &(const how){h}
static const bench_variant variants[] = {
    {.name = "pthreads", HOW(THREADS)},
    {.name = "fork_children", HOW(FORKED), .in_children = 1},
    {.name = "spawned", HOW(SPAWNED), .in_children = 1},
};

static const double sweep[] = {1, 2, 4, 8, 16};
static const double quick_sweep[] = {1, 4};
static const char *const extra_counters[] = {"pss_bytes", "pss_bytes_lo", "pss_bytes_hi", "pss_bytes_per_worker"};

const bench_comparison bench_this_comparison = {
    .name = "worker_memory",
    .param = "workers",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "worker",
    .setup = setup_fixture,
    .check = check_workers,
    .teardown = teardown_fixture,
    .about = "Start x workers, each of which fills a 64 KiB buffer of its own (mapped for it and unmapped "
             "when it ends, as are the threads' stacks, so that no cache of an earlier start is counted), sums it and reports the "
             "sum, then holds the buffer until told to finish. `pthreads` are threads of this process, "
             "each on a stack of its own of 8 MiB (glibc's default size), of which only the touched pages are "
             "resident; "
             "`fork_children` are children made by fork, which share this process's pages copy-on-write; "
             "`spawned` are fresh copies of this program started by posix_spawn, as "
             "multiprocessing's spawn starts a fresh interpreter (the executable works as a worker "
             "when its environment says so). `pss_bytes` is what the workers hold together: the "
             "growth of the proportional set size (Pss of /proc/<pid>/smaps_rollup, each page divided "
             "among the processes that map it, so that shared pages count once) summed over this "
             "process and its workers, from before they start to while all of them hold their "
             "buffers; the median of 7 starts, with their range as its interval. Not counted: the "
             "kernel's own memory for each process (page tables, task structures). Timed: starting "
             "the workers, waiting for every report, and ending them. Every worker's sum is "
             "compared with the reference's.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    BENCH_EXTRA_COUNTERS(extra_counters),
};
