/* bm_cpu_parallel.c: articles 001 and 002's CPU-bound parallelism: threads do not help under the
 * GIL, processes do. The work is article 000's chained SHA-1 (h = sha1(h).hexdigest(), repeated),
 * split into independent chains, run sequentially, on threads, on threads that take one global lock
 * per step (the GIL analogue), on forked processes and on a pool of processes. */
#include "bench.h"
#include "process_pool.h"
#include "sha1_chain.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define TOTAL_STEPS 131072 /* chained SHA-1 steps per iteration (about 7 ms), split evenly among the workers */
#define MAX_WORKERS 8     /* the sweep's largest; TOTAL_STEPS is a multiple of every worker count */

/* ---- the process pool: children made once per case, fed chains through pipes ---- */

/* A task: which worker's chain, and how many steps. */
typedef struct pool_task {
    unsigned worker;
    size_t steps;
} pool_task;

/* A pool child: advance each chain it is sent and send back its final hexdigest. */
static int pool_child(int task_fd, int result_fd) {
    pool_task task;
    while (process_pool_transfer(task_fd, &task, sizeof task, 0) == 0) {
        sha1_chain text;
        sha1_chain_seed(&text, task.worker);
        if (sha1_chain_advance(&text, task.steps, NULL) != 0) return 1;
        if (process_pool_transfer(result_fd, text.bytes, SHA1_CHAIN_HEX_LEN, 1) != 0) return 1;
    }
    return 0;
}

/* ---- the variants ---- */

/* THREADS_GIL: the mechanism model of CPython's threads; THREADS_GLOBAL_LOCK: a mutex per step. */
typedef enum strategy { SEQUENTIAL, THREADS, THREADS_GLOBAL_LOCK, THREADS_GIL, PROCESSES, PROCESS_POOL } strategy;

typedef struct fixture {
    strategy how;
    unsigned workers;
    size_t steps;                          /* per worker */
    sha1_chain result[MAX_WORKERS];        /* what the last run computed, per chain */
    sha1_chain expected[MAX_WORKERS];      /* each chain computed once, sequentially, at setup */
    process_pool pool;                     /* PROCESS_POOL only */
    gil gil;                               /* THREADS_GIL only */
    size_t gil_switches;                   /* THREADS_GIL: the holder changes of the last run */
} fixture;

static pthread_mutex_t global_lock = PTHREAD_MUTEX_INITIALIZER;

/* A thread's share: one chain. */
typedef struct thread_job {
    fixture *f;
    unsigned worker;
    int status;
    size_t switches; /* THREADS_GIL: the times this thread dropped the GIL on request */
} thread_job;

static void *run_thread_job(void *arg) {
    thread_job *job = arg;
    fixture *f = job->f;
    /* The chain lives on this thread's stack until it is done: the results sit side by side, and
     * writing them every step would bounce their shared cache lines between the cores. */
    sha1_chain text;
    sha1_chain_seed(&text, job->worker);
    if (f->how == THREADS_GIL)
        job->status = sha1_chain_advance_under_gil(&text, f->steps, &f->gil, job, &job->switches);
    else
        job->status = sha1_chain_advance(&text, f->steps, f->how == THREADS_GLOBAL_LOCK ? &global_lock : NULL);
    f->result[job->worker] = text;
    return NULL;
}

/* One thread per chain, created and joined every iteration, as `threading.Thread` per task is. */
static int run_threads(fixture *f) {
    pthread_t threads[MAX_WORKERS];
    thread_job jobs[MAX_WORKERS];
    unsigned started = 0;
    int status = 0;
    for (; started < f->workers; started++) {
        jobs[started] = (thread_job){f, started, 0, 0};
        if (pthread_create(&threads[started], NULL, run_thread_job, &jobs[started]) != 0) {
            status = -1;
            break;
        }
    }
    f->gil_switches = 0;
    for (unsigned w = 0; w < started; w++) {
        pthread_join(threads[w], NULL);
        status |= jobs[w].status;
        f->gil_switches += jobs[w].switches;
    }
    return status;
}

/* What a child per chain runs: its chain, into its copy of the result slot. */
static int chain_in_child(size_t worker, void *arg, void *result) {
    const fixture *f = arg;
    sha1_chain *text = result;
    sha1_chain_seed(text, (unsigned)worker);
    return sha1_chain_advance(text, f->steps, NULL);
}

/* One forked child per chain, each sending its final text through a pipe, all reaped every iteration. */
static int run_processes(fixture *f) {
    return process_pool_fork_each(f->workers, chain_in_child, f, f->result, sizeof f->result[0]);
}

/* Hand each pool child a chain, then collect the hexdigests. */
static int run_pool(fixture *f) {
    for (unsigned w = 0; w < f->workers; w++) {
        pool_task task;
        memset(&task, 0, sizeof task); /* its padding too: every byte sent down the pipe is defined */
        task.worker = w;
        task.steps = f->steps;
        if (process_pool_transfer(f->pool.task_fds[w], &task, sizeof task, 1) != 0) return -1;
    }
    int status = 0;
    for (unsigned w = 0; w < f->workers; w++) {
        if (process_pool_transfer(f->pool.result_fds[w], f->result[w].bytes, SHA1_CHAIN_HEX_LEN, 0) != 0) status = -1;
        f->result[w].bytes[SHA1_CHAIN_HEX_LEN] = '\0';
    }
    return status;
}

