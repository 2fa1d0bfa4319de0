/* bm_cpu_parallel.c: articles 001 and 002's CPU-bound parallelism: threads do not help under the
 * GIL, processes do. The work is article 000's chained SHA-1 (h = sha1(h).hexdigest(), repeated),
 * split into independent chains, run sequentially, on threads, on threads that take one global lock
 * per step (the GIL analogue), on forked processes and on a pool of processes. */
#include "bench.h"
#include "process_pool.h"

#include <errno.h>
#include <openssl/sha.h>
#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define SEED_TEXT "Turbocharge Your Python Code" /* article 000 hashes this string */
#define TOTAL_STEPS 131072 /* chained SHA-1 steps per iteration (about 7 ms), split evenly among the workers */
#define MAX_WORKERS 8     /* the sweep's largest; TOTAL_STEPS is a multiple of every worker count */
#define HEX_LEN 40        /* a SHA-1 hexdigest */
#define TEXT_SIZE 64      /* room for a worker's seed text or a hexdigest, and the NUL */

/* One chain's text: its seed before the first step, a hexdigest after. */
typedef struct chain_text {
    char bytes[TEXT_SIZE];
} chain_text;

/* Advance `text` by `steps` steps of h = sha1(h).hexdigest(), taking `lock` (if any) around each
 * step, as the GIL is held around each bytecode. 0, or -1 if libcrypto failed. Thread-safe.
 * libcrypto's one-shot SHA1(), deprecated in OpenSSL 3 in favour of EVP: EVP_DigestInit_ex with
 * EVP_sha1() fetches the algorithm implicitly on every call, through a lock and reference counts
 * shared by all threads, and in this suite's first measurement it made two threads no faster than
 * one (processes, which share nothing, were 1.75x faster). SHA1() touches no shared state. */
static int chain_advance(chain_text *text, size_t steps, pthread_mutex_t *lock) {
    static const char hex[] = "0123456789abcdef";
    size_t len = strlen(text->bytes);
    int status = 0;
    for (size_t s = 0; s < steps && status == 0; s++) {
        if (lock) pthread_mutex_lock(lock);
        unsigned char digest[SHA_DIGEST_LENGTH];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
        SHA_CTX ctx;
        if (SHA1_Init(&ctx) != 1 || SHA1_Update(&ctx, text->bytes, len) != 1 || SHA1_Final(digest, &ctx) != 1) {
#pragma GCC diagnostic pop
            status = -1;
        } else {
            for (size_t i = 0; i < SHA_DIGEST_LENGTH; i++) {
                text->bytes[2 * i] = hex[digest[i] >> 4];
                text->bytes[2 * i + 1] = hex[digest[i] & 15];
            }
            text->bytes[HEX_LEN] = '\0';
            len = HEX_LEN;
        }
        if (lock) pthread_mutex_unlock(lock);
    }
    return status;
}

/* Worker w's chain starts from the article's string with its number, so the chains differ. */
static void chain_seed(chain_text *text, unsigned worker) {
    snprintf(text->bytes, sizeof text->bytes, "%s #%u", SEED_TEXT, worker);
}

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
        chain_text text;
        chain_seed(&text, task.worker);
        if (chain_advance(&text, task.steps, NULL) != 0) return 1;
        if (process_pool_transfer(result_fd, text.bytes, HEX_LEN, 1) != 0) return 1;
    }
    return 0;
}

/* ---- the variants ---- */

typedef enum strategy { SEQUENTIAL, THREADS, THREADS_GLOBAL_LOCK, PROCESSES, PROCESS_POOL } strategy;

typedef struct fixture {
    strategy how;
    unsigned workers;
    size_t steps;                          /* per worker */
    chain_text result[MAX_WORKERS];        /* what the last run computed, per chain */
    chain_text expected[MAX_WORKERS];      /* each chain computed once, sequentially, at setup */
    process_pool pool;                     /* PROCESS_POOL only */
} fixture;

static pthread_mutex_t global_lock = PTHREAD_MUTEX_INITIALIZER;

/* A thread's share: one chain. */
typedef struct thread_job {
    fixture *f;
    unsigned worker;
    int status;
} thread_job;

