/* io_downloads.c: n downloads from the loopback server, five ways; see io_downloads.h. */
#include "io_downloads.h"

#include "lean_forker.h"
#include "local_http.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define TIMEOUT_MS (IO_LATENCY_MS + 30000L) /* no download may take longer: every loop is bounded */

static unsigned latency_ms(void) { return bench_quick() ? IO_QUICK_LATENCY_MS : IO_LATENCY_MS; }

typedef struct fixture {
    io_strategy how;
    size_t n;
    local_server *server;
    download *downloads;          /* n slots, each with a payload-sized buffer */
    unsigned char *storage;       /* the slots' buffers */
    struct child_result *child_results; /* processes: what each child reported */
    struct download_job *jobs;    /* thread_per_download: each thread's download, made at setup */
    atomic_size_t next;           /* thread_pool_4: the first download nobody has taken */
} fixture;

/* What a child process reports of its download. */
typedef struct child_result {
    int ok;            /* the transfer succeeded */
    size_t received;
    uint64_t checksum; /* FNV-1a of the bytes received */
} child_result;

static int fetch(fixture *f, size_t i) { return local_download(local_server_url(f->server), &f->downloads[i], TIMEOUT_MS); }

/* A download failed or came back with the wrong length. */
static int download_bad(const fixture *f, size_t i) {
    return f->downloads[i].curl_status != CURLE_OK || f->downloads[i].received != IO_PAYLOAD_BYTES;
}

/* One download, for a thread of its own. */
typedef struct download_job {
    struct fixture *f;
    size_t index;
} download_job;

static void *thread_per_download(void *arg) {
    download_job *job = arg;
    fetch(job->f, job->index);
    return NULL;
}

/* thread_pool_4's worker: takes the next download until none is left. The pool is these workers,
 * started in each iteration by run_threads: written here rather than shared, since starting four
 * threads and sharing the downloads among them is what the variant measures. */
static void *pool_worker(void *arg) {
    fixture *f = arg;
    for (size_t i; (i = atomic_fetch_add(&f->next, 1)) < f->n;) fetch(f, i);
    return NULL;
}

/* Start `count` threads, thread k running body on base + k * stride (stride 0: all on base); join
 * them all. -1 if any could not start. */
static int run_threads(size_t count, void *(*body)(void *), void *base, size_t stride) {
    pthread_t *threads = malloc(count * sizeof *threads);
    if (threads == NULL) return -1;
    size_t started = 0;
    while (started < count && pthread_create(&threads[started], NULL, body, (char *)base + started * stride) == 0)
        started++;
    for (size_t k = 0; k < started; k++) pthread_join(threads[k], NULL);
    free(threads);
    return started == count ? 0 : -1;
}

/* libcurl's multi interface: every transfer on this thread, driven by poll until all are done. */
static int run_event_loop(fixture *f) {
    CURLM *multi = curl_multi_init();
    if (multi == NULL) return -1;
    CURL **handles = calloc(f->n, sizeof *handles);
    int status = handles ? 0 : -1;
    for (size_t i = 0; i < f->n && status == 0; i++) {
        handles[i] = local_download_handle(local_server_url(f->server), &f->downloads[i], TIMEOUT_MS);
        if (handles[i] == NULL || curl_multi_add_handle(multi, handles[i]) != CURLM_OK) status = -1;
        else curl_easy_setopt(handles[i], CURLOPT_PRIVATE, &f->downloads[i]);
    }
    int running = 1;
    while (status == 0 && running > 0) { /* bounded: each transfer times out after TIMEOUT_MS */
        if (curl_multi_perform(multi, &running) != CURLM_OK) status = -1;
        else if (running > 0 && curl_multi_poll(multi, NULL, 0, 1000, NULL) != CURLM_OK) status = -1;
    }
    CURLMsg *msg;
    int left;
    while ((msg = curl_multi_info_read(multi, &left)) != NULL) {
        if (msg->msg != CURLMSG_DONE) continue;
        download *d;
        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&d);
        d->curl_status = (int)msg->data.result;
    }
    for (size_t i = 0; handles && i < f->n; i++) {
        if (handles[i] == NULL) continue;
        curl_multi_remove_handle(multi, handles[i]);
        curl_easy_cleanup(handles[i]);
    }
    free(handles);
    curl_multi_cleanup(multi);
    return status;
}

/* What each child of a process per download is told: where to download from. */
typedef struct child_task {
    char url[128];
    long timeout_ms;
} child_task;

/* What a child per download runs, in a buffer of its own: the download, reported as its length and
 * checksum. */
static int download_in_child(size_t i, void *arg, void *result) {
    (void)i;
    const child_task *task = arg;
    download d = {malloc(IO_PAYLOAD_BYTES), IO_PAYLOAD_BYTES, 0, -1};
    const int ok = d.bytes != NULL && local_download(task->url, &d, task->timeout_ms) == 0;
    const size_t kept = d.received < d.capacity ? d.received : d.capacity;
    *(child_result *)result = (child_result){ok, d.received, d.bytes ? local_checksum(d.bytes, kept) : 0};
    free(d.bytes);
    return 0;
}