static int run_parallel(void *state) {
    fixture *f = state;
    switch (f->how) {
    case SEQUENTIAL: {
        int status = 0;
        for (unsigned w = 0; w < f->workers; w++) {
            sha1_chain_seed(&f->result[w], w);
            status |= sha1_chain_advance(&f->result[w], f->steps, NULL);
        }
        return status;
    }
    case THREADS:
    case THREADS_GLOBAL_LOCK:
    case THREADS_GIL: return run_threads(f);
    case PROCESSES: return run_processes(f);
    case PROCESS_POOL: return run_pool(f);
    }
    return -1;
}

static void teardown_fixture(void *state) {
    fixture *f = state;
    if (f->how == PROCESS_POOL) process_pool_stop(&f->pool);
    if (f->how == THREADS_GIL) gil_destroy(&f->gil);
    free(f);
}

static void *setup_fixture(bench_case *c) {
    const size_t workers = bench_case_count(c);
    if (workers < 1 || workers > MAX_WORKERS || TOTAL_STEPS % workers != 0) {
        bench_case_fail(c, "%zu workers: the sweep allows 1 to %d, dividing %d steps evenly", workers, MAX_WORKERS,
                        TOTAL_STEPS);
        return NULL;
    }
    if (!sha1_chain_is_sha1()) {
        bench_case_fail(c, "libcrypto's SHA-1 chain does not match the known hexdigests");
        return NULL;
    }
    /* Plain calloc: children and threads never allocate through the counting allocator, which is
     * not thread-safe; the fixture is made and freed here alone. */
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->how = *(const strategy *)bench_case_arg(c);
    f->workers = (unsigned)workers;
    f->steps = TOTAL_STEPS / workers;
    for (unsigned w = 0; w < f->workers; w++) {
        sha1_chain_seed(&f->expected[w], w);
        if (sha1_chain_advance(&f->expected[w], f->steps, NULL) != 0) {
            bench_case_fail(c, "libcrypto failed computing the reference");
            free(f);
            return NULL;
        }
    }
    if (f->how == THREADS_GIL && gil_init(&f->gil, GIL_SWITCH_INTERVAL_US) != 0) {
        bench_case_fail(c, "could not make the GIL: %s", strerror(errno));
        free(f);
        return NULL;
    }
    if (f->how == PROCESS_POOL && process_pool_start(&f->pool, f->workers, pool_child) != 0) {
        bench_case_fail(c, "could not start a pool of %u processes: %s", f->workers, strerror(errno));
        free(f);
        return NULL;
    }
    bench_case_set_items(c, TOTAL_STEPS);
    return f;
}

static int check_chains(void *state, bench_case *c) {
    const fixture *f = state;
    for (unsigned w = 0; w < f->workers; w++) {
        if (strcmp(f->result[w].bytes, f->expected[w].bytes) != 0) {
            bench_case_fail(c, "chain %u ended at %.40s, expected %s", w, f->result[w].bytes, f->expected[w].bytes);
            return -1;
        }
    }
    if (f->how == THREADS_GIL) bench_case_set_counter(c, "gil_switches", (double)f->gil_switches);
    return 0;
}

#define STRATEGY(s) .run = run_parallel, .arg = &(const strategy){s}
static const bench_variant variants[] = {
    {.name = "sequential", STRATEGY(SEQUENTIAL)},
    {.name = "thread_per_chain", STRATEGY(THREADS)},
    {.name = "threads_global_lock", STRATEGY(THREADS_GLOBAL_LOCK)},
    {.name = "threads_gil", STRATEGY(THREADS_GIL)},
    {.name = "process_per_chain", STRATEGY(PROCESSES), .in_children = 1},
    {.name = "process_pool", STRATEGY(PROCESS_POOL), .in_children = 1},
};

static const char *const counters[] = {"gil_switches"};

/* Workers 1, 2 (this machine's cores), 4 (Pool(4)) and 8. */
static const double sweep[] = {1, 2, 4, 8};
static const double quick_sweep[] = {1, 2, 4};

const bench_comparison bench_this_comparison = {
    .name = "cpu_parallel",
    .param = "workers",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "step",
    .about = "CPU-bound work split among `workers`: 131,072 steps of article 000's chained SHA-1, "
             "`h = sha1(h).hexdigest()` (OpenSSL's libcrypto `SHA1()`; its EVP interface serialises threads, see the source), divided "
             "into `workers` independent chains, each seeded with the article's string and its number. "
             "`sequential` runs the chains one after another; `thread_per_chain` gives each chain a pthread, "
             "created and joined every iteration; `threads_gil` does the same as CPython's threads "
             "run Python code, the mechanism model: each thread holds a model of the GIL "
             "(Python/ceval_gil.c) while it works, and a thread that waited the switch interval "
             "(5 ms, sys.getswitchinterval()) for it asks the holder to drop it, which the holder does "
             "between steps, then waits until the other has taken it; the checked run counts the "
             "switches (`gil_switches`). `threads_global_lock` takes one process-wide mutex around "
             "every step instead, a lock handed over far more often than the GIL is; `process_per_chain` "
             "forks a child per chain every iteration, each sending its final hexdigest through a "
             "pipe; `process_pool` forks the children once (untimed) and hands them chains through "
             "pipes, as `multiprocessing.Pool` does. Timed: wall time of one iteration, creation and "
             "reaping of threads and processes included; items are steps, so ns per step. Every "
             "chain's final hexdigest is compared with the same chain computed sequentially at setup, "
             "and the chain function itself with known hexdigests from Python's hashlib. Children die "
             "with the benchmark process (PR_SET_PDEATHSIG) and are reaped every iteration or at "
             "teardown. The ideal is a speedup of min(workers, cores) over `sequential`: the chart "
             "draws it for the cores this run recorded.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    BENCH_EXTRA_COUNTERS(counters),
    .setup = setup_fixture,
    .check = check_chains,
    .teardown = teardown_fixture,
};
