/* bm_tiny_tasks.c: article 002's `Pool(4).map(square, range(10000))`: tasks so small that handing
 * them out costs more than doing them, done in a loop, on a pool of 4 threads, and on a pool of 4
 * processes. */
#include "bench.h"
#include "process_pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define POOL_SIZE 4        /* Pool(4) */
#define CHUNKS_PER_WORKER 4 /* Pool.map's chunksize: ceil(len / (4 * workers)), so 4 chunks per worker */

static int64_t square(int64_t v) { return v * v; }

/* ---- a pool of threads that share one map call at a time, taking chunks by an atomic counter ----
 * Written here rather than shared (as structures/process_pool is): its dispatch, a condition variable
 * per map call and an atomic counter per chunk, is what `thread_pool_4` measures. */

typedef struct thread_pool {
    pthread_t threads[POOL_SIZE];
    unsigned started;
    pthread_mutex_t lock;
    pthread_cond_t work_ready, work_done;
    unsigned long generation; /* bumped per map call; a thread works once per generation */
    unsigned busy;            /* threads still working on this generation */
    int stopping;
    int64_t *out;             /* this call's output */
    size_t n, chunk;          /* its length and chunk size */
    atomic_size_t next_chunk; /* the first chunk nobody has taken */
} thread_pool;

static void *pool_thread(void *arg) {
    thread_pool *p = arg;
    unsigned long seen = 0;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (!p->stopping && p->generation == seen) pthread_cond_wait(&p->work_ready, &p->lock);
        if (p->stopping) {
            pthread_mutex_unlock(&p->lock);
            return NULL;
        }
        seen = p->generation;
        pthread_mutex_unlock(&p->lock);
        for (;;) {
            const size_t c = atomic_fetch_add(&p->next_chunk, 1);
            const size_t start = c * p->chunk;
            if (start >= p->n) break;
            const size_t end = start + p->chunk < p->n ? start + p->chunk : p->n;
            for (size_t i = start; i < end; i++) p->out[i] = square((int64_t)i);
        }
        pthread_mutex_lock(&p->lock);
        if (--p->busy == 0) pthread_cond_signal(&p->work_done);
        pthread_mutex_unlock(&p->lock);
    }
}

/* out[i] = square(i) for i < n, chunked over the pool; returns when every chunk is done. */
static void thread_pool_map(thread_pool *p, int64_t *out, size_t n, size_t chunk) {
    pthread_mutex_lock(&p->lock);
    p->out = out;
    p->n = n;
    p->chunk = chunk;
    atomic_store(&p->next_chunk, 0);
    p->busy = p->started;
    p->generation++;
    pthread_cond_broadcast(&p->work_ready);
    while (p->busy > 0) pthread_cond_wait(&p->work_done, &p->lock);
    pthread_mutex_unlock(&p->lock);
}

static void thread_pool_stop(thread_pool *p) {
    pthread_mutex_lock(&p->lock);
    p->stopping = 1;
    pthread_cond_broadcast(&p->work_ready);
    pthread_mutex_unlock(&p->lock);
    for (unsigned i = 0; i < p->started; i++) pthread_join(p->threads[i], NULL);
    p->started = 0;
}

/* 0, or -1 with any thread already started stopped again. */
static int thread_pool_start(thread_pool *p) {
    *p = (thread_pool){.lock = PTHREAD_MUTEX_INITIALIZER, .work_ready = PTHREAD_COND_INITIALIZER,
                       .work_done = PTHREAD_COND_INITIALIZER};
    for (; p->started < POOL_SIZE; p->started++)
        if (pthread_create(&p->threads[p->started], NULL, pool_thread, p) != 0) break;
    if (p->started == POOL_SIZE) return 0;
    thread_pool_stop(p);
    return -1;
}

/* ---- a pool of processes, each fed chunks through a pipe and sending the squares back ---- */

typedef struct chunk_task {
    size_t start, count;
} chunk_task;

/* A child: square each chunk it is sent and send the squares back, until its pipe ends. */
static int process_child(int task_fd, int result_fd) {
    chunk_task task;
    int64_t buffer[1024];
    while (process_pool_transfer(task_fd, &task, sizeof task, 0) == 0) {
        for (size_t done = 0; done < task.count;) {
            const size_t part = task.count - done < 1024 ? task.count - done : 1024;
            for (size_t i = 0; i < part; i++) buffer[i] = square((int64_t)(task.start + done + i));
            if (process_pool_transfer(result_fd, buffer, part * sizeof *buffer, 1) != 0) return 1;
            done += part;
        }
    }
    return 0;
}

/* Chunks go to the children in turn, a round at a time: each child gets one chunk, then the
 * squares of the round are read back in order. 0, or -1 if a pipe failed. */
static int process_pool_map(process_pool *p, int64_t *out, size_t n, size_t chunk) {
    for (size_t round_start = 0; round_start < n; round_start += chunk * POOL_SIZE) {
        unsigned sent = 0;
        for (; sent < POOL_SIZE && round_start + sent * chunk < n; sent++) {
            const size_t start = round_start + sent * chunk;
            const chunk_task task = {start, start + chunk < n ? chunk : n - start};
            if (process_pool_transfer(p->task_fds[sent], &task, sizeof task, 1) != 0) return -1;
        }
        for (unsigned k = 0; k < sent; k++) {
            const size_t start = round_start + k * chunk, count = start + chunk < n ? chunk : n - start;
            if (process_pool_transfer(p->result_fds[k], out + start, count * sizeof *out, 0) != 0) return -1;
        }
    }
    return 0;
}