/* A child per download, all at once, forked by the lean forker (which holds none of this process's
 * buffers), each reporting through a pipe and reaped. */
static int run_processes(fixture *f) {
    child_task task = {.timeout_ms = TIMEOUT_MS};
    snprintf(task.url, sizeof task.url, "%s", local_server_url(f->server));
    int status = lean_forker_fork_each(f->n, download_in_child, &task, sizeof task, f->child_results,
                                       sizeof *f->child_results);
    for (size_t i = 0; i < f->n; i++)
        if (!f->child_results[i].ok || f->child_results[i].received != IO_PAYLOAD_BYTES) status = -1;
    return status;
}

int io_run(void *state) {
    fixture *f = state;
    for (size_t i = 0; i < f->n; i++) f->downloads[i].curl_status = -1;
    int status = 0;
    switch (f->how) {
    case IO_SEQUENTIAL:
        for (size_t i = 0; i < f->n; i++) fetch(f, i);
        break;
    case IO_THREAD_PER_DOWNLOAD: status = run_threads(f->n, thread_per_download, f->jobs, sizeof *f->jobs); break;
    case IO_THREAD_POOL_4:
        atomic_store(&f->next, 0);
        status = run_threads(IO_POOL_THREADS, pool_worker, f, 0);
        break;
    case IO_EVENT_LOOP: status = run_event_loop(f); break;
    case IO_PROCESS_PER_DOWNLOAD: return run_processes(f);
    }
    for (size_t i = 0; status == 0 && i < f->n; i++)
        if (download_bad(f, i)) status = -1;
    return status;
}

void io_teardown(void *state) {
    fixture *f = state;
    local_server_stop(f->server);
    free(f->downloads);
    free(f->storage);
    free(f->child_results);
    free(f->jobs);
    free(f);
}

/* Plain malloc throughout: downloads land from threads, and the counting allocator is not thread-safe. */
void *io_setup(bench_case *c) {
    const size_t n = bench_case_count(c);
    if (n < 1) {
        bench_case_fail(c, "%zu downloads: there must be at least one", n);
        return NULL;
    }
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL) return NULL;
    f->how = *(const io_strategy *)bench_case_arg(c);
    f->n = n;
    char error[256];
    f->server = local_server_start(IO_PAYLOAD_BYTES, latency_ms(), bench_seed(), error, sizeof error);
    f->downloads = calloc(n, sizeof *f->downloads);
    f->storage = malloc(n * (size_t)IO_PAYLOAD_BYTES);
    f->child_results = calloc(n, sizeof *f->child_results);
    f->jobs = calloc(n, sizeof *f->jobs);
    if (f->server == NULL || f->downloads == NULL || f->storage == NULL || f->child_results == NULL || f->jobs == NULL) {
        bench_case_fail(c, "%s", f->server ? "out of memory for the download slots" : error);
        io_teardown(f);
        return NULL;
    }
    if (strlen(local_server_url(f->server)) >= sizeof ((child_task *)NULL)->url) {
        bench_case_fail(c, "the server's URL %s is too long for a child's task", local_server_url(f->server));
        io_teardown(f);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        f->downloads[i] = (download){f->storage + i * (size_t)IO_PAYLOAD_BYTES, IO_PAYLOAD_BYTES, 0, -1};
        f->jobs[i] = (download_job){f, i};
    }
    bench_case_set_items(c, (int64_t)n);
    return f;
}

/* Every download of the checked run against the payload: bytes for downloads made here, length
 * and checksum for those a child made. */
int io_check(void *state, bench_case *c) {
    const fixture *f = state;
    bench_case_set_counter(c, io_extra_counters[0], latency_ms());
    const uint64_t payload_sum = local_checksum(local_server_payload(f->server), IO_PAYLOAD_BYTES);
    for (size_t i = 0; i < f->n; i++) {
        int good;
        if (f->how == IO_PROCESS_PER_DOWNLOAD) {
            const child_result *r = &f->child_results[i];
            good = r->ok && r->received == IO_PAYLOAD_BYTES && r->checksum == payload_sum;
        } else {
            good = local_download_is_payload(f->server, &f->downloads[i]);
        }
        if (!good) {
            const size_t received = f->how == IO_PROCESS_PER_DOWNLOAD ? f->child_results[i].received
                                                                      : f->downloads[i].received;
            if (received != IO_PAYLOAD_BYTES)
                bench_case_fail(c, "download %zu of %zu came back with %zu bytes, not %d", i, f->n, received,
                                IO_PAYLOAD_BYTES);
            else
                bench_case_fail(c, "download %zu of %zu came back corrupt: its bytes differ from the payload", i, f->n);
            return -1;
        }
    }
    return 0;
}