static void *run_thread_job(void *arg) {
    thread_job *job = arg;
    fixture *f = job->f;
    /* The chain lives on this thread's stack until it is done: the results sit side by side, and
     * writing them every step would bounce their shared cache lines between the cores. */
    chain_text text;
    chain_seed(&text, job->worker);
    job->status = chain_advance(&text, f->steps, f->how == THREADS_GLOBAL_LOCK ? &global_lock : NULL);
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
        jobs[started] = (thread_job){f, started, 0};
        if (pthread_create(&threads[started], NULL, run_thread_job, &jobs[started]) != 0) {
            status = -1;
            break;
        }
    }
    for (unsigned w = 0; w < started; w++) {
        pthread_join(threads[w], NULL);
        status |= jobs[w].status;
    }
    return status;
}

/* What a child per chain runs: its chain, into its copy of the result slot. */
static int chain_in_child(size_t worker, void *arg, void *result) {
    const fixture *f = arg;
    chain_text *text = result;
    chain_seed(text, (unsigned)worker);
    return chain_advance(text, f->steps, NULL);
}

/* One forked child per chain, each sending its final text through a pipe, all reaped every iteration. */
static int run_processes(fixture *f) {
    return process_pool_fork_each(f->workers, chain_in_child, f, f->result, sizeof f->result[0]);
}

/* Hand each pool child a chain, then collect the hexdigests. */
static int run_pool(fixture *f) {
    for (unsigned w = 0; w < f->workers; w++) {
        const pool_task task = {w, f->steps};
        if (process_pool_transfer(f->pool.task_fds[w], &task, sizeof task, 1) != 0) return -1;
    }
    int status = 0;
    for (unsigned w = 0; w < f->workers; w++) {
        if (process_pool_transfer(f->pool.result_fds[w], f->result[w].bytes, HEX_LEN, 0) != 0) status = -1;
        f->result[w].bytes[HEX_LEN] = '\0';
    }
    return status;
}

static int run_parallel(void *state) {
    fixture *f = state;
    switch (f->how) {
    case SEQUENTIAL: {
        int status = 0;
        for (unsigned w = 0; w < f->workers; w++) {
            chain_seed(&f->result[w], w);
            status |= chain_advance(&f->result[w], f->steps, NULL);
        }
        return status;
    }
    case THREADS:
    case THREADS_GLOBAL_LOCK: return run_threads(f);
    case PROCESSES: return run_processes(f);
    case PROCESS_POOL: return run_pool(f);
    }
    return -1;
}

static void teardown_fixture(void *state) {
    fixture *f = state;
    if (f->how == PROCESS_POOL) process_pool_stop(&f->pool);
    free(f);
}

/* Known answers, from Python's hashlib: the chain function is SHA-1 as the article's is. */
static int chain_is_sha1(void) {
    static const struct {
        size_t steps;
        const char *hexdigest;
    } known[] = {{3, "3ab8fa6672cf8800a0fe8a928543e79134e9df4a"}, {1000, "7a0f5c78df2c08628551a13a77503a5df24fd393"}};
    for (size_t k = 0; k < BENCH_COUNT(known); k++) {
        chain_text text = {SEED_TEXT};
        if (chain_advance(&text, known[k].steps, NULL) != 0 || strcmp(text.bytes, known[k].hexdigest) != 0) return 0;
    }
    return 1;
}

static void *setup_fixture(bench_case *c) {
    const size_t workers = bench_case_count(c);
    if (workers < 1 || workers > MAX_WORKERS || TOTAL_STEPS % workers != 0) {
        bench_case_fail(c, "%zu workers: the sweep allows 1 to %d, dividing %d steps evenly", workers, MAX_WORKERS,
                        TOTAL_STEPS);
        return NULL;
    }
    if (!chain_is_sha1()) {
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
        chain_seed(&f->expected[w], w);
        if (chain_advance(&f->expected[w], f->steps, NULL) != 0) {
            bench_case_fail(c, "libcrypto failed computing the reference");
            free(f);
            return NULL;
        }
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
    return 0;
}

#define STRATEGY(s) .run = run_parallel, .arg = &(const strategy){s}
static const bench_variant variants[] = {
    {.name = "sequential", STRATEGY(SEQUENTIAL)},
    {.name = "thread_per_chain", STRATEGY(THREADS)},
    {.name = "threads_global_lock", STRATEGY(THREADS_GLOBAL_LOCK)},
    {.name = "process_per_chain", STRATEGY(PROCESSES)},
    {.name = "process_pool", STRATEGY(PROCESS_POOL)},
};

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
             "created and joined every iteration; `threads_global_lock` does the same but takes one "
             "process-wide mutex around every step, as CPython's threads hold the GIL; `process_per_chain` "
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
    .setup = setup_fixture,
    .check = check_chains,
    .teardown = teardown_fixture,
};