/* ---- the lifecycle ---- */

/* PROCESS_POOL_WITH: the pool started and stopped inside the timing, as `with Pool(4) as pool:` does. */
typedef enum how { SEQUENTIAL, THREAD_POOL, PROCESS_POOL, PROCESS_POOL_WITH } how;

typedef struct fixture {
    how how;
    size_t n, chunk;
    int64_t *out;
    thread_pool threads;
    process_pool processes;
} fixture;

static int run_map(void *state) {
    fixture *f = state;
    switch (f->how) {
    case SEQUENTIAL:
        for (size_t i = 0; i < f->n; i++) f->out[i] = square((int64_t)i);
        bench_escape(f->out);
        return 0;
    case THREAD_POOL: thread_pool_map(&f->threads, f->out, f->n, f->chunk); return 0;
    case PROCESS_POOL: return process_pool_map(&f->processes, f->out, f->n, f->chunk);
    case PROCESS_POOL_WITH: {
        /* Pool(4).__enter__ forks the workers; __exit__ calls terminate(): kill and reap them. */
        if (process_pool_start(&f->processes, POOL_SIZE, process_child) != 0) return -1;
        const int status = process_pool_map(&f->processes, f->out, f->n, f->chunk);
        process_pool_stop(&f->processes);
        return status;
    }
    }
    return -1;
}

static void teardown_fixture(void *state) {
    fixture *f = state;
    if (f->how == THREAD_POOL) thread_pool_stop(&f->threads);
    if (f->how == PROCESS_POOL) process_pool_stop(&f->processes);
    free(f->out);
    free(f);
}

static void *setup_fixture(bench_case *c) {
    /* Plain malloc: pool threads write the output, and the counting allocator is not thread-safe. */
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->how = *(const how *)bench_case_arg(c);
    f->n = bench_case_count(c);
    f->chunk = (f->n + CHUNKS_PER_WORKER * POOL_SIZE - 1) / (CHUNKS_PER_WORKER * POOL_SIZE);
    if (f->chunk == 0) f->chunk = 1;
    f->out = malloc((f->n ? f->n : 1) * sizeof *f->out);
    /* -1 is no square: a map that skipped an element in the checked run (the first) is caught. */
    if (f->out != NULL) memset(f->out, 0xff, (f->n ? f->n : 1) * sizeof *f->out);
    int started = f->out != NULL;
    if (started && f->how == THREAD_POOL) started = thread_pool_start(&f->threads) == 0;
    if (started && f->how == PROCESS_POOL) started = process_pool_start(&f->processes, POOL_SIZE, process_child) == 0;
    if (!started) {
        bench_case_fail(c, "could not set up %zu tasks on a pool of %d: %s", f->n, POOL_SIZE, strerror(errno));
        free(f->out);
        free(f);
        return NULL;
    }
    bench_case_set_items(c, (int64_t)f->n);
    return f;
}

static int check_squares(void *state, bench_case *c) {
    const fixture *f = state;
    for (size_t i = 0; i < f->n; i++) {
        if (f->out[i] != (int64_t)i * (int64_t)i) {
            bench_case_fail(c, "square of %zu came back as %lld", i, (long long)f->out[i]);
            return -1;
        }
    }
    return 0;
}

#define HOW(h) .run = run_map, .arg = &(const how){h}
static const bench_variant variants[] = {
    {.name = "sequential", HOW(SEQUENTIAL)},
    {.name = "thread_pool_4", HOW(THREAD_POOL)},
    {.name = "process_pool_4", HOW(PROCESS_POOL), .in_children = 1},
    {.name = "process_pool_4_with", HOW(PROCESS_POOL_WITH), .in_children = 1},
};

/* Tasks per map call; 10,000 is the article's. */
static const double sweep[] = {100, 1000, 10000, 100000};
static const double quick_sweep[] = {100, 10000};

const bench_comparison bench_this_comparison = {
    .name = "tiny_tasks",
    .param = "tasks",
    .param_kind = BENCH_PARAM_COUNT,
    .item = "task",
    .about = "Article 002's `Pool(4).map(square, range(10000))`: `tasks` tasks of one multiplication "
             "each. `sequential` is the loop. `thread_pool_4` and `process_pool_4` are pools of 4 "
             "threads or 4 forked processes started once (untimed), given the tasks in chunks as "
             "`Pool.map` does (chunk size tasks / 16, i.e. 4 chunks per worker): the threads take "
             "chunks by an atomic counter and write the squares in place; the processes receive each "
             "chunk's range through a pipe and send its squares back through another, as a pool "
             "pickles results back. `process_pool_4_with` is the article's own `with Pool(4) as pool: "
             "pool.map(...)`: the same pool forked, used and terminated (killed and reaped, as "
             "`Pool.__exit__` does) inside the timing, which is what CPython here times too. "
             "Timed: one map call (with the pool's start and stop for `process_pool_4_with`); ns per task. "
             "Every square is checked before timing starts. What the pools add over the loop is "
             "dispatch: waking the workers and, for processes, pipe traffic.",
    BENCH_SWEEP(variants, sweep, quick_sweep),
    .key_numbers = BENCH_KEY_GROWTH_ORDER,
    .setup = setup_fixture,
    .check = check_squares,
    .teardown = teardown_fixture,
};
