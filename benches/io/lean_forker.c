/* lean_forker.c: see lean_forker.h. The helper serves one request at a time over a socket pair and
 * exits when the program's end of it closes, which the program does at its exit, reaping the helper
 * so that nothing outlives it; killed, the program takes the helper with it (PR_SET_PDEATHSIG). */
#include "lean_forker.h"

#include "constructor_order.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* One request: what to run in each of n children, then arg_size bytes of its argument. */
typedef struct request {
    process_each_fn *body;
    size_t n, arg_size, result_size;
} request;

static int helper_fd = -1; /* the program's end of the socket pair; -1 if the helper is not running */
static pid_t helper_pid;    /* the helper, and the program that forked it (only it reaps the helper) */
static pid_t program_pid;

/* The helper's loop: read a request, fork its children, send back the status and the results. */
static int serve(int fd) {
    for (;;) {
        request r;
        if (process_pool_transfer(fd, &r, sizeof r, 0) != 0) return 0; /* the program is gone */
        void *arg = malloc(r.arg_size ? r.arg_size : 1), *results = calloc(r.n ? r.n : 1, r.result_size);
        int status = arg && results && process_pool_transfer(fd, arg, r.arg_size, 0) == 0 ? 0 : -1;
        if (status == 0) status = process_pool_fork_each(r.n, r.body, arg, results, r.result_size);
        const int sent = process_pool_transfer(fd, &status, sizeof status, 1) == 0 &&
                         (status != 0 || process_pool_transfer(fd, results, r.n * r.result_size, 1) == 0);
        free(arg);
        free(results);
        if (!sent) return 1;
    }
}

/* Before main, while the program holds nothing but its libraries (and what the constructors before
 * this one set up: constructor_order.h): fork the helper. */
__attribute__((constructor(LEAN_FORKER_PRIORITY))) static void start_helper(void) {
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return;
    const pid_t program = getpid();
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        process_pool_die_with_parent(program);
        signal(SIGPIPE, SIG_IGN);
        _exit(serve(fds[1]));
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        return;
    }
    helper_fd = fds[0];
    helper_pid = pid;
    program_pid = program;
}

/* At the program's normal exit: end the helper's loop and reap it. */
__attribute__((destructor)) static void stop_helper(void) {
    if (helper_fd < 0 || getpid() != program_pid) return;
    close(helper_fd);
    helper_fd = -1;
    while (waitpid(helper_pid, NULL, 0) < 0 && errno == EINTR) continue;
}

int lean_forker_fork_each(size_t n, process_each_fn *body, const void *arg, size_t arg_size, void *results,
                          size_t result_size) {
    if (helper_fd < 0) return -1;
    signal(SIGPIPE, SIG_IGN); /* a helper gone is an error to report, not a signal to die of */
    const request r = {body, n, arg_size, result_size};
    int status;
    if (process_pool_transfer(helper_fd, &r, sizeof r, 1) != 0 || process_pool_transfer(helper_fd, arg, arg_size, 1) != 0 ||
        process_pool_transfer(helper_fd, &status, sizeof status, 0) != 0)
        return -1;
    if (status != 0) return -1;
    return process_pool_transfer(helper_fd, results, n * result_size, 0);
}
