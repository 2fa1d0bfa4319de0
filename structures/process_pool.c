/* process_pool.c: forked workers with pipes; see process_pool.h. */
#include "process_pool.h"

#include <assert.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

int process_pool_transfer(int fd, const void *buf, size_t n, int writing) {
    char *p = (char *)buf; /* written into only when reading */
    while (n > 0) {
        const ssize_t done = writing ? write(fd, p, n) : read(fd, p, n);
        if (done < 0 && errno == EINTR) continue;
        if (done <= 0) return -1;
        p += done;
        n -= (size_t)done;
    }
    return 0;
}

void process_pool_die_with_parent(pid_t parent) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(1);
}

/* Killing, not only closing: a child that another pool forked later holds copies of this pool's
 * pipes, so the end of file that would stop a child might never come. */
void process_pool_stop(process_pool *pool) {
    for (unsigned i = 0; i < pool->size; i++) {
        close(pool->task_fds[i]);
        close(pool->result_fds[i]);
        kill(pool->pids[i], SIGKILL);
    }
    for (unsigned i = 0; i < pool->size; i++) waitpid(pool->pids[i], NULL, 0);
    pool->size = 0;
}

/* Each child closes the parent's ends of its own pipes and its older siblings' pipes, then runs
 * child and _exits with its status. The parent keeps only its ends, and from here on ignores
 * SIGPIPE (process-wide), so that writing to a child that died is an error return, not a killed
 * benchmark. */
int process_pool_start(process_pool *pool, unsigned size, process_pool_child_fn *child) {
    assert(size <= PROCESS_POOL_MAX);
    signal(SIGPIPE, SIG_IGN);
    pool->size = 0;
    const pid_t parent = getpid();
    for (unsigned i = 0; i < size; i++) {
        int task_pipe[2], result_pipe[2];
        if (pipe(task_pipe) != 0) break;
        if (pipe(result_pipe) != 0) {
            close(task_pipe[0]);
            close(task_pipe[1]);
            break;
        }
        const pid_t pid = fork();
        if (pid == 0) {
            process_pool_die_with_parent(parent);
            close(task_pipe[1]);
            close(result_pipe[0]);
            for (unsigned k = 0; k < pool->size; k++) {
                close(pool->task_fds[k]);
                close(pool->result_fds[k]);
            }
            _exit(child(task_pipe[0], result_pipe[1]));
        }
        close(task_pipe[0]);
        close(result_pipe[1]);
        if (pid < 0) {
            close(task_pipe[1]);
            close(result_pipe[0]);
            break;
        }
        pool->pids[pool->size] = pid;
        pool->task_fds[pool->size] = task_pipe[1];
        pool->result_fds[pool->size] = result_pipe[0];
        pool->size++;
    }
    if (pool->size == size) return 0;
    process_pool_stop(pool);
    return -1;
}

int process_pool_fork_each(size_t n, process_each_fn *body, void *arg, void *results, size_t result_size) {
    pid_t *pids = malloc((n ? n : 1) * sizeof *pids);
    int *fds = malloc((n ? n : 1) * sizeof *fds);
    int status = pids && fds ? 0 : -1;
    size_t started = 0;
    const pid_t parent = getpid();
    for (; status == 0 && started < n; started++) {
        int fd[2];
        if (pipe(fd) != 0) {
            status = -1;
            break;
        }
        const pid_t pid = fork();
        if (pid == 0) {
            process_pool_die_with_parent(parent);
            close(fd[0]);
            void *result = (char *)results + started * result_size; /* the child's own copy of the slot */
            const int ok = body(started, arg, result) == 0 && process_pool_transfer(fd[1], result, result_size, 1) == 0;
            free(pids); /* the child's copies: _exit would not leak them, but a memory checker would say so */
            free(fds);
            _exit(ok ? 0 : 1);
        }
        close(fd[1]);
        if (pid < 0) {
            close(fd[0]);
            status = -1;
            break;
        }
        pids[started] = pid;
        fds[started] = fd[0];
    }
    for (size_t i = 0; i < started; i++) {
        if (process_pool_transfer(fds[i], (char *)results + i * result_size, result_size, 0) != 0) status = -1;
        close(fds[i]);
        int child_status;
        if (waitpid(pids[i], &child_status, 0) != pids[i] || !WIFEXITED(child_status) || WEXITSTATUS(child_status) != 0)
            status = -1;
    }
    free(pids);
    free(fds);
    return status;
}
