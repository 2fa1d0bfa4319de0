/* process_pool.h: forked worker processes, each with a task pipe and a result pipe, for the
 * comparisons that set processes against threads. Children die with their parent (PR_SET_PDEATHSIG)
 * and are killed and reaped by process_pool_stop, so none outlives a benchmark. */
#ifndef IDIOM_PROCESS_POOL_H
#define IDIOM_PROCESS_POOL_H

#include <stddef.h>
#include <sys/types.h>

#define PROCESS_POOL_MAX 8 /* the most children one pool holds */

/* What a child runs: read tasks from task_fd, write results to result_fd, until task_fd ends.
 * It must not return to the caller's code: process_pool_start _exits with its return value. */
typedef int process_pool_child_fn(int task_fd, int result_fd);

typedef struct process_pool {
    unsigned size;                     /* children running */
    pid_t pids[PROCESS_POOL_MAX];
    int task_fds[PROCESS_POOL_MAX];    /* the parent writes tasks here */
    int result_fds[PROCESS_POOL_MAX];  /* and reads results here */
} process_pool;

/* Fork size children running child (and ignore SIGPIPE from now on). 0, or -1 with every child
 * already made stopped and reaped. */
int process_pool_start(process_pool *pool, unsigned size, process_pool_child_fn *child);
/* Close the pipes, kill and reap every child; the pool is empty afterwards. */
void process_pool_stop(process_pool *pool);
/* In a freshly forked child: die when the parent does (and at once if it already has). */
void process_pool_die_with_parent(pid_t parent);
/* Read (writing 0) or write (writing 1) exactly n bytes on fd, retrying short transfers and
 * interruptions. 0, or -1 on an error or an early end of file. */
int process_pool_transfer(int fd, const void *buf, size_t n, int writing);

/* What a child of process_pool_fork_each runs for item index: fill result (result_size bytes) and
 * return 0, or nonzero on failure. */
typedef int process_each_fn(size_t index, void *arg, void *result);
/* Fork a child per item 0..n-1, all running at once; collect each one's result into
 * results[index * result_size] and reap it. 0, or -1 if a child could not start, failed, or sent
 * less than its result (every child started is still read from and reaped). */
int process_pool_fork_each(size_t n, process_each_fn *body, void *arg, void *results, size_t result_size);

#endif /* IDIOM_PROCESS_POOL_H */
