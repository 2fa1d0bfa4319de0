/* io_downloads.h: the lifecycle the I/O comparisons share: n downloads from the loopback server,
 * made one of five ways. A bm file lists which ways it sets against each other; the variant's arg
 * is a pointer to its io_strategy. */
#ifndef IDIOM_IO_DOWNLOADS_H
#define IDIOM_IO_DOWNLOADS_H

#include "bench.h"
#include "local_http.h"

#define IO_POOL_THREADS 4             /* thread_pool_4 */
#define IO_SEQUENTIAL_LIMIT 16        /* sequential and the pool stop where one iteration passes 1 s */
#define IO_POOL_LIMIT 64

typedef enum io_strategy {
    IO_SEQUENTIAL,           /* one download after another */
    IO_THREAD_PER_DOWNLOAD,  /* a pthread each, created and joined per iteration */
    IO_THREAD_POOL_4,        /* 4 threads per call, taking downloads by an atomic counter */
    IO_EVENT_LOOP,           /* libcurl's multi interface on this one thread: the asyncio analogue */
    IO_PROCESS_PER_DOWNLOAD, /* a forked child each, reporting length and checksum through a pipe */
} io_strategy;

/* The shared lifecycle: setup starts the server and the download slots, teardown stops it. */
void *io_setup(bench_case *c);
int io_run(void *state);
int io_check(void *state, bench_case *c);
void io_teardown(void *state);

/* The CSV column that records the latency the server held each request for (io_check sets it). */
static const char *const io_extra_counters[] = {"latency_ms"};

/* Downloads per iteration, 4 being the article's; and the QUICK run's. */
static const double io_sweep[] = {1, 2, 4, 8, 16, 64, 256};
static const double io_quick_sweep[] = {1, 4};

#define IO_VARIANT(name_, strategy_, max_x_) \
    {.name = (name_), .run = io_run, .arg = &(const io_strategy){strategy_}, .max_x = (max_x_), \
     .in_children = (strategy_) == IO_PROCESS_PER_DOWNLOAD}

/* What both comparisons declare alike besides their names, variants and `about`: parameter, item,
 * shared chart, sweeps, counters and lifecycle. */
#define IO_COMPARISON(variant_array)                                                               \
    .param = "downloads", .param_kind = BENCH_PARAM_COUNT, .item = "download", .chart = "io_downloads", \
    BENCH_SWEEP(variant_array, io_sweep, io_quick_sweep), BENCH_EXTRA_COUNTERS(io_extra_counters),  \
    .setup = io_setup, .check = io_check, .teardown = io_teardown

/* The method shared by both comparisons' `about`. */
#define IO_ABOUT_METHOD                                                                            \
    "Downloads of a 200 KB \"image\" from an HTTP server on 127.0.0.1 that the benchmark starts "  \
    "and stops itself (libmicrohttpd, a thread per connection, on a port the kernel picks), which " \
    "holds every request for 50 ms (10 ms in a QUICK run; the CSV's `latency_ms` says which) "     \
    "before answering: the stand-in for the internet. Clients use "                                 \
    "libcurl, as `urllib.request.urlretrieve` would, with no proxy and a timeout. Time is wall "    \
    "time, since waiting is the point; items are downloads. Every download is checked: in the "    \
    "checked run its bytes against the payload (by length and FNV-1a checksum for a child "         \
    "process), and in every timed iteration its status and length. The floor is one latency per "  \
    "iteration, the sequential line n latencies. `sequential` stops at 16 downloads and "          \
    "`thread_pool_4` at 64, where one iteration passes a second."

#endif /* IDIOM_IO_DOWNLOADS_H */
